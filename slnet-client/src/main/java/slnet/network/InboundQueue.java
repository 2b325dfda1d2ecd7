package slnet.network;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.InboundMessage;
import slnet.circuit.MessageSink;
import slnet.internal.log.LogContext;

/**
 * One circuit's inbound dispatch: the circuit's sink (on the transport's receive thread) only
 * queues, and a virtual thread takes the messages one at a time, in order, so a slow handler delays
 * its circuit and nothing else. The thread lives for a burst of messages, not for the circuit: an
 * idle circuit holds no thread and no preallocated queue (a fleet of idle bots costs no memory for
 * them). The queue is bounded: past it, messages are dropped and counted rather than growing
 * without limit, and reported to a {@link DropListener}, coalesced: on the first drop, then when
 * the count reaches a power of two or a second has passed since the last report.
 */
final class InboundQueue implements MessageSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);
    private static final long REPORT_INTERVAL_NS = 1_000_000_000L;

    /** Told of dropped messages, coalesced; on the thread that offered the message. */
    interface DropListener {
        /**
         * Messages were dropped.
         *
         * @param firstMessageName the first message dropped since the previous report
         * @param count how many this queue has dropped in all
         */
        void dropped(String firstMessageName, long count);
    }

    private final LinkedBlockingQueue<InboundMessage> queue;
    private final Consumer<InboundMessage> consumer;
    private final LongAdder dropped = new LongAdder();
    /** How the dispatch threads of circuits are named, before the simulator's address. */
    static final String DISPATCH_PREFIX = "slnet-dispatch-";
    private final String name;
    /** The circuit, for the log's MDC: the name without its {@code slnet-dispatch-} prefix. */
    private final String circuit;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean closed;
    private final DropListener onDropped;
    private final LongSupplier nanoTime;
    private final Object dropLock = new Object();
    // Guarded by dropLock.
    private long dropCount;
    private String firstUnreported;
    private long lastReportNs;

    InboundQueue(String name, int capacity, Consumer<InboundMessage> consumer) {
        this(name, capacity, consumer, (first, count) -> { }, System::nanoTime);
    }

    /**
     * @param name the dispatch thread's name
     * @param capacity how many messages may wait
     * @param consumer handles each message, on the dispatch thread
     * @param onDropped told of drops, coalesced
     * @param nanoTime the clock that spaces the reports
     */
    InboundQueue(String name, int capacity, Consumer<InboundMessage> consumer, DropListener onDropped,
                 LongSupplier nanoTime) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.name = name;
        this.circuit = name.startsWith(DISPATCH_PREFIX) ? name.substring(DISPATCH_PREFIX.length()) : name;
        this.onDropped = onDropped;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onMessage(InboundMessage message) {
        if (closed) {
            return;
        }
        if (!queue.offer(message)) {
            dropped.increment();
            onDrop(message);
        }
        if (draining.compareAndSet(false, true)) {
            thread = Thread.ofVirtual().name(name).start(LogContext.carrying(circuit, this::drain));
        }
    }

    private void onDrop(InboundMessage message) {
        String report = null;
        long count;
        synchronized (dropLock) {
            count = ++dropCount;
            if (firstUnreported == null) {
                firstUnreported = message.message().descriptor().name();
            }
            long now = nanoTime.getAsLong();
            if (Long.bitCount(count) == 1 || now - lastReportNs >= REPORT_INTERVAL_NS) {
                report = firstUnreported;
                firstUnreported = null;
                lastReportNs = now;
            }
        }
        if (count == 1) {
            LOG.warn("{}: inbound queue full, dropping messages (already acknowledged: they are lost)", name);
        }
        if (report != null) {
            try {
                onDropped.dropped(report, count);
            } catch (RuntimeException e) {
                LOG.warn("{}: drop listener failed", name, e);
            }
        }
    }

    private void drain() {
        while (true) {
            InboundMessage message;
            while (!closed && (message = queue.poll()) != null) {
                try {
                    consumer.accept(message);
                } catch (RuntimeException e) {
                    LOG.warn("{}: dispatch of {} failed", name, message.message().descriptor().name(), e);
                }
            }
            draining.set(false);
            // A message queued after the last poll and before the flag fell found it still up.
            if (closed || queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** @return messages dropped because the queue was full */
    long dropped() {
        return dropped.sum();
    }

    /** Stops the thread after the message it is handling, if any; idempotent, never waits. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * Waits for the thread to end, unless called from it.
     *
     * @param millis the longest wait
     */
    void join(long millis) {
        Thread running = thread;
        if (running == null || Thread.currentThread() == running) {
            return;
        }
        try {
            running.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
