package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import slnet.login.LocalVector;
import slnet.login.LoginFlags;
import slnet.login.SessionInfo;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.time.ManualScheduler;

/** The handshake's steps and their timeouts, on a manual clock with no sockets. */
class HandshakeTest {
    private static final Duration STEP = Duration.ofSeconds(5);
    private final ManualScheduler clock = new ManualScheduler();
    private final SessionInfo session = session();
    private final List<Message> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private int regionHandshakesAnswered;
    private final Handshake handshake = new Handshake(message -> {
        sent.add(message);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acks.add(ack);
        return ack;
    }, clock, STEP, session, () -> regionHandshakesAnswered++);

    @Test
    void completesAfterTheViewersSequence() {
        handshake.start();
        assertThat(names()).containsExactly("UseCircuitCode");

        acks.get(0).complete(null);
        assertThat(names()).containsExactly("UseCircuitCode", "CompleteAgentMovement");

        handshake.onMessage(regionHandshake());
        assertThat(names()).containsExactly("UseCircuitCode", "CompleteAgentMovement", "RegionHandshakeReply",
                "AgentThrottle");
        assertThat(regionHandshakesAnswered).isOne();
        assertThat(handshake.result()).isNotDone();

        handshake.onMessage(movementComplete(session.agentId()));
        assertThat(handshake.result()).isCompleted();
        clock.advanceBy(STEP.multipliedBy(3).toNanos());
        assertThat(handshake.result()).isCompleted();
    }

    @Test
    void aChildCircuitSendsNoCompleteAgentMovementAndIsDoneOnRegionHandshake() {
        Handshake child = new Handshake(message -> {
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        }, clock, STEP, session, () -> { }, true);
        child.start();
        assertThat(names()).containsExactly("UseCircuitCode");
        assertThat(child.result()).isNotDone();
        child.onMessage(movementComplete(session.agentId())); // not its business
        assertThat(child.result()).isNotDone();
        child.onMessage(regionHandshake());
        assertThat(child.result()).isCompletedWithValue(null);
        assertThat(child.succeeded()).isTrue();
        assertThat(names()).containsExactly("UseCircuitCode", "RegionHandshakeReply", "AgentThrottle");
    }

    @Test
    void aChildCircuitWithoutRegionHandshakeTimesOutNamingTheStep() {
        Handshake child = new Handshake(message -> CompletableFuture.completedFuture(null), clock, STEP, session,
                () -> { }, true);
        child.start();
        clock.advanceBy(STEP.toNanos());
        assertThat(child.result()).isCompletedExceptionally();
        assertThat(child.result().handle((ok, failure) -> ((ConnectException) failure).step()).join())
                .isEqualTo(ConnectStep.REGION_HANDSHAKE);
    }

    @Test
    void regionHandshakeBeforeTheAckCountsAsTheAckAndIsAnsweredAgainWhenResent() {
        handshake.start();
        handshake.onMessage(regionHandshake());
        assertThat(names()).containsExactly("UseCircuitCode", "CompleteAgentMovement", "RegionHandshakeReply",
                "AgentThrottle");
        handshake.onMessage(movementComplete(session.agentId()));
        assertThat(handshake.result()).isCompleted();

        acks.get(0).complete(null); // the late ack changes nothing
        handshake.onMessage(regionHandshake());
        assertThat(names()).containsExactly("UseCircuitCode", "CompleteAgentMovement", "RegionHandshakeReply",
                "AgentThrottle", "RegionHandshakeReply");
        assertThat(regionHandshakesAnswered).isOne();
    }

    @Test
    void unackedUseCircuitCodeTimesOutNamingIt() {
        handshake.start();
        clock.advanceBy(STEP.toNanos() - 1);
        assertThat(handshake.result()).isNotDone();
        clock.advanceBy(1);
        assertFailed(ConnectStep.USE_CIRCUIT_CODE, "UseCircuitCode");
    }

    @Test
    void missingRegionHandshakeTimesOutNamingIt() {
        handshake.start();
        clock.advanceBy(STEP.toNanos() / 2);
        acks.get(0).complete(null); // the step's clock starts again here
        clock.advanceBy(STEP.toNanos() - 1);
        assertThat(handshake.result()).isNotDone();
        clock.advanceBy(1);
        assertFailed(ConnectStep.REGION_HANDSHAKE, "no RegionHandshake");
    }

    @Test
    void missingAgentMovementCompleteTimesOutNamingIt() {
        handshake.start();
        acks.get(0).complete(null);
        handshake.onMessage(regionHandshake());
        handshake.onMessage(movementComplete(UUID.randomUUID())); // someone else's
        clock.advanceBy(STEP.toNanos());
        assertFailed(ConnectStep.AGENT_MOVEMENT_COMPLETE, "no AgentMovementComplete");
    }

    @Test
    void failedUseCircuitCodeAndCancelFailTheResult() {
        handshake.start();
        acks.get(0).completeExceptionally(new IllegalStateException("resends exhausted"));
        assertFailed(ConnectStep.USE_CIRCUIT_CODE, "resends exhausted");
        handshake.cancel("late");
        assertFailed(ConnectStep.USE_CIRCUIT_CODE, "UseCircuitCode");
    }

    @Test
    void circuitLostNamesTheStepInProgress() {
        handshake.start();
        acks.get(0).complete(null);
        handshake.circuitLost("no packets for 1000 ms");
        assertFailed(ConnectStep.REGION_HANDSHAKE, "no RegionHandshake before the circuit was lost");
    }

    @Test
    void cancelNamesCancelled() {
        handshake.start();
        handshake.cancel("disconnect requested");
        assertFailed(ConnectStep.CANCELLED, "disconnect requested");
    }

    private void assertFailed(ConnectStep step, String text) {
        assertThat(handshake.result()).isCompletedExceptionally();
        Throwable cause = handshake.result().handle((ok, failure) -> failure).join();
        assertThat(cause).isInstanceOfSatisfying(ConnectException.class, e -> {
            assertThat(e.step()).isEqualTo(step);
            assertThat(e.getMessage()).contains(text);
        });
    }

    private List<String> names() {
        return sent.stream().map(m -> m.descriptor().name()).toList();
    }

    private static RegionHandshake regionHandshake() {
        UUID z = new UUID(0, 0);
        return new RegionHandshake(new RegionHandshake.RegionInfo(0, 13, Bytes.ofString("Testville"), z, false, 20f,
                1f, z, z, z, z, z, z, z, z, z, 0, 0, 0, 0, 0, 0, 0, 0), new RegionHandshake.RegionInfo2(UUID.randomUUID()),
                new RegionHandshake.RegionInfo3(0, 0, Bytes.ofString(""), Bytes.ofString(""), Bytes.ofString("")),
                List.of());
    }

    private AgentMovementComplete movementComplete(UUID agent) {
        return new AgentMovementComplete(new AgentMovementComplete.AgentData(agent, session.sessionId()),
                new AgentMovementComplete.Data(new Vector3(128, 128, 25), new Vector3(1, 0, 0), 0L, 0),
                new AgentMovementComplete.SimData(Bytes.ofString("test")));
    }

    static SessionInfo session() {
        return new SessionInfo(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1234,
                new InetSocketAddress("127.0.0.1", 13000), Optional.empty(), 256000, 256000,
                new LocalVector(1, 0, 0), "Test", "User", "M", "A", "last", Optional.empty(), 0, Optional.empty(),
                List.of(), List.of(), LoginFlags.NONE, -1, "", Optional.empty(), Map.of());
    }
}
