package slnet.network;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import slnet.internal.jfr.FlightEvents;

/**
 * Broadcasts {@link NetworkEvent}s to any number of subscribers without ever blocking the
 * publisher.
 *
 * <h2>Delivery and back-pressure</h2>
 * Each subscriber has its own bounded buffer ({@link #DEFAULT_BUFFER} events unless given) and,
 * for a {@link NetworkEventListener}, a delivery thread of its own (virtual by default) while events
 * wait for it, which hands it the events one at a time in publication order; the thread ends when
 * the buffer is empty, so an idle subscription holds none. {@link #publish(NetworkEvent)} only offers the
 * event to each buffer: when a subscriber's buffer is full the event is <em>dropped for that
 * subscriber only</em> and counted in its {@link Subscription#dropped()}; the publisher and the
 * other subscribers are not slowed. A subscriber that must not miss events needs a buffer sized for
 * its worst burst, or must keep up. An {@link EventStream} is the same with no thread: the caller
 * pulls.
 *
 * <h2>Threading and ownership</h2>
 * All methods are thread-safe. Events published by one thread reach each subscriber in that order;
 * events published concurrently by several threads are ordered per subscriber but not across them.
 * The bus owns the delivery threads: {@link #close()} closes every subscription, waits (bounded) for
 * their threads to end, and is idempotent; after it, {@code publish} does nothing and
 * {@code subscribe} throws {@link IllegalStateException}.
 */
public final class NetworkEventBus implements AutoCloseable {

    /** Events a subscriber may have waiting before more are dropped, unless told otherwise. */
    public static final int DEFAULT_BUFFER = 256;
    /** How long close() waits for a listener to return before interrupting it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final AtomicLong THREAD_NUMBERS = new AtomicLong();

    private final ThreadFactory threads;
    private final CopyOnWriteArrayList<ListenerSubscription> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<EventStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicLong published = new AtomicLong();

    /** A bus whose delivery threads are virtual threads named {@code slnet-events-<n>}. */
    public NetworkEventBus() {
        this(virtualThreads());
    }

    /** @return the default delivery threads: virtual, named {@code slnet-events-<n>} */
    static ThreadFactory virtualThreads() {
        return runnable -> Thread.ofVirtual().name("slnet-events-" + THREAD_NUMBERS.incrementAndGet())
                .unstarted(runnable);
    }

    /**
     * A bus whose delivery threads come from {@code threads}.
     *
     * @param threads makes unstarted delivery threads, one whenever events arrive for a listener whose
     *                delivery thread has ended; the bus starts and ends them
     */
    public NetworkEventBus(ThreadFactory threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Offers {@code event} to every open subscriber; never blocks. Does nothing once closed.
     *
     * @param event the event
     */
    public void publish(NetworkEvent event) {
        Objects.requireNonNull(event, "event");
        if (!open.get()) {
            return;
        }
        published.incrementAndGet();
        recordInFlightRecorder(event);
        for (ListenerSubscription subscription : listeners) {
            subscription.offer(event);
        }
        for (EventStream stream : streams) {
            stream.offer(event);
        }
    }

    /** The rare moments worth a JFR event; everything else costs one type check. */
    private static void recordInFlightRecorder(NetworkEvent event) {
        switch (event) {
            case NetworkEvent.CircuitLost lost -> FlightEvents.circuitLost(lost.simulator(), lost.reason());
            case NetworkEvent.PacketRejected r ->
                    FlightEvents.packetRejected(r.simulator(), r.messageName(), r.reason(), r.detail(), r.count());
            case TeleportFailed failed -> FlightEvents.teleportFailed(failed.reason());
            default -> {
            }
        }
    }

    /**
     * Subscribes a listener with a buffer of {@link #DEFAULT_BUFFER} events.
     *
     * @param listener called on the subscription's own thread
     * @return the subscription; close it to unsubscribe
     * @throws IllegalStateException if the bus is closed
     */
    public Subscription subscribe(NetworkEventListener listener) {
        return subscribe(listener, DEFAULT_BUFFER);
    }

    /**
     * Subscribes a listener with a buffer of {@code bufferCapacity} events.
     *
     * @param listener called on the subscription's own thread
     * @param bufferCapacity events that may wait before more are dropped; at least 1
     * @return the subscription; close it to unsubscribe
     * @throws IllegalStateException if the bus is closed
     */
    public Subscription subscribe(NetworkEventListener listener, int bufferCapacity) {
        Objects.requireNonNull(listener, "listener");
        checkCapacity(bufferCapacity);
        ListenerSubscription[] self = new ListenerSubscription[1];
        ListenerSubscription subscription =
                new ListenerSubscription(listener, bufferCapacity, threads, () -> listeners.remove(self[0]));
        self[0] = subscription;
        listeners.add(subscription);
        if (!open.get()) {
            // Raced with close(): it may not have seen this one.
            subscription.close();
            throw new IllegalStateException("event bus is closed");
        }
        return subscription;
    }

    /**
     * Opens a pull-style stream with a buffer of {@link #DEFAULT_BUFFER} events.
     *
     * @return the stream; close it to unsubscribe
     * @throws IllegalStateException if the bus is closed
     */
    public EventStream events() {
        return events(DEFAULT_BUFFER);
    }

    /**
     * Opens a pull-style stream with a buffer of {@code bufferCapacity} events.
     *
     * @param bufferCapacity events that may wait before more are dropped; at least 1
     * @return the stream; close it to unsubscribe
     * @throws IllegalStateException if the bus is closed
     */
    public EventStream events(int bufferCapacity) {
        checkCapacity(bufferCapacity);
        EventStream[] self = new EventStream[1];
        EventStream stream = new EventStream(bufferCapacity, () -> streams.remove(self[0]));
        self[0] = stream;
        streams.add(stream);
        if (!open.get()) {
            stream.close();
            throw new IllegalStateException("event bus is closed");
        }
        return stream;
    }

    /**
     * Returns how many events were published while open.
     *
     * @return the count
     */
    public long published() {
        return published.get();
    }

    /**
     * Returns the number of open subscriptions (listeners and streams).
     *
     * @return the count
     */
    public int subscriberCount() {
        return listeners.size() + streams.size();
    }

    /**
     * Returns the events dropped so far for the subscriptions open now (full buffers); a closed
     * subscription's count leaves the sum with it.
     *
     * @return the sum of {@link Subscription#dropped()} over open subscriptions
     */
    public long droppedByOpenSubscribers() {
        long sum = 0;
        for (ListenerSubscription subscription : listeners) {
            sum += subscription.dropped();
        }
        for (EventStream stream : streams) {
            sum += stream.dropped();
        }
        return sum;
    }

    /**
     * Tells whether the bus is open.
     *
     * @return false once closed
     */
    public boolean isOpen() {
        return open.get();
    }

    /**
     * Closes every subscription and waits for their delivery threads to end (a listener still
     * running after a second is interrupted). Idempotent.
     */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        List<ListenerSubscription> closing = List.copyOf(listeners);
        for (ListenerSubscription subscription : closing) {
            subscription.close();
        }
        for (ListenerSubscription subscription : closing) {
            subscription.closeAndJoin(CLOSE_WAIT);
        }
        for (EventStream stream : List.copyOf(streams)) {
            stream.close();
        }
    }

    private static void checkCapacity(int bufferCapacity) {
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("bufferCapacity must be at least 1, was " + bufferCapacity);
        }
    }

    @Override
    public String toString() {
        return "NetworkEventBus[subscribers=" + subscriberCount() + ", open=" + open.get() + "]";
    }
}
