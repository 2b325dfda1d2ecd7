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

/** {@code slnet connect --teleport} on a two-region test grid: neighbours, capabilities, teleport, eq trace. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectTeleportTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).region("Alpha", 1000, 1000).region("Beta", 1001, 1000)
                .region("Far Away", 1010, 1010).start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private CliRun connect(String... args) {
        return CliRun.connect("alice-pw", args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonShowsNeighbourCapabilitiesTeleportAndEventQueueMessages() {
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--teleport", "Far%20Away/100/60/30", "--stay", "0", "--json", "--trace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        String beta = EventLines.address(grid.simulator("Beta").address());
        String farPort = ":" + grid.simulator("Far Away").address().getPort();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "circuit")
                .containsEntry("state", "connected").containsEntry("circuit", beta));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "capabilities")
                .hasEntrySatisfying("names", n -> assertThat((List<Object>) n).contains("EventQueueGet")));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "message")
                .containsEntry("path", "eq").containsEntry("name", "EnableSimulator").containsEntry("dir", "in"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "message")
                .containsEntry("path", "eq").containsEntry("name", "TeleportFinish"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "teleport")
                .containsEntry("state", "started"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "teleport")
                .containsEntry("state", "finished").containsEntry("region", "Far Away")
                .hasEntrySatisfying("circuit", c -> assertThat((String) c).endsWith(farPort))
                .hasEntrySatisfying("x", x -> assertThat(((Number) x).doubleValue()).isEqualTo(100.0)));
        assertThat(events.get(events.size() - 1)).containsEntry("event", "disconnected");
    }

    @Test
    void textLinesAndAFailedTeleportExitsNonZero() {
        CliRun ok = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--teleport", "beta", "--stay", "0");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("teleport started").contains("teleport finished in Beta at 128.0, 128.0, 25.0")
                .contains("capabilities of ");

        CliRun bad = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--teleport", "Atlantis/1/2/3", "--stay", "0");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("no region named Atlantis");
        assertThat(connect("--user", "Alice Tester", "--teleport", "Alpha/x/1/1").exitCode()).isEqualTo(2);
    }
}
