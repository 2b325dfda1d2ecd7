package slnet.login.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.login.HomeLocation;
import slnet.login.LocalVector;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.login.SessionInfo;

class LoginReplyDecoderTest {

    static final UUID AGENT = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final UUID SESSION = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    static final UUID SECURE = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    static Map<String, Object> success() {
        Map<String, Object> m = new HashMap<>();
        m.put("login", "true");
        m.put("agent_id", AGENT.toString());
        m.put("session_id", SESSION.toString());
        m.put("secure_session_id", SECURE.toString());
        m.put("circuit_code", 123456);
        m.put("sim_ip", "127.0.0.1");
        m.put("sim_port", 13000);
        m.put("region_x", 256000);
        m.put("region_y", 256256);
        m.put("seed_capability", "http://127.0.0.1:9000/CAPS/seed/");
        m.put("look_at", "[r0.99, r0.1, r0]");
        m.put("first_name", "\"Test\"");
        m.put("last_name", "User");
        m.put("agent_access", "M");
        m.put("agent_access_max", "A");
        m.put("start_location", "last");
        m.put("home", "{'region_handle':[r256000,r256256], 'position':[r128,r128,r20], 'look_at':[r1,r0,r0]}");
        m.put("seconds_since_epoch", 1700000000);
        m.put("inventory-root", List.of(Map.of("folder_id", "00000000-0000-0000-0000-00000000000a")));
        m.put("inventory-skeleton", List.of(Map.of("folder_id", "00000000-0000-0000-0000-00000000000a",
                "parent_id", "00000000-0000-0000-0000-000000000000", "name", "My Inventory",
                "type_default", 8, "version", 3)));
        m.put("buddy-list", List.of(Map.of("buddy_id", "00000000-0000-0000-0000-0000000000bb",
                "buddy_rights_given", 1, "buddy_rights_has", 3)));
        m.put("login-flags", List.of(Map.of("stipend_since_login", "N", "ever_logged_in", "Y",
                "daylight_savings", "N", "gendered", "Y")));
        m.put("max-agent-groups", 42);
        m.put("message", "Welcome");
        m.put("mfa_hash", "the-hash");
        return m;
    }

