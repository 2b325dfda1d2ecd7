package slnet.circuit.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to a listener on an executor, in order, one at a time, never on the thread that
 * posts them. Past a bound, new events are dropped and counted, so a stuck listener never stalls the
 * network thread. Thread-safe.
 *
 * @param <E> the event type
 */
public final class EventDispatcher<E> {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Consumer<? super E> listener;
    private final Executor executor;
    private final int capacity;
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();

    /**
     * Creates a dispatcher.
     *
     * @param listener who gets the events
     * @param executor where the listener runs
     * @param capacity the most events waiting
     */
    public EventDispatcher(Consumer<? super E> listener, Executor executor, int capacity) {
        this.listener = listener;
        this.executor = executor;
        this.capacity = capacity;
    }

    /**
     * Posts an event; never blocks.
     *
     * @param event the event
     */
    public void post(E event) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(event);
        scheduleDrain();
    }

    /**
     * Returns how many events were dropped.
     *
     * @return how many events were dropped
     */
    public long dropped() {
        return dropped.sum();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.warn("event executor refused a task; events wait for the next post", e);
            }
        }
    }

    private void drain() {
        E event;
        while ((event = queue.poll()) != null) {
            size.decrementAndGet();
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("circuit listener failed on {}", event, e);
            }
        }
        draining.set(false);
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
