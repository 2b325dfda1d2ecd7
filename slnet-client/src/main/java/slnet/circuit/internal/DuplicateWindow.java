package slnet.circuit.internal;

import java.util.ArrayDeque;
import java.util.HashSet;

/**
 * The sequence numbers of reliable packets received recently, to deliver each once. Pruned by the
 * {@code OldestUnacked} the peer reports (it never resends anything older, as the viewer reasons) and
 * bounded in size, dropping the oldest first. Not thread-safe.
 */
public final class DuplicateWindow {
    private final int capacity;
    private final HashSet<Integer> seen;
    private final ArrayDeque<Integer> order;

    /**
     * Creates an empty window.
     *
     * @param capacity the most sequence numbers remembered
     */
    public DuplicateWindow(int capacity) {
        this.capacity = capacity;
        this.seen = new HashSet<>(Math.min(capacity, 1024) * 2);
        this.order = new ArrayDeque<>();
    }

    /**
     * Tells whether a sequence number is remembered.
     *
     * @param sequence a sequence number
     * @return true if it is remembered
     */
    public boolean contains(int sequence) {
        return seen.contains(sequence);
    }

    /**
     * Remembers a sequence number.
     *
     * @param sequence the number
     */
    public void add(int sequence) {
        if (!seen.add(sequence)) {
            return;
        }
        order.addLast(sequence);
        if (order.size() > capacity) {
            seen.remove(order.removeFirst());
        }
    }

    /**
     * Forgets every number before {@code oldestUnacked}, compared in the 24-bit sequence space with
     * wrap-around: the peer will not resend those.
     *
     * @param oldestUnacked the oldest sequence number the peer still waits an ack for
     */
    public void pruneBefore(int oldestUnacked) {
        // Arrival order is roughly sequence order, so most of what can go sits at the front; a full
        // scan happens only when something before the front must stay.
        seen.removeIf(sequence -> ((sequence - oldestUnacked) << 8) < 0);
        order.removeIf(sequence -> !seen.contains(sequence));
    }

    /** @return how many numbers are remembered */
    public int size() {
        return seen.size();
    }
}
