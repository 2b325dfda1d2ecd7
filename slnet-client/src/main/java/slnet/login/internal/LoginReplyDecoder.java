package slnet.login.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import slnet.login.Buddy;
import slnet.login.HomeLocation;
import slnet.login.InventoryFolder;
import slnet.login.LocalVector;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.login.LoginFlags;
import slnet.login.SessionInfo;
import slnet.login.xmlrpc.LlsdPlainValues;
import slnet.login.xmlrpc.XmlRpcNil;

/**
 * Interprets the reply struct (XML-RPC) or map (LLSD, converted to the same plain types).
 *
 * <p>Lenient where grids differ (numbers sent as strings, UUIDs as strings or UUIDs), strict on
 * what a session cannot do without.
 */
public final class LoginReplyDecoder {

    /** Bound on the wait an {@code indeterminate} reply may ask for. */
    public static final Duration MAX_REDIRECT_WAIT = Duration.ofMinutes(2);

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoginReplyDecoder() {
    }

    /**
     * Decodes a reply.
     *
     * @param reply the top-level struct
     * @return what the grid decided
     * @throws LoginException {@link LoginFailure#MALFORMED_RESPONSE} if required entries are
     *                        missing or unparsable
     */
    public static LoginReply decode(Object reply) throws LoginException {
        if (!(reply instanceof Map<?, ?> raw)) {
            throw malformed("the reply is not a struct");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) raw;
        String login = text(m, "login");
        String message = text(m, "message");
        return switch (login) {
            case "true" -> new LoginReply.Accepted(session(m));
            case "indeterminate" -> redirect(m, message);
            case "false" -> refused(m, message);
            default -> throw malformed("'login' is '" + abbreviate(login) + "'");
        };
    }

    private static LoginReply refused(Map<String, Object> m, String message) {
        String reason = text(m, "reason");
        return switch (reason) {
            case "mfa_challenge" -> new LoginReply.MfaChallenged(message);
            case "key" -> new LoginReply.Refused(LoginFailure.BAD_CREDENTIALS, reason, message);
            case "presence" -> new LoginReply.Refused(LoginFailure.PRESENCE, reason, message);
            case "update", "optional" -> new LoginReply.Refused(LoginFailure.UPDATE_REQUIRED, reason, message);
            case "tos" -> new LoginReply.Refused(LoginFailure.TOS_REQUIRED, reason, message);
            case "critical" -> new LoginReply.Refused(LoginFailure.CRITICAL_MESSAGE, reason, message);
            default -> new LoginReply.Refused(LoginFailure.REJECTED, reason, message);
        };
    }

