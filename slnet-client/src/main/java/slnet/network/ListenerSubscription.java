package slnet.network;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listener with its own bounded buffer and delivery thread. */
final class ListenerSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerSubscription.class);
    /** Put in the buffer by close() to wake a delivery thread waiting on an empty buffer. */
    private static final NetworkEvent WAKE_UP = new NetworkEvent.ExtensionEvent() {
        @Override
        public java.time.Instant at() {
            return java.time.Instant.EPOCH;
        }
    };

    private final NetworkEventListener listener;
    private final ArrayBlockingQueue<NetworkEvent> buffer;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable onClose;
    private final Thread thread;

    ListenerSubscription(NetworkEventListener listener, int capacity, ThreadFactory threads, Runnable onClose) {
        this.listener = listener;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
        this.thread = threads.newThread(this::deliver);
        if (thread == null) {
            throw new IllegalStateException("thread factory refused to create a delivery thread");
        }
    }

    void start() {
        thread.start();
    }

    /** Called on the publishing thread; never blocks. */
    void offer(NetworkEvent event) {
        if (!open.get()) {
            return;
        }
        if (!buffer.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void deliver() {
        try {
            while (open.get()) {
                NetworkEvent event = buffer.take();
                if (!open.get()) {
                    return;
                }
                if (event == WAKE_UP) {
                    continue;
                }
                delivered.incrementAndGet();
                try {
                    listener.onEvent(event);
                } catch (RuntimeException | Error e) {
                    if (e instanceof VirtualMachineError) {
                        throw e;
                    }
                    failures.incrementAndGet();
                    LOG.warn("network event listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting for the listener and interrupted it: just end.
        }
    }

    /** Stops delivery and waits up to {@code wait} for the delivery thread to end. */
    void closeAndJoin(Duration wait) {
        close();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(wait);
            if (thread.isAlive()) {
                LOG.warn("network event listener did not return within {}; interrupting it", wait);
                thread.interrupt();
                thread.join(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean threadAlive() {
        return thread.isAlive();
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
            buffer.clear();
            // If a publisher refilled the buffer in between, the thread is not waiting anyway.
            buffer.offer(WAKE_UP);
        }
    }

    @Override
    public String toString() {
        return "Subscription[delivered=" + delivered.get() + ", dropped=" + dropped.get()
                + ", failures=" + failures.get() + ", open=" + open.get() + "]";
    }
}
