package slnet.network;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds a client's {@link NetworkStatus}, checks every change against the transition table of
 * {@link NetworkStatus} and publishes each one as a {@link NetworkEvent.StatusChanged}.
 *
 * <p>Thread-safe and lock-free: {@link #status()} is a volatile read that never blocks; changes are
 * compare-and-set, so two threads racing to move the status cannot both win. An illegal move is a
 * bug in the caller and throws {@link IllegalStateException} naming both states. The event is
 * handed to the sink on the thread that made the change, after the change is visible. Changes made
 * by different threads at nearly the same time may reach the sink out of order; each event names
 * both states, so a consumer can tell. The sink must not block (a {@link NetworkEventBus} never
 * does).
 */
public final class NetworkStatusTracker {

    private final AtomicReference<NetworkStatus> status = new AtomicReference<>(NetworkStatus.IDLE);
    private final Consumer<? super NetworkEvent> sink;
    private final Clock clock;

    /**
     * Starts at {@link NetworkStatus#IDLE}.
     *
     * @param sink receives a {@link NetworkEvent.StatusChanged} per change; must not block
     * @param clock stamps the events
     */
    public NetworkStatusTracker(Consumer<? super NetworkEvent> sink, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the current status without blocking.
     *
     * @return the status
     */
    public NetworkStatus status() {
        return status.get();
    }

    /**
     * Moves to {@code target} from whatever the status is now.
     *
     * @param target the new status
     * @return the status that was left
     * @throws IllegalStateException if the table does not allow the move from the current status
     */
    public NetworkStatus moveTo(NetworkStatus target) {
        Objects.requireNonNull(target, "target");
        while (true) {
            NetworkStatus current = status.get();
            checkLegal(current, target);
            if (status.compareAndSet(current, target)) {
                publish(current, target);
                return current;
            }
        }
    }

    /**
     * Moves from {@code expected} to {@code target} if the status is still {@code expected}.
     *
     * @param expected the status the caller believes is current
     * @param target the new status
     * @return true if moved; false if the status was no longer {@code expected}
     * @throws IllegalStateException if the table does not allow {@code expected -> target}
     */
    public boolean moveIf(NetworkStatus expected, NetworkStatus target) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(target, "target");
        checkLegal(expected, target);
        if (!status.compareAndSet(expected, target)) {
            return false;
        }
        publish(expected, target);
        return true;
    }

    private static void checkLegal(NetworkStatus from, NetworkStatus to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("illegal network status transition " + from + " -> " + to);
        }
    }

    private void publish(NetworkStatus from, NetworkStatus to) {
        sink.accept(new NetworkEvent.StatusChanged(from, to, clock.instant()));
    }

    @Override
    public String toString() {
        return "NetworkStatusTracker[" + status.get() + "]";
    }
}
