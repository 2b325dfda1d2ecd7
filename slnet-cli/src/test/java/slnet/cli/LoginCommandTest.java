package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import slnet.testgrid.IssuedSession;
import slnet.testgrid.LoginServer;
import slnet.testgrid.TestAccount;
import slnet.testgrid.fault.LoginFault;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoginCommandTest {

    private LoginServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = LoginServer.builder().account(TestAccount.of("Cli", "User", "s3cret"))
                .simulator(new InetSocketAddress("127.0.0.1", 13007)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new LoginCommand(env::get, Optional::empty));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void logsInAndPrintsSummaryWithoutSecrets() {
        int code = run(Map.of("SLNET_PASSWORD", "s3cret"),
                "--login-uri", server.loginUri().toString(), "--user", "Cli User", "-v", "--auth-only");
        assertThat(code).as(err.toString()).isZero();
        IssuedSession issued = server.issuedSessions().iterator().next();
        assertThat(out.toString())
                .contains("Cli User", issued.agentId().toString(), "127.0.0.1:13007", "Authenticated only")
                .doesNotContain(issued.sessionId().toString(), issued.secureSessionId().toString(), "s3cret");
        assertThat(err.toString()).contains("succeeded");
    }

    @Test
    void discoversGridThroughGridInfo() {
        int code = run(Map.of("SLNET_PASSWORD", "s3cret"),
                "--grid-info", server.baseUri().toString(), "--user", "Cli User", "--start", "home", "--auth-only");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("slnet test grid");
    }

    @Test
    void logsInOverLlsdAtARegion() {
        int code = run(Map.of("SLNET_PASSWORD", "s3cret"), "--login-uri", server.loginUri().toString(),
                "--user", "Cli User", "--llsd", "--start", "Test Region/128/128/25", "--auth-only");
        assertThat(code).as(err.toString()).isZero();
        assertThat(server.receivedLogins().get(0).contentType()).startsWith("application/llsd+xml");
        assertThat(server.receivedLogins().get(0).params()).containsEntry("start", "uri:Test Region&128&128&25");
        assertThat(run(Map.of("SLNET_PASSWORD", "s3cret"), "--login-uri", server.loginUri().toString(),
                "--user", "Cli User", "--start", "nowhere")).isEqualTo(2);
    }

    @Test
    void failureExitsNonZeroWithReason() {
        int code = run(Map.of("SLNET_PASSWORD", "wrong"),
                "--login-uri", server.loginUri().toString(), "--user", "Cli User");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("BAD_CREDENTIALS");
        server.setFault(new LoginFault.HttpStatus(500));
        assertThat(run(Map.of("SLNET_PASSWORD", "s3cret"),
                "--login-uri", server.loginUri().toString(), "--user", "Cli User")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP_ERROR");
    }

    @Test
    void missingPasswordIsAUsageError() {
        int code = run(Map.of(), "--login-uri", server.loginUri().toString(), "--user", "Cli User");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("SLNET_PASSWORD");
        assertThat(server.receivedLogins()).isEmpty();
    }

    @Test
    void isRegisteredInMain() {
        assertThat(Main.newCommandLine().getSubcommands()).containsKey("login");
    }

    @Test
    void entersTheRegionAndLogsOutCleanlyOnARealGrid() throws Exception {
        try (slnet.testgrid.TestGrid grid = slnet.testgrid.TestGrid.builder()
                .account("Grid", "User", "pw").regionName("Clitown").start()) {
            int code = run(Map.of("SLNET_PASSWORD", "pw"), "--login-uri", grid.loginUri().toString(),
                    "--user", "Grid User");
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Grid User", "Entered the region", "Logged out.")
                    .doesNotContain("Authenticated only", "pw\n");
            // the seed capability is a secret: its path is never printed in full
            assertThat(out.toString()).doesNotContainPattern("seed cap +http\\S*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(grid.simulator().receivedMessages().stream().map(Object::toString))
                    .anyMatch(m -> m.contains("LogoutRequest"));
        }
    }
}
