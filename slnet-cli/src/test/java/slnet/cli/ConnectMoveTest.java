package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.SimObject;
import slnet.testing.LeakCheckExtension;

/** {@code slnet connect --goto} and {@code --sit}: the autopilot's arrival or failure, and a seat taken. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectMoveTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;
    private SimObject chair;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).start();
        chair = SimObject.box(new Vector3(136, 130, 25));
        int localId = grid.simulator().objects().addObject(chair);
        grid.simulator().objects().setSitTarget(localId, new Vector3(0, 0, 0.5f));
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private CliRun connect(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--login-uri", grid.loginUri().toString(), "--user",
                "Alice Tester", "--stay", "1", "--json"));
        args.addAll(List.of(more));
        return CliRun.connect("alice-pw", args.toArray(String[]::new));
    }

    @Test
    void gotoWalksThereAndSitSitsDown() {
        CliRun run = connect("--goto", "135,131,25", "--sit", chair.id().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "arrived")
                .hasEntrySatisfying("x", x -> assertThat(((Number) x).doubleValue()).isBetween(134.0, 136.0))
                .hasEntrySatisfying("y", y -> assertThat(((Number) y).doubleValue()).isBetween(130.0, 132.0)));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "sat")
                .containsEntry("seat", chair.id().toString()));
    }

    @Test
    void gotoThatCannotGetThereInTimeIsAnErrorAndExitCode1() {
        CliRun run = connect("--goto", "250,250,25", "--goto-timeout", "1");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.json()).anySatisfy(e -> assertThat(e).containsEntry("event", "error")
                .hasEntrySatisfying("reason", r -> assertThat((String) r).startsWith("--goto: TIMEOUT")));
    }

    @Test
    void aMalformedPointIsAUsageError() {
        CliRun run = connect("--goto", "1,2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--goto: expected x,y,z");
    }
}
