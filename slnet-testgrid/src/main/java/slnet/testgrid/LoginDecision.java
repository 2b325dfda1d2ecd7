package slnet.testgrid;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import slnet.login.PasswordHasher;
import slnet.testgrid.fault.LoginFault;

/**
 * Decides the reply to one {@code login_to_simulator} call, as the grid would: checks the
 * account and password, applies the current fault, and on success issues a session.
 */
final class LoginDecision {

    private final LoginServer server;
    private final LoginFault fault;

    LoginDecision(LoginServer server, LoginFault fault) {
        this.server = server;
        this.fault = fault;
    }

    Map<String, Object> decide(Map<String, Object> params) {
        if (fault instanceof LoginFault.Redirect r) {
            int served = server.nextRedirect();
            if (served < r.times()) {
                return Map.of("login", "indeterminate",
                        "next_url", server.baseUri().resolve("login/redirect/" + (served + 1)).toString(),
                        "next_method", "login_to_simulator",
                        "next_duration", r.nextDurationSeconds(),
                        "message", "The grid is busy; redirecting");
            }
        }
        String first = text(params, "first");
        String last = text(params, "last");
        Optional<TestAccount> account = server.account(first, last);
        String passwd = text(params, "passwd");
        if (account.isEmpty()
                || !PasswordHasher.toLoginHash(account.get().password(), 0).equals(passwd.toLowerCase(java.util.Locale.ROOT))) {
            return refuse("key", "Sorry! We couldn't log you in. Please check your username and password.");
        }
        switch (fault) {
            case LoginFault.Presence p -> {
                return refuse("presence", "You are already logged in. Please wait and try again.");
            }
            case LoginFault.TosRequired t -> {
                if (!truthy(params.get("agree_to_tos"))) {
                    return refuse("tos", "Please read and accept the Terms of Service.");
                }
            }
            case LoginFault.MfaChallenge m -> {
                boolean tokenOk = m.expectedToken().equals(text(params, "token"));
                boolean hashOk = m.mfaHash().equals(text(params, "mfa_hash"));
                if (!tokenOk && !hashOk) {
                    return refuse("mfa_challenge", "Enter the code from your authenticator app.");
                }
                return success(account.get(), params, m.mfaHash());
            }
            default -> {
            }
        }
        return success(account.get(), params, null);
    }

    private Map<String, Object> success(TestAccount account, Map<String, Object> params, String mfaHash) {
        IssuedSession s = server.issue(account);
        UUID root = UUID.nameUUIDFromBytes(("root:" + account.agentId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        URI granted = server.seedCapability(s);
        String seed = granted != null ? granted.toString()
                : server.baseUri().resolve("CAPS/" + UUID.randomUUID() + "/").toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", "true");
        m.put("agent_id", account.agentId().toString());
        m.put("session_id", s.sessionId().toString());
        m.put("secure_session_id", s.secureSessionId().toString());
        m.put("circuit_code", s.circuitCode());
        m.put("sim_ip", server.simulator().getAddress().getHostAddress());
        m.put("sim_port", server.simulator().getPort());
        m.put("region_x", server.regionX());
        m.put("region_y", server.regionY());
        m.put("seed_capability", seed);
        m.put("first_name", "\"" + account.firstName() + "\"");
        m.put("last_name", account.lastName());
        m.put("agent_access", "M");
        m.put("agent_access_max", "A");
        m.put("start_location", text(params, "start").startsWith("uri:") ? "url" : text(params, "start"));
        m.put("look_at", "[r1,r0,r0]");
        m.put("home", "{'region_handle':[r" + server.homeX() + ",r" + server.homeY()
                + "], 'position':[r128,r128,r20], 'look_at':[r1,r0,r0]}");
        m.put("seconds_since_epoch", (int) (System.currentTimeMillis() / 1000));
        m.put("message", "Welcome to " + server.regionName());
        m.put("inventory-root", List.of(Map.of("folder_id", root.toString())));
        m.put("inventory-skeleton", List.of(Map.of("folder_id", root.toString(),
                "parent_id", new UUID(0, 0).toString(), "name", "My Inventory", "type_default", 8, "version", 1)));
        // Friends see each other online and may map each other: rights 1 (online status) and 2 (map).
        m.put("buddy-list", server.friendsOf(account.agentId()).stream().map(id -> (Object) Map.of(
                "buddy_id", id.toString(), "buddy_rights_given", 3, "buddy_rights_has", 3)).toList());
        m.put("login-flags", List.of(Map.of("stipend_since_login", "N", "ever_logged_in", "Y",
                "seconds_since_epoch", (int) (System.currentTimeMillis() / 1000),
                "daylight_savings", "N", "gendered", "Y")));
        m.put("max-agent-groups", 42);
        if (mfaHash != null) {
            m.put("mfa_hash", mfaHash);
        }
        return m;
    }

    private static Map<String, Object> refuse(String reason, String message) {
        return Map.of("login", "false", "reason", reason, "message", message);
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v != null && ("1".equals(v.toString()) || "true".equals(v.toString()));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }
}
