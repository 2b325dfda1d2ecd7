package slnet.testgrid.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * What the agents sent, oldest first, bounded (the oldest entries go first), plus the monitor that
 * waiters of a simulator block on. Thread-safe.
 */
final class MessageLog {
    private final int capacity;
    private final ArrayDeque<ReceivedMessage> entries = new ArrayDeque<>();

    MessageLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(ReceivedMessage message) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(message);
        notifyAll();
    }

    synchronized List<ReceivedMessage> all() {
        return List.copyOf(entries);
    }

    synchronized List<String> namesFrom(UUID agentId) {
        return entries.stream().filter(m -> m.agentId().equals(agentId)).map(ReceivedMessage::name).toList();
    }

    /** Wakes the waiters: something they may wait for changed. */
    synchronized void signal() {
        notifyAll();
    }

    /**
     * Waits until a condition holds; the condition is checked under this log's lock after every change.
     *
     * @throws TimeoutException naming {@code what} if it did not hold in time
     */
    synchronized void await(BooleanSupplier condition, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + what + " within " + timeout);
            }
            // Bounded waits so that a change signalled through another path is seen promptly.
            wait(Math.max(1, Math.min(50, left / 1_000_000)));
        }
    }
}
