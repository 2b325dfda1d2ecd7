package slnet.circuit.internal;

import slnet.protocol.PacketHeader;

/**
 * Sequence numbers we owe the peer an ack for, oldest first, with the time the oldest was queued.
 * Not thread-safe.
 */
public final class AckQueue {
    /** Small while idle (a fleet has thousands of queues); grows in bursts and shrinks when drained. */
    private static final int IDLE_CAPACITY = 16;
    private int[] ids = new int[IDLE_CAPACITY];
    private int count;
    private long oldestQueuedNs;

    /** Creates an empty queue. */
    public AckQueue() {
    }

    /**
     * Queues an ack.
     *
     * @param sequence the packet to ack
     * @param nowNs the time
     */
    public void add(int sequence, long nowNs) {
        if (count == 0) {
            oldestQueuedNs = nowNs;
        }
        if (count == ids.length) {
            ids = java.util.Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = sequence;
    }

    /**
     * Returns how many acks are queued.
     *
     * @return how many acks are queued
     */
    public int size() {
        return count;
    }

    /**
     * Returns when the oldest queued ack was queued; meaningless when empty.
     *
     * @return when the oldest queued ack was queued; meaningless when empty
     */
    public long oldestQueuedNs() {
        return oldestQueuedNs;
    }

    /**
     * Appends as many queued acks as fit to an encoded datagram, and forgets those.
     *
     * @param datagram the datagram, with room up to {@code limit}
     * @param offset its first byte
     * @param length its length without acks
     * @param limit the most bytes it may have
     * @return how many acks were appended
     */
    public int appendTo(byte[] datagram, int offset, int length, int limit) {
        if (count == 0) {
            return 0;
        }
        int appended = PacketHeader.appendAcks(datagram, offset, length, limit, ids, 0, count);
        remove(appended);
        return appended;
    }

    /**
     * Copies up to {@code max} queued acks out, oldest first, and forgets them.
     *
     * @param out where to copy
     * @param max the most to take
     * @return how many were taken
     */
    public int take(int[] out, int max) {
        int n = Math.min(max, count);
        System.arraycopy(ids, 0, out, 0, n);
        remove(n);
        return n;
    }

    private void remove(int n) {
        if (n > 0) {
            System.arraycopy(ids, n, ids, 0, count - n);
            count -= n;
            if (count == 0 && ids.length > 4 * IDLE_CAPACITY) {
                ids = new int[IDLE_CAPACITY];
            }
        }
    }
}
