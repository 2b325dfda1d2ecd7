package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/** {@code slnet connect --evacuate-on-restart}: the restart warning and the move to the fallback region. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectRestartTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).region("Home", 1000, 1000).region("Haven", 1010, 1010)
                .startRegion("Home").start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    @Test
    void aRestartWarningSendsTheAgentToTheFallback() throws Exception {
        CompletableFuture<CliRun> running = new CompletableFuture<>();
        Thread.ofPlatform().name("cli").start(() -> running.complete(CliRun.connect("alice-pw", "--login-uri",
                grid.loginUri().toString(), "--user", "Alice Tester", "--evacuate-on-restart", "Haven", "--stay", "5",
                "--json")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!grid.grid().rootOf(ALICE.agentId()).map(s -> s == grid.simulator("Home")).orElse(false)
                && System.nanoTime() < deadline) {
            Thread.sleep(20); // waiting for the CLI's login, on another thread
        }
        grid.simulator("Home").scheduleRestart(Duration.ofSeconds(1), Duration.ofSeconds(30));

        CliRun run = running.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "restart")
                .containsEntry("region", "Home"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "evacuated")
                .containsEntry("from", "Home").containsEntry("to", "Haven"));
    }
}
