package slnet.network;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.InboundMessage;
import slnet.circuit.MessageSink;

/**
 * One circuit's inbound dispatch thread: the circuit's sink (on the transport's receive thread)
 * only queues, and a virtual thread of the circuit's own takes the messages one at a time, in
 * order, so a slow handler delays its circuit and nothing else. The queue is bounded: past it,
 * messages are dropped and counted rather than growing without limit.
 */
final class InboundQueue implements MessageSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);

    private final ArrayBlockingQueue<InboundMessage> queue;
    private final Consumer<InboundMessage> consumer;
    private final LongAdder dropped = new LongAdder();
    private final Thread thread;
    private volatile boolean closed;

    InboundQueue(String name, int capacity, Consumer<InboundMessage> consumer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.thread = Thread.ofVirtual().name(name).start(this::run);
    }

    @Override
    public void onMessage(InboundMessage message) {
        if (closed) {
            return;
        }
        if (!queue.offer(message)) {
            dropped.increment();
            if (dropped.sum() == 1) {
                LOG.warn("{}: inbound queue full, dropping messages", thread.getName());
            }
        }
    }

    private void run() {
        while (!closed) {
            InboundMessage message;
            try {
                message = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                consumer.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("{}: dispatch of {} failed", thread.getName(), message.message().descriptor().name(), e);
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
        thread.interrupt();
    }

    /**
     * Waits for the thread to end, unless called from it.
     *
     * @param millis the longest wait
     */
    void join(long millis) {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
