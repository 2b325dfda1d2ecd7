package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import slnet.cli.json.Json;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** {@code slnet connect} against the in-process test grid over loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectCommandTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).regionName("Testville").start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private CliRun connect(String password, String... args) {
        return CliRun.connect(password, args);
    }

    @Test
    void jsonLinesTraceStatusChatAndCleanLogout() {
        CliRun run = connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--say", "hello from the CLI", "--stay", "1", "--json", "--trace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("event", "t_ms"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "status")
                .containsEntry("from", "Connecting").containsEntry("to", "Connected"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "chat")
                .containsEntry("from", "Alice Tester").containsEntry("type", "normal")
                .containsEntry("text", "hello from the CLI").containsEntry("channel", 0L)
                .containsEntry("source", ALICE.agentId().toString()));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "message")
                .containsEntry("dir", "out").containsEntry("path", "udp").containsEntry("name", "UseCircuitCode")
                .containsEntry("flags", "R").containsEntry("seq", 1L));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "message")
                .containsEntry("dir", "in").containsEntry("name", "RegionHandshake"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "message")
                .containsEntry("name", "LogoutRequest"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "status")
                .containsEntry("to", "Disconnected"));
        assertThat(events.get(events.size() - 1)).containsEntry("event", "disconnected")
                .containsEntry("reason", "logged out");
        assertThat(run.out()).doesNotContain("alice-pw");
    }

    @Test
    void humanReadableLinesByDefault() {
        CliRun run = connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--stay", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("status Connecting -> Connected").contains("connected as Alice Tester in Testville")
                .contains("disconnected: logged out");
    }

    @Test
    void wrongPasswordExitsNonZeroWithTheReason() {
        CliRun run = connect("nope", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--stay", "0", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json()).anySatisfy(e -> assertThat(e).containsEntry("event", "error")
                .hasEntrySatisfying("reason", r -> assertThat((String) r).startsWith("login failed: BAD_CREDENTIALS")
                        .containsOnlyOnce("BAD_CREDENTIALS")));
        assertThat(run.out()).doesNotContain("nope");
    }

    @Test
    void kickedWhileStayingExitsNonZero() throws Exception {
        Thread kicker = Thread.ofVirtual().start(() -> {
            try {
                grid.simulator().awaitAgentInRegion(ALICE.agentId(), java.time.Duration.ofSeconds(10));
                grid.simulator().kick(ALICE.agentId(), "Testing");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--stay", "20");
        kicker.join();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("kicked: Testing");
    }

    @Test
    void noPasswordAndBadInputExitWithUsageErrors() {
        assertThat(connect(null, "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester").exitCode())
                .isEqualTo(2);
        assertThat(connect("pw", "--user", "Too Many Names").exitCode()).isEqualTo(2);
        assertThat(connect("pw", "--user", "Alice Tester", "--stay", "-1").exitCode()).isEqualTo(2);
    }
}
