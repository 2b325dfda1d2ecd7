package slnet;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import slnet.protocol.messages.AgentRequestSit;
import slnet.protocol.messages.AgentSit;
import slnet.protocol.messages.AvatarSitResponse;
import slnet.protocol.messages.SetAlwaysRun;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.time.ScheduledTask;

/**
 * Moving the agent: the controls it holds, the way it faces, a client-side autopilot, and sitting.
 *
 * <p>As the viewer does it, movement is the controls held down in {@code AgentUpdate} plus the body's
 * rotation: the simulator moves the avatar along it while they are held, and tells the client where
 * the avatar is through object updates of it ({@link Client#position()}, {@link AgentMoved}).
 * {@link #moveTo} is the viewer's autopilot on top: turn toward the target, walk (or fly) forward,
 * re-aim on each position update, and stop within a radius of it, or fail after a timeout. Sitting on
 * an object asks the simulator ({@code AgentRequestSit}), confirms on its {@code AvatarSitResponse}
 * ({@code AgentSit}), and is done when the avatar's update names the seat as its parent.
 *
 * <p>Thread-safe; futures complete on the client's network threads.
 */
public final class Movement {
    /** How close {@link #moveTo(Vector3)} must get, in meters, unless told. */
    public static final double DEFAULT_ARRIVAL_RADIUS = 1.0;
    /** How long {@link #moveTo(Vector3)} and {@link #sitOn(UUID)} may take, unless told. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Client client;
    private final Object lock = new Object();
    // Guarded by lock.
    private final EnumSet<AgentControl> held = EnumSet.noneOf(AgentControl.class);
    private double heading;
    private Autopilot autopilot;
    private PendingSeat pendingSeat;
    private UUID seat;
    private boolean onGround;

    Movement(Client client) {
        this.client = client;
    }

    private record Autopilot(Vector3 target, double radius, boolean fly, CompletableFuture<Vector3> done,
                             ScheduledTask timeout) {
    }

    private record PendingSeat(UUID object, CompletableFuture<UUID> done, ScheduledTask timeout) {
    }

    /**
     * Holds exactly these controls down until changed; cancels a {@link #moveTo} under way.
     *
     * @param controls the controls
     */
    public void hold(Set<AgentControl> controls) {
        Objects.requireNonNull(controls, "controls");
        Autopilot cancelled;
        synchronized (lock) {
            cancelled = autopilot;
            autopilot = null;
            held.clear();
            held.addAll(controls);
            sendControls();
        }
        cancel(cancelled, "controls changed");
    }

    /** Releases every control (flying stays as it was) and cancels a {@link #moveTo} under way. */
    public void stop() {
        Set<AgentControl> keep = flying() ? EnumSet.of(AgentControl.FLY) : EnumSet.noneOf(AgentControl.class);
        hold(keep);
    }

    /**
     * The controls held now.
     *
     * @return a copy
     */
    public Set<AgentControl> held() {
        synchronized (lock) {
            return EnumSet.copyOf(held);
        }
    }

    /**
     * Starts or stops flying.
     *
     * @param fly true to fly
     */
    public void fly(boolean fly) {
        synchronized (lock) {
            if (fly) {
                held.add(AgentControl.FLY);
            } else {
                held.remove(AgentControl.FLY);
            }
            sendControls();
        }
    }

    /**
     * Tells whether the agent flies.
     *
     * @return true while {@link AgentControl#FLY} is held
     */
    public boolean flying() {
        synchronized (lock) {
            return held.contains(AgentControl.FLY);
        }
    }

    /**
     * Walks or runs from now on ({@code SetAlwaysRun}), as the viewer's "always run" does.
     *
     * @param run true to run
     * @throws IllegalStateException if not connected
     */
    public void run(boolean run) {
        Client.Connected c = client.connected();
        c.circuit().send(new SetAlwaysRun(new SetAlwaysRun.AgentData(c.agentId(), c.sessionId(), run)), true);
    }

    /**
     * Faces a direction: the body turns about the vertical axis.
     *
     * @param yaw radians counter-clockwise from east (+x); north (+y) is {@code PI / 2}
     */
    public void turnTo(double yaw) {
        synchronized (lock) {
            heading = yaw;
            sendControls();
        }
    }

    /**
     * Faces a point of the region: no turn if the agent's position is not known yet or it is there.
     *
     * @param point region-local meters
     */
    public void turnToward(Vector3 point) {
        Objects.requireNonNull(point, "point");
        Optional<AgentPosition> here = client.position();
        if (here.isEmpty()) {
            return;
        }
        float dx = point.x() - here.get().position().x();
        float dy = point.y() - here.get().position().y();
        if (dx != 0 || dy != 0) {
            turnTo(Math.atan2(dy, dx));
        }
    }

