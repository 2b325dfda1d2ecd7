package slnet.login.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import slnet.login.LoginCredentials;
import slnet.login.PasswordHasher;

/**
 * Assembles the {@code login_to_simulator} parameter map the official viewer sends.
 */
public final class LoginRequestFactory {

    /** The XML-RPC method name. */
    public static final String METHOD = "login_to_simulator";

    private LoginRequestFactory() {
    }

    /**
     * The parameter struct (for XML-RPC) or map (for LLSD).
     *
     * @param c the credentials
     * @return an insertion-ordered, unmodifiable map holding the hashed password
     */
    public static Map<String, Object> parameters(LoginCredentials c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("first", c.firstName());
        p.put("last", c.lastName());
        p.put("passwd", PasswordHasher.toLoginHash(c.password(), c.grid().passwordMaxChars()));
        p.put("start", c.startLocation().toLoginString());
        p.put("channel", c.channel());
        p.put("version", c.version());
        p.put("platform", c.platform());
        p.put("platform_version", c.platformVersion());
        p.put("platform_string", c.platformString());
        p.put("mac", c.mac());
        p.put("id0", c.id0());
        p.put("host_id", c.hostId());
        p.put("agree_to_tos", c.agreeToTos());
        p.put("read_critical", c.readCritical());
        p.put("address_size", 64);
        p.put("extended_errors", true);
        p.put("last_exec_event", c.lastExecEvent());
        p.put("last_exec_duration", 0);
        p.put("mfa_hash", c.mfaHash());
        p.put("token", c.mfaToken());
        p.put("options", List.copyOf(c.options()));
        return java.util.Collections.unmodifiableMap(p);
    }
}
