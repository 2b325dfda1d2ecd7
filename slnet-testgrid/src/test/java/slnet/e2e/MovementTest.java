package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.AgentControl;
import slnet.AgentSat;
import slnet.AgentStood;
import slnet.MoveException;
import slnet.protocol.types.Vector3;
import slnet.testgrid.sim.SimObject;

/**
 * Moving and sitting against the test grid's walking physics over real sockets: the autopilot
 * arrives or times out, facing and holding controls move the avatar along its heading, flying
 * climbs, and sitting on an object (with a sit target) or the ground, then standing, reach the
 * simulator and come back as events.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MovementTest extends BotsOnTestGrid {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Override
    boolean withBob() {
        return true;
    }

    private Vector3 here() {
        return alice.position().orElseThrow().position();
    }

    private Vector3 onGrid() {
        return sim.agent(alice.agentId().orElseThrow()).orElseThrow().position();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        E2e.awaitTrue(condition, what, LONG);
    }

    private static double horizontal(Vector3 a, Vector3 b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    @Test
    void moveToWalksThereAndStops() throws Exception {
        Vector3 start = here();
        Vector3 target = new Vector3(start.x() + 8, start.y() - 6, start.z());
        Vector3 reached = alice.movement().moveTo(target).get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(horizontal(reached, target)).isLessThanOrEqualTo(1.0);
        await(() -> (sim.controlFlags(alice.agentId().orElseThrow()) & AgentControl.FORWARD.bit()) == 0,
                "the simulator sees forward released");
        Vector3 stopped = onGrid();
        assertThat(horizontal(stopped, target)).as("stopped near the target, not beyond").isLessThan(2.0);
        assertThat(alice.movement().held()).doesNotContain(AgentControl.FORWARD);
        await(() -> alice.position().orElseThrow().velocity().equals(Vector3.ZERO), "Alice's velocity is zero again");
    }

    @Test
    void bobSeesAliceWalk() throws Exception {
        Vector3 start = here();
        Vector3 target = new Vector3(start.x() + 5, start.y(), start.z());
        alice.movement().moveTo(target).get(LONG.toSeconds(), TimeUnit.SECONDS);
        UUID aliceId = alice.agentId().orElseThrow();
        await(() -> bob.avatars().get(aliceId).map(a -> horizontal(a.position(), target) <= 1.5).orElse(false),
                "Bob's view of Alice follows her");
    }

    @Test
    void moveToFailsAfterItsTimeoutWhenTheTargetCannotBeReached() {
        Vector3 start = here();
        CompletableFuture<Vector3> beyond = alice.movement().moveTo(new Vector3(400, start.y(), start.z()), 1.0,
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> beyond.get(LONG.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MoveException.class)
                .satisfies(e -> assertThat(((MoveException) e).reason()).isEqualTo(MoveException.Reason.TIMEOUT));
        assertThat(alice.movement().held()).doesNotContain(AgentControl.FORWARD);
    }

    @Test
    void aNewMoveOrStopCancelsTheOneUnderWay() {
        Vector3 start = here();
        CompletableFuture<Vector3> first = alice.movement().moveTo(new Vector3(start.x() + 100, start.y(), start.z()));
        alice.movement().stop();
        assertThatThrownBy(() -> first.get(LONG.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(MoveException.class).hasMessageContaining("CANCELLED");
    }

    @Test
    void holdingForwardWalksWhereTheAgentFaces() throws Exception {
        Vector3 start = here();
        alice.movement().turnToward(new Vector3(start.x(), start.y() + 50, start.z())); // north
        assertThat(alice.movement().heading()).isCloseTo(Math.PI / 2, org.assertj.core.data.Offset.offset(1e-3));
        alice.movement().hold(java.util.EnumSet.of(AgentControl.FORWARD));
        await(() -> here().y() > start.y() + 3, "walked north");
        Vector3 velocity = alice.position().orElseThrow().velocity();
        assertThat(Math.hypot(velocity.x(), velocity.y())).as("walking speed").isBetween(2.5, 4.0);
        assertThat(velocity.y()).as("northward").isGreaterThan(2.5f);
        alice.movement().stop();
        Vector3 now = here();
        assertThat(Math.abs(now.x() - start.x())).as("straight north").isLessThan(0.5f);
    }

    @Test
    void flyingClimbsToATargetAbove() throws Exception {
        Vector3 start = here();
        alice.movement().fly(true);
        Vector3 target = new Vector3(start.x() + 2, start.y(), start.z() + 15);
        Vector3 reached = alice.movement().moveTo(target).get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(reached.z()).isGreaterThan(start.z() + 13);
        assertThat(alice.movement().flying()).isTrue();
        assertThat(sim.controlFlags(alice.agentId().orElseThrow()) & AgentControl.FLY.bit()).isNotZero();
    }

    @Test
    void sitsOnAnObjectAtItsSitTargetAndStandsUp() throws Exception {
        Vector3 start = here();
        SimObject chair = SimObject.box(new Vector3(start.x() + 2, start.y(), start.z()));
        int chairLocalId = sim.objects().addObject(chair);
        sim.objects().setSitTarget(chairLocalId, new Vector3(0, 0, 0.6f));
        UUID aliceId = alice.agentId().orElseThrow();

        UUID seat = alice.movement().sitOn(chair.id()).get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(seat).isEqualTo(chair.id());
        assertThat(sim.seatOf(aliceId)).isEqualTo(chairLocalId);
        assertThat(alice.movement().seat()).contains(chair.id());
        assertThat(events.awaitEvent(AgentSat.class, E2e.WAIT).seat()).contains(chair.id());
        assertThat(onGrid().z()).isCloseTo(start.z() + 0.6f, org.assertj.core.data.Offset.offset(0.01f));

        alice.movement().standUp();
        assertThat(events.awaitEvent(AgentStood.class, E2e.WAIT).seat()).contains(chair.id());
        assertThat(sim.seatOf(aliceId)).isZero();
        assertThat(alice.movement().sitting()).isFalse();
    }

    @Test
    void sittingOnSomethingNotThereTimesOut() {
        CompletableFuture<UUID> nowhere = alice.movement().sitOn(UUID.randomUUID(), Vector3.ZERO,
                Duration.ofMillis(500));
        assertThatThrownBy(() -> nowhere.get(LONG.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(MoveException.class).hasMessageContaining("TIMEOUT");
    }

    @Test
    void sitsOnTheGroundAndStandsUp() throws Exception {
        UUID aliceId = alice.agentId().orElseThrow();
        alice.movement().sitOnGround();
        assertThat(events.awaitEvent(AgentSat.class, E2e.WAIT).seat()).isEqualTo(Optional.empty());
        await(() -> sim.sitsOnGround(aliceId), "the simulator sees Alice sit on the ground");
        alice.movement().standUp();
        assertThat(events.awaitEvent(AgentStood.class, E2e.WAIT).seat()).isEmpty();
        await(() -> !sim.sitsOnGround(aliceId), "the simulator sees Alice stand");
    }
}
