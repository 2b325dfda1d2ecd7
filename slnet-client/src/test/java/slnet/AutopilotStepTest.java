package slnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;
import slnet.protocol.types.Vector3;

/**
 * The autopilot's steering without a network or a clock: it arrives within its radius, faces the
 * target, re-aims only past its threshold, and steers up and down only when flying; and a simulated
 * walk at the simulator's pace, updating on every step, always gets there.
 */
class AutopilotStepTest {

    @Test
    void withinTheRadiusItHasArrived() {
        AutopilotStep step = AutopilotStep.steer(new Vector3(10, 10, 25), new Vector3(10.5f, 10.5f, 25), 1.0, false, 0);
        assertThat(step.arrived()).isTrue();
    }

    @Test
    void walkingIgnoresHeightButFlyingCountsItAndSteersVertically() {
        Vector3 at = new Vector3(10, 10, 25);
        Vector3 above = new Vector3(10, 10, 45);
        assertThat(AutopilotStep.steer(at, above, 1.0, false, 0).arrived()).isTrue();
        AutopilotStep flying = AutopilotStep.steer(at, above, 1.0, true, 0);
        assertThat(flying.arrived()).isFalse();
        assertThat(flying.up()).isTrue();
        assertThat(flying.down()).isFalse();
        AutopilotStep sinking = AutopilotStep.steer(above, at, 1.0, true, 0);
        assertThat(sinking.down()).isTrue();
        assertThat(sinking.up()).isFalse();
    }

    @Test
    void itFacesTheTargetAndKeepsItsHeadingWhenNearlyRight() {
        Vector3 at = new Vector3(10, 10, 25);
        AutopilotStep north = AutopilotStep.steer(at, new Vector3(10, 50, 25), 1.0, false, 0);
        assertThat(north.heading()).isCloseTo(Math.PI / 2, within(1e-9));
        double almost = Math.PI / 2 + AutopilotStep.REAIM / 2;
        assertThat(AutopilotStep.steer(at, new Vector3(10, 50, 25), 1.0, false, almost).heading())
                .as("within the threshold: no re-aim").isEqualTo(almost);
    }

    /** Walks as the test grid does (3.2 m/s, an update every 100 ms) and steers on each update. */
    @Property(tries = 300)
    void aWalkSteeredOnEveryUpdateArrives(@ForAll @FloatRange(min = 1, max = 255) float x0,
                                         @ForAll @FloatRange(min = 1, max = 255) float y0,
                                         @ForAll @FloatRange(min = 1, max = 255) float x1,
                                         @ForAll @FloatRange(min = 1, max = 255) float y1,
                                         @ForAll @FloatRange(min = -3.2f, max = 3.2f) float heading0) {
        Vector3 at = new Vector3(x0, y0, 25);
        Vector3 target = new Vector3(x1, y1, 25);
        double heading = heading0;
        double stepMeters = 0.32;
        int limit = (int) (Math.hypot(x1 - x0, y1 - y0) / stepMeters) + 20;
        for (int i = 0; i <= limit; i++) {
            AutopilotStep step = AutopilotStep.steer(at, target, 1.0, false, heading);
            if (step.arrived()) {
                return;
            }
            heading = step.heading();
            at = new Vector3((float) (at.x() + stepMeters * Math.cos(heading)),
                    (float) (at.y() + stepMeters * Math.sin(heading)), at.z());
        }
        throw new AssertionError("did not arrive from (" + x0 + "," + y0 + ") at (" + x1 + "," + y1 + ")");
    }
}
