package slnet.network;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener with its own bounded buffer and a delivery thread that runs while events wait: a thread
 * is started when an event arrives in an empty buffer and ends when it has delivered everything, so
 * an idle subscription holds no thread (a fleet has one per bot). One delivery thread at a time, so
 * events arrive in order.
 */
final class ListenerSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerSubscription.class);

    private final NetworkEventListener listener;
    private final int capacity;
    private final ThreadFactory threads;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;
    // Guarded by this.
    private final ArrayDeque<NetworkEvent> buffer = new ArrayDeque<>();
    private boolean draining;
    /** The latest delivery thread, running or not, for close to wait on. */
    private Thread thread;

    ListenerSubscription(NetworkEventListener listener, int capacity, ThreadFactory threads, Runnable onClose) {
        this.listener = listener;
        this.capacity = capacity;
        this.threads = threads;
        this.onClose = onClose;
    }

    /** Called on the publishing thread; never blocks and never throws. */
    void offer(NetworkEvent event) {
        if (!open.get()) {
            return;
        }
        Thread start = null;
        synchronized (this) {
            if (buffer.size() >= capacity) {
                dropped.incrementAndGet();
                return;
            }
            buffer.addLast(event);
            if (!draining) {
                start = newDeliveryThread();
                if (start == null) {
                    buffer.clear();
                    return;
                }
                draining = true;
                thread = start;
            }
        }
        if (start != null) {
            start.start();
        }
    }

    /** Under the lock: a delivery thread, or null (counted as a failure) if the factory gave none. */
    private Thread newDeliveryThread() {
        Thread made;
        try {
            made = threads.newThread(this::deliver);
        } catch (RuntimeException e) {
            made = null;
        }
        if (made == null) {
            failures.incrementAndGet();
            LOG.warn("network event listener lost events: its thread factory made no delivery thread");
        }
        return made;
    }

    private void deliver() {
        while (true) {
            NetworkEvent event;
            synchronized (this) {
                event = open.get() ? buffer.pollFirst() : null;
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            delivered.incrementAndGet();
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    synchronized (this) {
                        draining = false;
                    }
                    throw e;
                }
                failures.incrementAndGet();
                LOG.warn("network event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Stops delivery and waits up to {@code wait} for a running delivery thread to end. */
    void closeAndJoin(Duration wait) {
        close();
        Thread last;
        synchronized (this) {
            last = thread;
        }
        if (last == null || Thread.currentThread() == last) {
            return;
        }
        try {
            last.join(wait);
            if (last.isAlive()) {
                LOG.warn("network event listener did not return within {}; interrupting it", wait);
                last.interrupt();
                last.join(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        return failures.get();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.run();
            synchronized (this) {
                buffer.clear();
            }
        }
    }

    @Override
    public String toString() {
        return "Subscription[delivered=" + delivered.get() + ", dropped=" + dropped.get()
                + ", failures=" + failures.get() + ", open=" + open.get() + "]";
    }
}
