package slnet.network;

/**
 * One subscriber's link to a {@link NetworkEventBus}, with its counters. Closing it stops
 * delivery: events still buffered are discarded (not counted as dropped) and the delivery thread
 * ends after the event it is handling, if any. {@link #close()} is idempotent and may be called from
 * any thread, the listener itself included.
 */
public interface Subscription extends AutoCloseable {

    /**
     * Returns how many events were handed to the subscriber.
     *
     * @return the count
     */
    long delivered();

    /**
     * Returns how many events were dropped because the subscriber's buffer was full.
     *
     * @return the count
     */
    long dropped();

    /**
     * Returns how many times the listener threw.
     *
     * @return the count; always 0 for an {@link EventStream}
     */
    long failures();

    /**
     * Tells whether events are still being accepted for this subscriber.
     *
     * @return false once closed, by itself or by the bus
     */
    boolean isOpen();

    /** Stops delivery. Idempotent. */
    @Override
    void close();
}