    /**
     * Refuses a redirect that would downgrade from https to http, which would send the password
     * hash in clear text.
     *
     * @param from the URI that answered {@code indeterminate}
     * @param to   the URI it named
     * @throws LoginException {@link LoginFailure#MALFORMED_RESPONSE} for a downgrade
     */
    public static void checkRedirect(URI from, URI to) throws LoginException {
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
            throw malformed("refusing a redirect from https to " + to.getScheme());
        }
    }

    private static LoginReply redirect(Map<String, Object> m, String message) throws LoginException {
        String next = text(m, "next_url");
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            throw malformed("next_url is not a URI");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw malformed("next_url is not an absolute http(s) URI");
        }
        String method = text(m, "next_method");
        long seconds = integer(m, "next_duration", 0);
        Duration wait = Duration.ofSeconds(Math.max(0, seconds));
        if (wait.compareTo(MAX_REDIRECT_WAIT) > 0) {
            wait = MAX_REDIRECT_WAIT;
        }
        return new LoginReply.Redirect(uri, method.isEmpty() ? LoginRequestFactory.METHOD : method, wait, message);
    }

    private static SessionInfo session(Map<String, Object> m) throws LoginException {
        UUID agentId = requiredUuid(m, "agent_id");
        UUID sessionId = requiredUuid(m, "session_id");
        UUID secureSessionId = requiredUuid(m, "secure_session_id");
        long circuitCode = requiredInteger(m, "circuit_code");
        // the code is an unsigned 32-bit value; a signed i4 may carry the upper half as negative
        if (circuitCode < Integer.MIN_VALUE || circuitCode > 0xFFFF_FFFFL || circuitCode == 0) {
            throw malformed("circuit_code out of range");
        }
        String simIp = text(m, "sim_ip");
        if (!DOTTED_QUAD.matcher(simIp).matches()) {
            throw malformed("sim_ip is not an IPv4 address");
        }
        long simPort = requiredInteger(m, "sim_port");
        if (simPort <= 0 || simPort > 65535) {
            throw malformed("sim_port out of range");
        }
        InetSocketAddress simulator;
        try {
            // a dotted quad never triggers a DNS lookup
            simulator = new InetSocketAddress(InetAddress.getByName(simIp), (int) simPort);
        } catch (UnknownHostException e) {
            throw malformed("sim_ip is not an IPv4 address");
        }
        long regionX = integer(m, "region_x", 0);
        long regionY = integer(m, "region_y", 0);
        if (regionX < 0 || regionY < 0 || regionX > Integer.MAX_VALUE || regionY > Integer.MAX_VALUE) {
            throw malformed("region_x/region_y out of range");
        }
        Optional<URI> seed = Optional.empty();
        String seedText = text(m, "seed_capability");
        if (!seedText.isEmpty()) {
            try {
                seed = Optional.of(new URI(seedText));
            } catch (URISyntaxException e) {
                throw malformed("seed_capability is not a URI");
            }
        }
        String mfaHash = text(m, "mfa_hash");
        return new SessionInfo(
                agentId, sessionId, secureSessionId, (int) circuitCode, simulator, seed,
                (int) regionX, (int) regionY,
                vector(m.get("look_at")).orElse(LocalVector.ZERO),
                unquote(text(m, "first_name")), unquote(text(m, "last_name")),
                text(m, "agent_access"), text(m, "agent_access_max"), text(m, "start_location"),
                home(m.get("home")),
                integer(m, "seconds_since_epoch", 0),
                firstFolderId(m.get("inventory-root")),
                folders(m.get("inventory-skeleton")),
                buddies(m.get("buddy-list")),
                loginFlags(m.get("login-flags")),
                (int) Math.max(-1, Math.min(Integer.MAX_VALUE, integer(m, "max-agent-groups",
                        integer(m, "max_groups", -1)))),
                text(m, "message"),
                mfaHash.isEmpty() ? Optional.empty() : Optional.of(mfaHash),
                m);
    }

    private static Optional<HomeLocation> home(Object v) {
        if (v instanceof String s) {
            return HomeNotationParser.parseHome(s);
        }
        if (v instanceof Map<?, ?> m) {
            // an LLSD reply may carry home as a map rather than a notation string
            try {
                return HomeNotationParser.parseHome(
                        slnet.protocol.llsd.LlsdNotation.format(LlsdPlainValues.fromPlain(m)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalVector> vector(Object v) {
        if (v instanceof String s) {
            return HomeNotationParser.parseVector(s);
        }
        if (v instanceof List<?> l && l.size() == 3) {
            double[] d = new double[3];
            for (int i = 0; i < 3; i++) {
                Optional<Double> n = number(l.get(i));
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                d[i] = n.get();
            }
            return Optional.of(new LocalVector(d[0], d[1], d[2]));
        }
        return Optional.empty();
    }

    private static Optional<UUID> firstFolderId(Object v) {
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> folder) {
            return uuid(folder.get("folder_id"));
        }
        return Optional.empty();
    }

    private static List<InventoryFolder> folders(Object v) throws LoginException {
        List<InventoryFolder> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Map<?, ?> f)) {
                    throw malformed("inventory-skeleton entry is not a struct");
                }
                Optional<UUID> id = uuid(f.get("folder_id"));
                if (id.isEmpty()) {
                    throw malformed("inventory-skeleton entry without folder_id");
                }
                out.add(new InventoryFolder(id.get(), uuid(f.get("parent_id")).orElse(new UUID(0, 0)),
                        f.get("name") == null ? "" : f.get("name").toString(),
                        (int) number(f.get("type_default")).orElse(-1d).doubleValue(),
                        (int) number(f.get("version")).orElse(0d).doubleValue()));
            }
        }
        return out;
    }

    private static List<Buddy> buddies(Object v) {
        List<Buddy> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> b) {
                    uuid(b.get("buddy_id")).ifPresent(id -> out.add(new Buddy(id,
                            (int) number(b.get("buddy_rights_given")).orElse(0d).doubleValue(),
                            (int) number(b.get("buddy_rights_has")).orElse(0d).doubleValue())));
                }
            }
        }
        return out;
    }

    private static LoginFlags loginFlags(Object v) {
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> f) {
            return new LoginFlags(yes(f.get("stipend_since_login")), yes(f.get("ever_logged_in")),
                    yes(f.get("daylight_savings")), yes(f.get("gendered")));
        }
        return LoginFlags.NONE;
    }

    private static boolean yes(Object v) {
        return v instanceof Boolean b ? b : v != null && ("Y".equalsIgnoreCase(v.toString())
                || "true".equalsIgnoreCase(v.toString()) || "1".equals(v.toString()));
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null || v instanceof byte[] || v instanceof XmlRpcNil ? "" : v.toString();
    }

    private static long integer(Map<String, Object> m, String key, long fallback) {
        return number(m.get(key)).map(Double::longValue).orElse(fallback);
    }

    private static long requiredInteger(Map<String, Object> m, String key) throws LoginException {
        Object v = m.get(key);
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,12}")) {
            return Long.parseLong(s.strip());
        }
        throw malformed(v == null ? key + " missing" : key + " is not an integer");
    }

    private static Optional<Double> number(Object v) {
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.strip());
                return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> uuid(Object v) {
        if (v instanceof UUID u) {
            return Optional.of(u);
        }
        if (v instanceof String s && s.length() == 36) {
            try {
                return Optional.of(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static UUID requiredUuid(Map<String, Object> m, String key) throws LoginException {
        return uuid(m.get(key)).orElseThrow(() -> malformed(key + " missing or not a UUID"));
    }

    private static LoginException malformed(String what) {
        return LoginException.local(LoginFailure.MALFORMED_RESPONSE, "login reply: " + what, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
