package slnet.network;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link NetworkEventBus} subscription that the caller pulls from, for tests and command-line
 * tools: {@link #poll(Duration)} and {@link #awaitEvent(Class, Predicate, Duration)} block the
 * calling thread, never the publisher. It has no thread of its own; events wait in a bounded buffer
 * and are dropped (and counted) when it is full, like for any subscriber.
 *
 * <p>Meant for one consuming thread; {@link #close()} may be called from any thread.
 */
public final class EventStream implements Subscription {

    private final ArrayBlockingQueue<NetworkEvent> buffer;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;

    EventStream(int capacity, Runnable onClose) {
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    /** Called by the bus on the publishing thread; never blocks. */
    void offer(NetworkEvent event) {
        if (!open.get()) {
            return;
        }
        if (buffer.offer(event)) {
            delivered.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    /**
     * Takes the next event, waiting up to {@code timeout}.
     *
     * @param timeout how long to wait
     * @return the event, or null if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public NetworkEvent poll(Duration timeout) throws InterruptedException {
        return buffer.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Takes events until one of {@code type} matching {@code condition} comes, discarding the
     * others, waiting up to {@code timeout} in all.
     *
     * @param type the event type wanted
     * @param condition what it must satisfy
     * @param timeout how long to wait in all
     * @param <E> the event type
     * @return the first matching event
     * @throws TimeoutException if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public <E extends NetworkEvent> E awaitEvent(Class<E> type, Predicate<? super E> condition, Duration timeout)
            throws TimeoutException, InterruptedException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            NetworkEvent event = left > 0 ? buffer.poll(left, TimeUnit.NANOSECONDS) : buffer.poll();
            if (event == null) {
                throw new TimeoutException("no " + type.getSimpleName() + " matching the condition within " + timeout);
            }
            if (type.isInstance(event) && condition.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }

    /**
     * Takes events until one of {@code type} comes, discarding the others.
     *
     * @param type the event type wanted
     * @param timeout how long to wait in all
     * @param <E> the event type
     * @return the first event of that type
     * @throws TimeoutException if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public <E extends NetworkEvent> E awaitEvent(Class<E> type, Duration timeout)
            throws TimeoutException, InterruptedException {
        return awaitEvent(type, e -> true, timeout);
    }

    @Override
    public long delivered() {
        return delivered.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long failures() {
        return 0;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.run();
            buffer.clear();
        }
    }

    @Override
    public String toString() {
        return "EventStream[buffered=" + buffer.size() + ", dropped=" + dropped.get() + "]";
    }
}
