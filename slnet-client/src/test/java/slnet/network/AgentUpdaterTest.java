package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.types.Vector3;
import slnet.time.ManualScheduler;

/** AgentUpdate cadence: at most 10 per second on change, one per second when idle. */
class AgentUpdaterTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<Message> sent = new ArrayList<>();
    private final AgentUpdater updater = new AgentUpdater(clock, HandshakeTest.session(), sent::add,
            Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void idleSendsOncePerSecond() {
        updater.start();
        clock.advanceBy(0);
        assertThat(sent).hasSize(1);
        clock.advanceBy(Duration.ofMillis(999).toNanos());
        assertThat(sent).hasSize(1);
        clock.advanceBy(Duration.ofMillis(1).toNanos());
        assertThat(sent).hasSize(2);
        clock.advanceBy(Duration.ofSeconds(10).toNanos());
        assertThat(sent).hasSize(12);
    }

    @Test
    void changesAreSentWithinTheIntervalButNoFaster() {
        updater.start();
        clock.advanceBy(0);
        for (int i = 1; i <= 20; i++) {
            updater.agentMoved(new Vector3(i, 0, 0));
            clock.advanceBy(Duration.ofMillis(50).toNanos());
        }
        // one second of movement: 10 updates on change, plus the first
        assertThat(sent).hasSize(11);
        assertThat(((AgentUpdate) sent.get(sent.size() - 1)).agentData().cameraCenter().x()).isGreaterThan(18);
    }

    @Test
    void idleWakesOnlyWhenAnUpdateIsDue() {
        updater.start();
        clock.advanceBy(0);
        long before = clock.tasksRun();
        clock.advanceBy(Duration.ofSeconds(10).toNanos());
        assertThat(clock.tasksRun() - before).isEqualTo(10); // one wake a second, not ten
    }

    @Test
    void aMoveAfterAnIdleSpellIsSentAtOnce() {
        updater.start();
        clock.advanceBy(Duration.ofMillis(500).toNanos());
        updater.agentMoved(new Vector3(5, 0, 0));
        clock.advanceBy(0);
        assertThat(sent).hasSize(2);
        assertThat(((AgentUpdate) sent.get(1)).agentData().cameraCenter().x()).isEqualTo(5);
    }

    @Test
    void closeStops() {
        updater.start();
        clock.advanceBy(0);
        updater.close();
        clock.advanceBy(Duration.ofSeconds(5).toNanos());
        assertThat(sent).hasSize(1);
    }
}
