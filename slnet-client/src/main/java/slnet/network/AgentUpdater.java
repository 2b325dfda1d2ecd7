package slnet.network;

import java.time.Duration;
import java.util.function.Consumer;
import slnet.login.SessionInfo;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * Sends {@code AgentUpdate} at the official viewer's cadence: checked every {@code interval}
 * (10 per second), sent when the agent's camera moved since the last one, and at least every
 * {@code keepAlive} (once a second) when nothing changes, which the simulator takes as the viewer
 * being alive. Unreliable, as the viewer sends it. Runs on the scheduler; {@link #close()} stops it.
 */
final class AgentUpdater implements AutoCloseable {
    private static final Vector3 AT = new Vector3(1, 0, 0);
    private static final Vector3 LEFT = new Vector3(0, 1, 0);
    private static final Vector3 UP = new Vector3(0, 0, 1);
    private static final float DRAW_DISTANCE = 64f;

    private final Scheduler scheduler;
    private final SessionInfo session;
    private final Consumer<Message> sender;
    private final long intervalNs;
    private final long keepAliveNs;
    private final Object lock = new Object();
    // Guarded by lock.
    private Vector3 camera = Vector3.ZERO;
    private boolean changed = true;
    private long lastSentNs;
    private ScheduledTask task;
    private boolean closed;

    AgentUpdater(Scheduler scheduler, SessionInfo session, Consumer<Message> sender, Duration interval,
                 Duration keepAlive) {
        this.scheduler = scheduler;
        this.session = session;
        this.sender = sender;
        this.intervalNs = interval.toNanos();
        this.keepAliveNs = keepAlive.toNanos();
    }

    /** Sends the first update now and keeps sending. */
    void start() {
        synchronized (lock) {
            if (closed || task != null) {
                return;
            }
            task = scheduler.schedule(this::tick, 0);
        }
    }

    /**
     * Moves the camera with the agent; the next tick sends an update if it changed.
     *
     * @param position the agent's region-local position
     */
    void agentMoved(Vector3 position) {
        synchronized (lock) {
            if (!position.equals(camera)) {
                camera = position;
                changed = true;
            }
        }
    }

    private void tick() {
        AgentUpdate update = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            long now = scheduler.nanoTime();
            if (changed || now - lastSentNs >= keepAliveNs) {
                changed = false;
                lastSentNs = now;
                update = new AgentUpdate(new AgentUpdate.AgentData(session.agentId(), session.sessionId(),
                        Quaternion.IDENTITY, Quaternion.IDENTITY, 0, camera, AT, LEFT, UP, DRAW_DISTANCE, 0, 0));
            }
            task = scheduler.schedule(this::tick, intervalNs);
        }
        if (update != null) {
            sender.accept(update);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (task != null) {
                task.cancel();
            }
        }
    }
}
