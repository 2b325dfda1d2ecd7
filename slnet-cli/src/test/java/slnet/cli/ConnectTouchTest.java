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

/** {@code slnet connect --touch}: an object found by name or id, touched, and its dialog printed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectTouchTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;
    private SimObject picker;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).start();
        picker = SimObject.box(new Vector3(130, 128, 25));
        var objects = grid.simulator().objects();
        objects.addObject(SimObject.cylinder(new Vector3(120, 120, 25)));
        int localId = objects.addObject(picker);
        objects.setTouchDialog(localId, "Colour Picker", "Pick a colour", -7, List.of("Red", "Blue"));
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void touchByNamePrintsTheDialogAsJson() {
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--touch", "colour picker", "--stay", "5", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "touched")
                .containsEntry("object", picker.id().toString()));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "dialog")
                .containsEntry("object_name", "Colour Picker").containsEntry("text", "Pick a colour")
                .containsEntry("text_box", false)
                .hasEntrySatisfying("channel", c -> assertThat(((Number) c).intValue()).isEqualTo(-7))
                .hasEntrySatisfying("buttons", b -> assertThat((List<Object>) b).containsExactly("Red", "Blue")));
    }

    @Test
    void touchByIdPrintsTheDialogAsText() {
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--touch", picker.id().toString(), "--stay", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("touched " + picker.id())
                .contains("dialog from Colour Picker (owner Test Owner, channel -7): Pick a colour [Red, Blue]");
    }

    @Test
    void anObjectNotInViewFailsWithExitCodeOne() {
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--touch", "No Such Thing", "--stay", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("--touch: no object No Such Thing in view");
    }
}
