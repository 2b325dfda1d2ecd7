package slnet.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import slnet.login.SessionInfo;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.AgentThrottle;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.messages.RegionHandshakeReply;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * The viewer's side of the region handshake on one circuit, as the official viewer runs it:
 * {@code UseCircuitCode} (reliable); once acknowledged (or answered with {@code RegionHandshake},
 * which a simulator sends only after accepting it), {@code CompleteAgentMovement} (reliable);
 * each {@code RegionHandshake} is answered with {@code RegionHandshakeReply} and
 * {@code AgentThrottle}; done when both {@code RegionHandshake} and {@code AgentMovementComplete}
 * have arrived. Each step has its own timeout, and a failure names the step.
 *
 * <p>Pure protocol state: it sends through a {@link Link} and times out on a {@link Scheduler}, so
 * tests drive it on a manual clock. Thread-safe (one lock); the result completes outside it.
 */
final class Handshake {

    /** Where the handshake's messages go. */
    interface Link {
        /**
         * Sends reliably.
         *
         * @param message the message
         * @return completes when acknowledged, fails if never
         */
        CompletableFuture<Void> sendReliable(Message message);
    }

    /** Bits per second per throttle category (resend, land, wind, cloud, task, texture, asset): 1.5 Mbit/s in all. */
    private static final float[] THROTTLES = {150_000f, 170_000f, 34_000f, 34_000f, 446_000f, 446_000f, 220_000f};

    private final Link link;
    private final Scheduler scheduler;
    private final long stepTimeoutNs;
    private final SessionInfo session;
    private final Runnable onRegionHandshake;
    private final boolean child;
    private final CompletableFuture<AgentMovementComplete> result = new CompletableFuture<>();

    // Guarded by this.
    private ConnectStep step = ConnectStep.USE_CIRCUIT_CODE;
    private boolean regionHandshakeSeen;
    private AgentMovementComplete movementComplete;
    private ScheduledTask timer;

    /**
     * @param link where messages go
     * @param scheduler the timer
     * @param stepTimeout the wait per step
     * @param session the session whose ids the messages carry
     * @param onRegionHandshake run (outside the lock) after the first RegionHandshake was answered
     */
    Handshake(Link link, Scheduler scheduler, Duration stepTimeout, SessionInfo session, Runnable onRegionHandshake) {
        this(link, scheduler, stepTimeout, session, onRegionHandshake, false);
    }

    /**
     * @param link where messages go
     * @param scheduler the timer
     * @param stepTimeout the wait per step
     * @param session the session whose ids the messages carry
     * @param onRegionHandshake run (outside the lock) after the first RegionHandshake was answered
     * @param child true for a neighbour's child circuit: no {@code CompleteAgentMovement}, done on
     *     the first {@code RegionHandshake} (the result is then null)
     */
    Handshake(Link link, Scheduler scheduler, Duration stepTimeout, SessionInfo session, Runnable onRegionHandshake,
              boolean child) {
        this.child = child;
        this.link = link;
        this.scheduler = scheduler;
        this.stepTimeoutNs = stepTimeout.toNanos();
        this.session = session;
        this.onRegionHandshake = onRegionHandshake;
    }

    /** @return completes with the AgentMovementComplete, or fails with a {@link ConnectException} */
    CompletableFuture<AgentMovementComplete> result() {
        return result;
    }