    @Test
    void successBecomesSessionInfo() throws Exception {
        SessionInfo s = ((LoginReply.Accepted) LoginReplyDecoder.decode(success())).session();
        assertThat(s.agentId()).isEqualTo(AGENT);
        assertThat(s.sessionId()).isEqualTo(SESSION);
        assertThat(s.secureSessionId()).isEqualTo(SECURE);
        assertThat(s.circuitCode()).isEqualTo(123456);
        assertThat(s.simulator()).isEqualTo(new InetSocketAddress("127.0.0.1", 13000));
        assertThat(s.regionHandle()).isEqualTo((256000L << 32) | 256256L);
        assertThat(s.lookAt()).isEqualTo(new LocalVector(0.99, 0.1, 0));
        assertThat(s.firstName()).isEqualTo("Test");
        assertThat(s.home()).contains(new HomeLocation((256000L << 32) | 256256L,
                new LocalVector(128, 128, 20), new LocalVector(1, 0, 0)));
        assertThat(s.home().get().regionX()).isEqualTo(256000L);
        assertThat(s.inventoryRoot()).contains(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        assertThat(s.inventorySkeleton()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("My Inventory"));
        assertThat(s.buddyList()).singleElement().satisfies(b -> assertThat(b.rightsHas()).isEqualTo(3));
        assertThat(s.loginFlags().everLoggedIn()).isTrue();
        assertThat(s.loginFlags().stipendSinceLogin()).isFalse();
        assertThat(s.maxAgentGroups()).isEqualTo(42);
        assertThat(s.mfaHash()).contains("the-hash");
        assertThat(s.seedCapability()).isPresent();
        assertThat(s.raw()).containsEntry("message", "Welcome");
        assertThat(s.toString()).doesNotContain(SESSION.toString(), SECURE.toString(), "the-hash")
                .contains(AGENT.toString());
    }

    @Test
    void failuresAreTyped() throws Exception {
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "key", "message", "bad")))
                .isEqualTo(new LoginReply.Refused(LoginFailure.BAD_CREDENTIALS, "key", "bad"));
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "presence", "message", "m")))
                .extracting(r -> ((LoginReply.Refused) r).failure()).isEqualTo(LoginFailure.PRESENCE);
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "tos", "message", "m")))
                .extracting(r -> ((LoginReply.Refused) r).failure()).isEqualTo(LoginFailure.TOS_REQUIRED);
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "critical", "message", "m")))
                .extracting(r -> ((LoginReply.Refused) r).failure()).isEqualTo(LoginFailure.CRITICAL_MESSAGE);
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "update", "message", "m")))
                .extracting(r -> ((LoginReply.Refused) r).failure()).isEqualTo(LoginFailure.UPDATE_REQUIRED);
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "ban", "message", "m")))
                .extracting(r -> ((LoginReply.Refused) r).failure()).isEqualTo(LoginFailure.REJECTED);
        assertThat(LoginReplyDecoder.decode(Map.of("login", "false", "reason", "mfa_challenge", "message", "code?")))
                .isEqualTo(new LoginReply.MfaChallenged("code?"));
    }

    @Test
    void indeterminateIsARedirectWithBoundedWait() throws Exception {
        LoginReply r = LoginReplyDecoder.decode(Map.of("login", "indeterminate",
                "next_url", "http://127.0.0.1:1/login", "next_method", "login_to_simulator",
                "next_duration", 100000, "message", "busy"));
        LoginReply.Redirect d = (LoginReply.Redirect) r;
        assertThat(d.nextUri()).hasToString("http://127.0.0.1:1/login");
        assertThat(d.delay()).isEqualTo(LoginReplyDecoder.MAX_REDIRECT_WAIT);
        assertThatThrownBy(() -> LoginReplyDecoder.decode(Map.of("login", "indeterminate",
                "next_url", "file:///etc/passwd")))
                .isInstanceOf(LoginException.class);
        assertThat(((LoginReply.Redirect) LoginReplyDecoder.decode(Map.of("login", "indeterminate",
                "next_url", "https://h/x", "next_duration", "3"))).delay()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void redirectMayNotDowngradeFromHttps() throws Exception {
        assertThatThrownBy(() -> LoginReplyDecoder.checkRedirect(
                java.net.URI.create("https://login.example/"), java.net.URI.create("http://login.example/")))
                .isInstanceOf(LoginException.class).hasMessageContaining("https");
        LoginReplyDecoder.checkRedirect(java.net.URI.create("http://a/"), java.net.URI.create("https://b/"));
        LoginReplyDecoder.checkRedirect(java.net.URI.create("http://a/"), java.net.URI.create("http://b/"));
    }

    @Test
    void missingOrBadRequiredFieldsAreMalformed() {
        for (String key : List.of("agent_id", "session_id", "secure_session_id", "circuit_code", "sim_ip", "sim_port")) {
            Map<String, Object> m = success();
            m.remove(key);
            assertThatThrownBy(() -> LoginReplyDecoder.decode(m)).isInstanceOf(LoginException.class)
                    .satisfies(e -> assertThat(((LoginException) e).failure()).isEqualTo(LoginFailure.MALFORMED_RESPONSE))
                    .hasMessageContaining(key);
        }
        Map<String, Object> m = success();
        m.put("circuit_code", 0);
        assertThatThrownBy(() -> LoginReplyDecoder.decode(m)).isInstanceOf(LoginException.class);
        m.put("circuit_code", -5);
        try {
            assertThat(((LoginReply.Accepted) LoginReplyDecoder.decode(m)).session().circuitCode()).isEqualTo(-5);
        } catch (LoginException e) {
            throw new AssertionError(e);
        }
        m.put("sim_ip", "evil.example.com");
        assertThatThrownBy(() -> LoginReplyDecoder.decode(m)).isInstanceOf(LoginException.class);
        m.put("sim_ip", "127.0.0.1");
        m.put("sim_port", 70000);
        assertThatThrownBy(() -> LoginReplyDecoder.decode(m)).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> LoginReplyDecoder.decode("not a struct")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> LoginReplyDecoder.decode(Map.of("login", "maybe"))).isInstanceOf(LoginException.class);
    }

    @Test
    void oddHomeAndLookAtAreTolerated() throws Exception {
        Map<String, Object> m = success();
        m.put("home", "{garbage");
        m.put("look_at", "[r1, r2]");
        SessionInfo s = ((LoginReply.Accepted) LoginReplyDecoder.decode(m)).session();
        assertThat(s.home()).isEmpty();
        assertThat(s.lookAt()).isEqualTo(LocalVector.ZERO);
        assertThat(HomeNotationParser.parseHome("{'region_handle':[r1,r2], 'position':[r1,r2,rNaN]}")).isEmpty();
        assertThat(HomeNotationParser.parseHome("x".repeat(10_000))).isEmpty();
    }
}
