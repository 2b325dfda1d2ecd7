package slnet.testgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.GridInfo;
import slnet.login.LoginCredentials;
import slnet.login.LoginEvent;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.login.LoginProtocol;
import slnet.login.SessionInfo;
import slnet.login.StartLocation;
import slnet.testgrid.fault.LoginFault;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoginEndToEndTest {

    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "correct horse battery staple");

    private LoginServer server;
    private final List<LoginEvent> events = new CopyOnWriteArrayList<>();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = LoginServer.builder().account(ALICE)
                .simulator(new InetSocketAddress("127.0.0.1", 13005))
                .regionName("Testville").regionCorner(256000, 256512)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AuthenticationService.Builder service() {
        return AuthenticationService.builder()
                .listener(e -> {
                    now.addAndGet(1_000_000);
                    events.add(e);
                })
                .sleeper(slept::add)
                .nanoClock(now::get)
                .requestTimeout(Duration.ofSeconds(5));
    }

    private LoginCredentials alice() {
        return LoginCredentials.of("Alice", "Tester", ALICE.password()).withGrid(Grid.custom(server.loginUri()));
    }

    private static LoginFailure failureOf(Throwable t) {
        return ((LoginException) t).failure();
    }

    @Test
    void logsInOverXmlRpc() throws Exception {
        try (AuthenticationService auth = service().build()) {
            SessionInfo s = auth.login(alice().withStartLocation(StartLocation.region("Testville", 10, 20, 30)));

            assertThat(s.agentId()).isEqualTo(ALICE.agentId());
            assertThat(s.firstName()).isEqualTo("Alice");
            assertThat(s.lastName()).isEqualTo("Tester");
            assertThat(s.simulator()).isEqualTo(new InetSocketAddress("127.0.0.1", 13005));
            assertThat(s.regionX()).isEqualTo(256000);
            assertThat(s.regionHandle()).isEqualTo((256000L << 32) | 256512L);
            assertThat(s.home()).hasValueSatisfying(h -> assertThat(h.regionHandle()).isEqualTo(s.regionHandle()));
            assertThat(s.seedCapability()).hasValueSatisfying(u -> assertThat(u.toString()).startsWith(server.baseUri().toString()));
            assertThat(s.inventorySkeleton()).hasSize(1);
            assertThat(s.inventoryRoot()).contains(s.inventorySkeleton().get(0).folderId());
            assertThat(s.maxAgentGroups()).isEqualTo(42);
            assertThat(s.mfaHash()).isEmpty();
            assertThat(s.toString()).doesNotContain(s.sessionId().toString(), s.secureSessionId().toString());

            IssuedSession issued = server.sessionFor(s.circuitCode()).orElseThrow();
            assertThat(issued.sessionId()).isEqualTo(s.sessionId());
            assertThat(issued.secureSessionId()).isEqualTo(s.secureSessionId());
            assertThat(issued.agentId()).isEqualTo(s.agentId());

            ReceivedLogin request = server.receivedLogins().get(0);
            assertThat(request.method()).isEqualTo("login_to_simulator");
            assertThat(request.contentType()).startsWith("text/xml");
            assertThat(request.params()).containsKeys("first", "last", "passwd", "start", "channel", "version",
                    "platform", "platform_version", "platform_string", "mac", "id0", "host_id", "agree_to_tos",
                    "read_critical", "address_size", "extended_errors", "last_exec_event", "mfa_hash", "token",
                    "options");
            assertThat(request.params().get("start")).isEqualTo("uri:Testville&10&20&30");
            assertThat((String) request.params().get("passwd")).startsWith("$1$").hasSize(35);

            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isInstanceOf(LoginEvent.LoginStarted.class);
            assertThat(events.get(1)).isEqualTo(new LoginEvent.RequestSent(server.loginUri(), 1));
            assertThat(events.get(2)).isInstanceOfSatisfying(LoginEvent.LoginSucceeded.class,
                    e -> assertThat(e.elapsed()).isEqualTo(Duration.ofMillis(2)));
        }
    }

    @Test
    void logsInOverLlsd() throws Exception {
        try (AuthenticationService auth = service().build()) {
            LoginCredentials llsd = alice().toBuilder().protocol(LoginProtocol.LLSD).build();
            SessionInfo s = auth.login(llsd);
            assertThat(s.agentId()).isEqualTo(ALICE.agentId());
            assertThat(s.simulator()).isEqualTo(new InetSocketAddress("127.0.0.1", 13005));
            assertThat(s.home()).isPresent();
            assertThat(s.lookAt().x()).isEqualTo(1.0);
            assertThat(server.sessionFor(s.circuitCode())).isPresent();
            ReceivedLogin request = server.receivedLogins().get(0);
            assertThat(request.contentType()).startsWith("application/llsd+xml");
            assertThat(request.params()).containsEntry("first", "Alice").containsKey("options");

            assertThatThrownBy(() -> auth.login(LoginCredentials.of("Alice", "Tester", "nope")
                    .withGrid(Grid.custom(server.loginUri())).toBuilder().protocol(LoginProtocol.LLSD).build()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.BAD_CREDENTIALS));
            server.setFault(new LoginFault.TruncatedXml());
            assertThatThrownBy(() -> auth.login(llsd))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.MALFORMED_RESPONSE));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreBadCredentials() {
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(LoginCredentials.of("Alice", "Tester", "wrong")
                    .withGrid(Grid.custom(server.loginUri()))))
                    .isInstanceOfSatisfying(LoginException.class, e -> {
                        assertThat(e.failure()).isEqualTo(LoginFailure.BAD_CREDENTIALS);
                        assertThat(e.reasonCode()).isEqualTo("key");
                        assertThat(e.serverMessage()).contains("username and password");
                    });
            assertThatThrownBy(() -> auth.login(LoginCredentials.of("Nobody", "Here", "x")
                    .withGrid(Grid.custom(server.loginUri()))))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.BAD_CREDENTIALS));
            assertThat(events).last().isInstanceOf(LoginEvent.LoginFailed.class);
        }
    }

    @Test
    void presenceIsReported() {
        server.setFault(new LoginFault.Presence());
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.PRESENCE));
        }
    }

    @Test
    void termsOfServiceMustBeAccepted() throws Exception {
        server.setFault(new LoginFault.TosRequired());
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.TOS_REQUIRED));
            assertThat(auth.login(alice().toBuilder().agreeToTos(true).build()).agentId()).isEqualTo(ALICE.agentId());
        }
    }

    @Test
    void mfaChallengeIsAnsweredAndHashHandedBack() throws Exception {
        server.setFault(new LoginFault.MfaChallenge("123456", "device-hash"));
        List<String> prompts = new ArrayList<>();
        try (AuthenticationService auth = service().mfaTokenProvider(msg -> {
            prompts.add(msg);
            return Optional.of("123456");
        }).build()) {
            SessionInfo s = auth.login(alice());
            assertThat(s.mfaHash()).contains("device-hash");
            assertThat(prompts).singleElement().asString().contains("authenticator");
            assertThat(events).anyMatch(e -> e instanceof LoginEvent.MfaRequested);
            assertThat(server.receivedLogins()).hasSize(2);
            assertThat(server.receivedLogins().get(1).params()).containsEntry("token", "123456");
        }
        // the stored hash lets a later login through without a prompt
        try (AuthenticationService auth = service().build()) {
            assertThat(auth.login(alice().toBuilder().mfaHash("device-hash").build()).agentId())
                    .isEqualTo(ALICE.agentId());
        }
    }

    @Test
    void mfaWithoutTokenOrWithWrongTokenFails() {
        server.setFault(new LoginFault.MfaChallenge("123456", "device-hash"));
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.MFA_CHALLENGE));
        }
        try (AuthenticationService auth = service().maxMfaPrompts(2).mfaTokenProvider(m -> Optional.of("000000")).build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.MFA_CHALLENGE));
            assertThat(server.receivedLogins()).hasSize(1 + 3);
        }
    }

    @Test
    void redirectsAreFollowedAfterTheRequestedWait() throws Exception {
        server.setFault(new LoginFault.Redirect(2, 7));
        try (AuthenticationService auth = service().build()) {
            SessionInfo s = auth.login(alice());
            assertThat(s.agentId()).isEqualTo(ALICE.agentId());
            assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
            assertThat(events).filteredOn(e -> e instanceof LoginEvent.Redirected).hasSize(2);
            assertThat(server.receivedLogins()).extracting(ReceivedLogin::path)
                    .containsExactly("/login", "/login/redirect/1", "/login/redirect/2");
        }
    }

    @Test
    void redirectsAreBounded() {
        server.setFault(new LoginFault.Redirect(10, 0));
        try (AuthenticationService auth = service().maxRedirects(3).build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.TOO_MANY_REDIRECTS));
            assertThat(server.receivedLogins()).hasSize(4);
        }
    }

    @Test
    void httpErrorCarriesStatus() {
        try (AuthenticationService auth = service().build()) {
            server.setFault(new LoginFault.HttpStatus(500));
            assertThatThrownBy(() -> auth.login(alice())).isInstanceOfSatisfying(LoginException.class, e -> {
                assertThat(e.failure()).isEqualTo(LoginFailure.HTTP_ERROR);
                assertThat(e.httpStatus()).isEqualTo(500);
            });
            server.setFault(new LoginFault.HttpStatus(503));
            assertThatThrownBy(() -> auth.login(alice())).isInstanceOfSatisfying(LoginException.class, e -> {
                assertThat(e.failure()).isEqualTo(LoginFailure.GRID_DOWN);
                assertThat(e.httpStatus()).isEqualTo(503);
            });
        }
    }

    @Test
    void htmlAndTruncatedRepliesAreMalformed() {
        try (AuthenticationService auth = service().build()) {
            server.setFault(new LoginFault.HtmlBody());
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.MALFORMED_RESPONSE));
            server.setFault(new LoginFault.TruncatedXml());
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.MALFORMED_RESPONSE));
        }
    }

    @Test
    void xmlRpcFaultIsTyped() {
        server.setFault(new LoginFault.XmlRpcFault(42, "login service overloaded"));
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(alice())).isInstanceOfSatisfying(LoginException.class, e -> {
                assertThat(e.failure()).isEqualTo(LoginFailure.FAULT);
                assertThat(e.reasonCode()).isEqualTo("42");
                assertThat(e.serverMessage()).isEqualTo("login service overloaded");
            });
        }
    }

    @Test
    void oversizedReplyIsRefused() {
        try (AuthenticationService auth = service().maxResponseBytes(1024).build()) {
            assertThatThrownBy(() -> auth.login(alice())).isInstanceOfSatisfying(LoginException.class, e -> {
                assertThat(e.failure()).isEqualTo(LoginFailure.MALFORMED_RESPONSE);
                assertThat(e.serverMessage()).contains("exceeds");
            });
        }
    }

    @Test
    void slowReplyTimesOut() {
        server.setFault(new LoginFault.SlowResponse(Duration.ofSeconds(5)));
        try (AuthenticationService auth = service().requestTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.TIMEOUT));
        }
    }

    @Test
    void stalledBodyTimesOutToo() {
        server.setFault(new LoginFault.StalledBody(Duration.ofSeconds(5)));
        try (AuthenticationService auth = service().requestTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> auth.login(alice()))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.TIMEOUT));
        }
    }

    @Test
    void unreachableGridIsConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (AuthenticationService auth = service().build()) {
            assertThatThrownBy(() -> auth.login(alice().withGrid(Grid.custom(
                    URI.create("http://127.0.0.1:" + closedPort + "/login")))))
                    .satisfies(t -> assertThat(failureOf(t)).isEqualTo(LoginFailure.CONNECTION_FAILED))
                    // Once, with what a person needs: where, and what happened.
                    .hasMessage("CONNECTION_FAILED: cannot reach 127.0.0.1:" + closedPort + " (connection refused)");
        }
    }

    @Test
    void gridInfoIsDiscovered() throws Exception {
        try (AuthenticationService auth = service().build()) {
            GridInfo info = auth.fetchGridInfo(server.baseUri());
            assertThat(info.gridName()).isEqualTo("slnet test grid");
            assertThat(info.loginUri()).isEqualTo(server.loginUri());
            assertThat(info.property("gridnick")).contains("testgrid");
            assertThat(auth.login(alice().withGrid(info.toGrid())).agentId()).isEqualTo(ALICE.agentId());
        }
    }

    @Test
    void injectedClientIsNotClosedByTheService() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            AuthenticationService auth = service().httpClient(client).build();
            auth.login(alice());
            auth.close();
            auth.close();
            try (AuthenticationService again = service().httpClient(client).build()) {
                assertThat(again.login(alice()).agentId()).isEqualTo(ALICE.agentId());
            }
        }
    }

    @Test
    void eachLoginIssuesAFreshSession() throws Exception {
        try (AuthenticationService auth = service().build()) {
            SessionInfo a = auth.login(alice());
            SessionInfo b = auth.login(alice());
            assertThat(a.circuitCode()).isNotEqualTo(b.circuitCode());
            assertThat(a.sessionId()).isNotEqualTo(b.sessionId());
            assertThat(server.issuedSessions()).hasSize(2);
            assertThat(server.sessionFor(12345)).isEmpty();
        }
    }
}