    /** Sends UseCircuitCode and arms the first step's timer. */
    void start() {
        synchronized (this) {
            armTimer();
        }
        link.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(session.circuitCode(),
                session.sessionId(), session.agentId()))).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        onCircuitCodeAcked();
                    } else {
                        fail(ConnectStep.USE_CIRCUIT_CODE, "UseCircuitCode was not acknowledged: " + failure.getMessage(),
                                failure);
                    }
                });
    }

    private void onCircuitCodeAcked() {
        synchronized (this) {
            if (step != ConnectStep.USE_CIRCUIT_CODE) {
                return;
            }
            step = regionHandshakeSeen ? ConnectStep.AGENT_MOVEMENT_COMPLETE : ConnectStep.REGION_HANDSHAKE;
            armTimer();
        }
        if (child) {
            completeIfDone();
            return;
        }
        link.sendReliable(new CompleteAgentMovement(new CompleteAgentMovement.AgentData(session.agentId(),
                session.sessionId(), session.circuitCode())));
        completeIfDone();
    }

    /**
     * Takes a message of the circuit; only the handshake's own are looked at.
     *
     * @param message the message
     */
    void onMessage(Message message) {
        if (message instanceof RegionHandshake) {
            onRegionHandshake();
        } else if (!child && message instanceof AgentMovementComplete amc && amc.agentData().agentID().equals(session.agentId())) {
            synchronized (this) {
                movementComplete = amc;
            }
            completeIfDone();
        }
    }

    private void onRegionHandshake() {
        boolean acked;
        synchronized (this) {
            acked = step != ConnectStep.USE_CIRCUIT_CODE;
        }
        if (!acked) {
            // The simulator sends RegionHandshake only once it accepted UseCircuitCode: that is as
            // good as the ack (which may be on its way in the same datagram), and keeps the
            // viewer's order, CompleteAgentMovement before RegionHandshakeReply.
            onCircuitCodeAcked();
        }
        boolean first;
        synchronized (this) {
            first = !regionHandshakeSeen;
            regionHandshakeSeen = true;
            if (step == ConnectStep.REGION_HANDSHAKE) {
                step = ConnectStep.AGENT_MOVEMENT_COMPLETE;
                armTimer();
            }
        }
        // Answered every time: a simulator resends RegionHandshake until it sees the reply.
        link.sendReliable(new RegionHandshakeReply(new RegionHandshakeReply.AgentData(session.agentId(),
                session.sessionId()), new RegionHandshakeReply.RegionInfo(0)));
        if (first) {
            link.sendReliable(throttle());
            onRegionHandshake.run();
        }
        completeIfDone();
    }

    private AgentThrottle throttle() {
        ByteBuffer buffer = ByteBuffer.allocate(THROTTLES.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float bps : THROTTLES) {
            buffer.putFloat(bps);
        }
        return new AgentThrottle(new AgentThrottle.AgentData(session.agentId(), session.sessionId(),
                session.circuitCode()), new AgentThrottle.Throttle(0, Bytes.unsafeWrap(buffer.array())));
    }

    private void completeIfDone() {
        AgentMovementComplete done;
        synchronized (this) {
            if (step != ConnectStep.AGENT_MOVEMENT_COMPLETE || (movementComplete == null && !child) || result.isDone()) {
                return;
            }
            cancelTimer();
            done = movementComplete;
        }
        result.complete(done);
    }

    /**
     * Fails the step in progress because the circuit went away, naming that step; no effect once done.
     *
     * @param reason what happened to the circuit
     */
    void circuitLost(String reason) {
        ConnectStep current;
        synchronized (this) {
            current = step;
        }
        fail(current, current.failure() + " before the circuit was lost (" + reason + ")", null);
    }

    /** @return true once the handshake succeeded */
    boolean succeeded() {
        return result.isDone() && !result.isCompletedExceptionally();
    }

    /**
     * Gives up, e.g. on disconnect; no effect once done.
     *
     * @param reason why
     */
    void cancel(String reason) {
        fail(ConnectStep.CANCELLED, "connect cancelled: " + reason, null);
    }

    private void fail(ConnectStep failedStep, String message, Throwable cause) {
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            cancelTimer();
        }
        result.completeExceptionally(new ConnectException(failedStep, message, cause));
    }

    /** Under the lock. */
    private void armTimer() {
        cancelTimer();
        ConnectStep armedFor = step;
        timer = scheduler.schedule(() -> onTimeout(armedFor), stepTimeoutNs);
    }

    /** Under the lock. */
    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void onTimeout(ConnectStep armedFor) {
        synchronized (this) {
            if (step != armedFor || result.isDone()) {
                return;
            }
        }
        fail(armedFor, armedFor.failure() + " within " + Duration.ofNanos(stepTimeoutNs).toMillis() + " ms", null);
    }
}
