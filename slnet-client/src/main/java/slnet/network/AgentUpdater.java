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
 * Sends {@code AgentUpdate} at the official viewer's cadence: when the agent's camera moved since the
 * last one, at most one per {@code interval} (10 per second), and at least every {@code keepAlive}
 * (once a second) when nothing changes, which the simulator takes as the viewer being alive.
 * Unreliable, as the viewer sends it. Runs on the scheduler, woken only when an update is due (an
 * idle agent wakes once a second, not ten times); {@link #close()} stops it.
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
    private int controlFlags;
    /** Flags sent once, in the next update only (stand up, sit on the ground). */
    private int pulseFlags;
    private Quaternion bodyRotation = Quaternion.IDENTITY;
    private boolean changed = true;
    private long lastSentNs;
    private ScheduledTask task;
    private long taskDueNs;
    private int generation;
    private boolean started;
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
            if (closed || started) {
                return;
            }
            started = true;
            long now = scheduler.nanoTime();
            lastSentNs = now - keepAliveNs;
            arm(now, now);
        }
    }

    /** Under the lock: makes sure a tick runs no later than {@code atNs}. */
    private void arm(long now, long atNs) {
        if (closed) {
            return;
        }
        if (task != null) {
            if (taskDueNs - atNs <= 0) {
                return;
            }
            task.cancel();
        }
        int run = ++generation;
        taskDueNs = atNs;
        task = scheduler.schedule(() -> tick(run), Math.max(0, atNs - now));
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
                if (started) {
                    arm(scheduler.nanoTime(), lastSentNs + intervalNs);
                }
            }
        }
    }

    /**
     * Sets the controls held down and the body's rotation; a change is sent within the update
     * interval, and the controls go with every update (keep-alives too) until changed again.
     *
     * @param flags the agent control flags held ({@code slnet.AgentControl} bits)
     * @param body the body's rotation; the simulator moves the avatar along it
     */
    void controls(int flags, Quaternion body) {
        synchronized (lock) {
            if (flags != controlFlags || !body.equals(bodyRotation)) {
                controlFlags = flags;
                bodyRotation = body;
                changed = true;
                if (started) {
                    arm(scheduler.nanoTime(), lastSentNs + intervalNs);
                }
            }
        }
    }

    /**
     * Sends control flags once, in the next update (as the viewer sends stand-up and sit-on-ground).
     *
     * @param flags the flags
     */
    void pulse(int flags) {
        synchronized (lock) {
            pulseFlags |= flags;
            changed = true;
            if (started) {
                arm(scheduler.nanoTime(), lastSentNs + intervalNs);
            }
        }
    }

    private void tick(int run) {
        AgentUpdate update = null;
        synchronized (lock) {
            if (closed || run != generation) {
                return;
            }
            task = null;
            long now = scheduler.nanoTime();
            if (changed || now - lastSentNs >= keepAliveNs) {
                changed = false;
                lastSentNs = now;
                update = new AgentUpdate(new AgentUpdate.AgentData(session.agentId(), session.sessionId(),
                        bodyRotation, bodyRotation, 0, camera, bodyRotation.rotate(AT), bodyRotation.rotate(LEFT),
                        UP, DRAW_DISTANCE, controlFlags | pulseFlags, 0));
                pulseFlags = 0;
            }
            arm(now, lastSentNs + keepAliveNs);
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