    /**
     * The way the body faces.
     *
     * @return radians counter-clockwise from east
     */
    public double heading() {
        synchronized (lock) {
            return heading;
        }
    }

    /**
     * Walks to a point of the region, within {@link #DEFAULT_ARRIVAL_RADIUS} and {@link #DEFAULT_TIMEOUT}.
     *
     * @param target region-local meters
     * @return completes with the position reached, or fails with a {@link MoveException}
     */
    public CompletableFuture<Vector3> moveTo(Vector3 target) {
        return moveTo(target, DEFAULT_ARRIVAL_RADIUS, DEFAULT_TIMEOUT);
    }

    /**
     * Walks (or, while {@link #flying()}, flies) to a point of the region: turns toward it, holds
     * forward, re-aims on every position update, and releases the controls within {@code radius} of
     * it (horizontally when walking). A later move, {@link #hold}, {@link #stop} or cancelling the
     * future ends it.
     *
     * @param target region-local meters
     * @param radius how close is there, meters, above 0
     * @param timeout how long it may take
     * @return completes with the position reached, or fails with a {@link MoveException}
     */
    public CompletableFuture<Vector3> moveTo(Vector3 target, double radius, Duration timeout) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be above 0, was " + radius);
        }
        CompletableFuture<Vector3> done = new CompletableFuture<>();
        Optional<AgentPosition> here = client.position();
        if (here.isEmpty() || !client.status().hasSession()) {
            done.completeExceptionally(new MoveException(MoveException.Reason.NOT_CONNECTED,
                    "the agent is not in a region"));
            return done;
        }
        ScheduledTask timer = client.network().scheduler().schedule(() -> timedOut(done), timeout.toNanos());
        Autopilot previous;
        Autopilot next;
        synchronized (lock) {
            previous = autopilot;
            next = new Autopilot(target, radius, held.contains(AgentControl.FLY), done, timer);
            autopilot = next;
        }
        cancel(previous, "another move began");
        done.whenComplete((position, error) -> {
            timer.cancel();
            synchronized (lock) {
                if (autopilot == next) {
                    autopilot = null;
                    held.remove(AgentControl.FORWARD);
                    sendControls();
                }
            }
        });
        onPosition(here.get().position());
        return done;
    }

    /**
     * Sits on an object at no offset, within {@link #DEFAULT_TIMEOUT}.
     *
     * @param object the object's id
     * @return completes with the object once the avatar sits on it, or fails with a {@link MoveException}
     */
    public CompletableFuture<UUID> sitOn(UUID object) {
        return sitOn(object, Vector3.ZERO, DEFAULT_TIMEOUT);
    }

    /**
     * Sits on an object: asks the simulator, confirms when it answers, and completes when the
     * avatar's update names the seat as its parent. A sit target on the object decides where the
     * avatar sits; without one, the simulator places it near {@code offset}.
     *
     * @param object the object's id
     * @param offset where on it, in its frame
     * @param timeout how long it may take
     * @return completes with the object, or fails with a {@link MoveException}
     */
    public CompletableFuture<UUID> sitOn(UUID object, Vector3 offset, Duration timeout) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(offset, "offset");
        CompletableFuture<UUID> done = new CompletableFuture<>();
        Client.Connected c;
        try {
            c = client.connected();
        } catch (IllegalStateException e) {
            done.completeExceptionally(new MoveException(MoveException.Reason.NOT_CONNECTED, e.getMessage()));
            return done;
        }
        ScheduledTask timer = client.network().scheduler().schedule(() -> done.completeExceptionally(
                new MoveException(MoveException.Reason.TIMEOUT, "not seated on " + object + " within " + timeout)),
                timeout.toNanos());
        PendingSeat previous;
        PendingSeat next = new PendingSeat(object, done, timer);
        synchronized (lock) {
            previous = pendingSeat;
            pendingSeat = next;
        }
        if (previous != null) {
            previous.done.completeExceptionally(new MoveException(MoveException.Reason.CANCELLED,
                    "another sit began"));
        }
        done.whenComplete((seated, error) -> {
            timer.cancel();
            synchronized (lock) {
                if (pendingSeat == next) {
                    pendingSeat = null;
                }
            }
        });
        c.circuit().send(new AgentRequestSit(new AgentRequestSit.AgentData(c.agentId(), c.sessionId()),
                new AgentRequestSit.TargetObject(object, offset)), true);
        return done;
    }

    /** Sits down where the agent stands. */
    public void sitOnGround() {
        synchronized (lock) {
            if (onGround || seat != null) {
                return;
            }
            onGround = true;
        }
        client.network().pulseAgentControls(AgentControl.SIT_ON_GROUND);
        client.network().publish(new AgentSat(Optional.empty(), client.clock().instant()));
    }

    /** Stands up from a seat or the ground; nothing if standing. */
    public void standUp() {
        boolean fromGround;
        synchronized (lock) {
            fromGround = onGround;
            onGround = false;
        }
        client.network().pulseAgentControls(AgentControl.STAND_UP);
        if (fromGround) {
            client.network().publish(new AgentStood(Optional.empty(), client.clock().instant()));
        }
    }

    /**
     * The object the agent sits on.
     *
     * @return its id, or empty when standing or sitting on the ground
     */
    public Optional<UUID> seat() {
        synchronized (lock) {
            return Optional.ofNullable(seat);
        }
    }

    /**
     * Tells whether the agent sits, on an object or the ground.
     *
     * @return true if sitting
     */
    public boolean sitting() {
        synchronized (lock) {
            return seat != null || onGround;
        }
    }

    // ---------------------------------------------------------------- from the client's handlers

    /** The agent's own position changed: the autopilot re-aims or arrives. */
    void onPosition(Vector3 at) {
        CompletableFuture<Vector3> arrived = null;
        synchronized (lock) {
            Autopilot pilot = autopilot;
            if (pilot == null) {
                return;
            }
            AutopilotStep step = AutopilotStep.steer(at, pilot.target, pilot.radius, pilot.fly, heading);
            if (step.arrived()) {
                autopilot = null;
                held.remove(AgentControl.FORWARD);
                held.remove(AgentControl.UP);
                held.remove(AgentControl.DOWN);
                sendControls();
                arrived = pilot.done;
            } else {
                boolean changed = step.heading() != heading;
                heading = step.heading();
                changed |= held.add(AgentControl.FORWARD);
                changed |= step.up() ? held.add(AgentControl.UP) : held.remove(AgentControl.UP);
                changed |= step.down() ? held.add(AgentControl.DOWN) : held.remove(AgentControl.DOWN);
                if (changed) {
                    sendControls();
                }
            }
        }
        if (arrived != null) {
            arrived.complete(at);
        }
    }

    /** The simulator answered a sit request: confirm it, as the viewer does. */
    void onSitResponse(AvatarSitResponse response) {
        synchronized (lock) {
            if (pendingSeat == null || !pendingSeat.object.equals(response.sitObject().id())) {
                return;
            }
        }
        Client.Connected c;
        try {
            c = client.connected();
        } catch (IllegalStateException e) {
            return;
        }
        c.circuit().send(new AgentSit(new AgentSit.AgentData(c.agentId(), c.sessionId())), true);
    }

    /** The agent's avatar has a new parent (a seat's local id, or 0 for none). */
    void onAvatarParent(long parentLocalId, UUID parentId) {
        CompletableFuture<UUID> seated = null;
        UUID stoodFrom = null;
        UUID sat = null;
        synchronized (lock) {
            if (parentLocalId != 0) {
                UUID object = parentId != null ? parentId : pendingSeat != null ? pendingSeat.object : null;
                if (object != null && !object.equals(seat)) {
                    seat = object;
                    onGround = false;
                    sat = object;
                    if (pendingSeat != null && pendingSeat.object.equals(object)) {
                        seated = pendingSeat.done;
                    }
                }
            } else if (seat != null) {
                stoodFrom = seat;
                seat = null;
            }
        }
        if (sat != null) {
            client.network().publish(new AgentSat(Optional.of(sat), client.clock().instant()));
        }
        if (seated != null) {
            seated.complete(sat);
        }
        if (stoodFrom != null) {
            client.network().publish(new AgentStood(Optional.of(stoodFrom), client.clock().instant()));
        }
    }

    /** The session ended: every move under way fails. */
    void onDisconnected() {
        Autopilot pilot;
        PendingSeat pending;
        synchronized (lock) {
            pilot = autopilot;
            pending = pendingSeat;
            autopilot = null;
            pendingSeat = null;
            held.clear();
            seat = null;
            onGround = false;
        }
        if (pilot != null) {
            pilot.done.completeExceptionally(new MoveException(MoveException.Reason.NOT_CONNECTED, "disconnected"));
        }
        if (pending != null) {
            pending.done.completeExceptionally(new MoveException(MoveException.Reason.NOT_CONNECTED, "disconnected"));
        }
    }

    /** Under the lock: the controls and heading to the agent-update loop. */
    private void sendControls() {
        float half = (float) (heading / 2);
        client.network().agentControls(AgentControl.flags(held),
                new Quaternion(0, 0, (float) Math.sin(half), (float) Math.cos(half)));
    }

    private void timedOut(CompletableFuture<Vector3> done) {
        Optional<AgentPosition> here = client.position();
        done.completeExceptionally(new MoveException(MoveException.Reason.TIMEOUT, "not there in time"
                + here.map(p -> "; stopped at " + p.position()).orElse("")));
    }

    private static void cancel(Autopilot pilot, String why) {
        if (pilot != null) {
            pilot.done.completeExceptionally(new MoveException(MoveException.Reason.CANCELLED, why));
        }
    }
}
