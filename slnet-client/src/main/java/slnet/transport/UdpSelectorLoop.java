package slnet.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receive thread for many UDP sockets: an NIO {@link Selector} over every socket opened through
 * it, for running many clients (bots) in one JVM. Each {@link #open opened} transport is a socket of
 * its own (a simulator tells circuits apart by address), but none has a thread of its own: platform
 * threads stay constant however many sockets there are.
 *
 * <p>Handlers of all its transports run on its one thread, so they must be quick (a circuit decodes
 * and queues; its handlers run elsewhere). A datagram larger than a transport's
 * {@link UdpTransportConfig#maxDatagramBytes()} is dropped and counted; a handler that throws is
 * counted and the loop goes on; a socket that keeps failing fails only its own transport.
 *
 * <p>Thread-safe. Whoever creates the loop closes it; {@link #close()} closes every transport still
 * open on it and ends the thread.
 */
public final class UdpSelectorLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSelectorLoop.class);
    /** Larger than any UDP payload, so nothing read is ever cut short. */
    private static final int RECEIVE_BUFFER_BYTES = 65_536;
    /** Datagrams read from one socket before the others get a turn. */
    private static final int READS_PER_TURN = 64;
    private static final int MAX_CONSECUTIVE_RECEIVE_ERRORS = 100;

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER_BYTES);
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Set<SelectorTransport> transports = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private UdpSelectorLoop(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().name(threadName).daemon(true)
                .inheritInheritableThreadLocals(false).unstarted(this::run); // serves many clients: no MDC of one
    }

    /**
     * Starts a loop.
     *
     * @param threadName the name of its thread
     * @return the running loop
     * @throws IOException if no selector can be opened
     */
    public static UdpSelectorLoop start(String threadName) throws IOException {
        UdpSelectorLoop loop = new UdpSelectorLoop(Objects.requireNonNull(threadName, "threadName"));
        loop.thread.start();
        return loop;
    }

    /**
     * Binds a UDP socket read by this loop.
     *
     * @param config socket settings
     * @return the open, not yet started, transport; closing it releases only its socket
     * @throws IOException if the socket cannot be opened or bound
     * @throws IllegalStateException if the loop is closed
     */
    public DatagramTransport open(UdpTransportConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        if (closed) {
            throw new IllegalStateException("the selector loop is closed");
        }
        DatagramChannel channel = config.bindAddress().getAddress() instanceof Inet4Address
                ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            channel.bind(config.bindAddress());
            channel.configureBlocking(false);
            SelectorTransport transport = new SelectorTransport(channel, config.maxDatagramBytes());
            transports.add(transport);
            return transport;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Returns how many transports are open on this loop.
     *
     * @return how many transports are open on this loop
     */
    public int openTransports() {
        return transports.size();
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(this::onReady);
                Runnable task;
                while ((task = pending.poll()) != null) {
                    task.run();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.error("UDP selector loop {} failed; its transports fail", thread.getName(), e);
                for (SelectorTransport transport : transports) {
                    transport.fail(new TransportFailure(TransportFailure.Kind.SOCKET_FAILED,
                            "the UDP selector loop failed", e));
                }
            }
        }
    }

    private void onReady(SelectionKey key) {
        SelectorTransport transport = (SelectorTransport) key.attachment();
        if (key.isValid() && key.isReadable()) {
            transport.drain(buffer);
        }
    }

    private void onLoop(Runnable task) {
        pending.add(task);
        selector.wakeup();
    }

    /**
     * Closes every transport still open on the loop (their listeners hear {@code onClosed}) and ends
     * the thread, waiting briefly for it. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            UdpSocket.joinQuietly(thread);
        }
        List<SelectorTransport> open = new ArrayList<>(transports);
        for (SelectorTransport transport : open) {
            transport.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector failed", e);
        }
    }

    @Override
    public String toString() {
        return "UdpSelectorLoop[" + thread.getName() + ", " + transports.size() + " sockets]";
    }

    /** One socket of the loop. */
    private final class SelectorTransport implements DatagramTransport {
        private final DatagramChannel channel;
        private final InetSocketAddress localAddress;
        private final int maxDatagramBytes;
        private final TransportCounters counters = new TransportCounters();
        private final Object lifecycleLock = new Object();
        private boolean started;
        private volatile boolean transportClosed;
        private volatile TransportFailure failure;
        private volatile DatagramHandler handler;
        private volatile TransportListener listener = TransportListener.NONE;
        private int consecutiveErrors;

        SelectorTransport(DatagramChannel channel, int maxDatagramBytes) throws IOException {
            this.channel = channel;
            this.localAddress = (InetSocketAddress) channel.getLocalAddress();
            this.maxDatagramBytes = maxDatagramBytes;
        }

        @Override
        public void start(DatagramHandler datagramHandler, TransportListener transportListener) {
            Objects.requireNonNull(datagramHandler, "handler");
            Objects.requireNonNull(transportListener, "listener");
            synchronized (lifecycleLock) {
                if (transportClosed) {
                    throw new IllegalStateException(this + " is closed");
                }
                if (started) {
                    throw new IllegalStateException(this + " is already started");
                }
                started = true;
                handler = datagramHandler;
                listener = transportListener;
            }
            onLoop(() -> {
                try {
                    channel.register(selector, SelectionKey.OP_READ, this);
                } catch (ClosedChannelException e) {
                    // closed before the loop got to it: nothing to read
                }
            });
        }

        /** Loop thread: reads what is there, a bounded number of datagrams per turn. */
        void drain(ByteBuffer buffer) {
            for (int i = 0; i < READS_PER_TURN; i++) {
                buffer.clear();
                InetSocketAddress source;
                try {
                    source = (InetSocketAddress) channel.receive(buffer);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    counters.receiveErrors.incrementAndGet();
                    if (++consecutiveErrors >= MAX_CONSECUTIVE_RECEIVE_ERRORS) {
                        fail(new TransportFailure(TransportFailure.Kind.SOCKET_FAILED,
                                consecutiveErrors + " receive errors in a row on " + localAddress, e));
                    }
                    return;
                }
                if (source == null) {
                    return;
                }
                consecutiveErrors = 0;
                if (failure != null) {
                    continue;
                }
                buffer.flip();
                UdpSocket.deliver(handler, counters, maxDatagramBytes, localAddress, buffer, source);
            }
        }

        @Override
        public void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
            UdpSocket.checkSendable(datagram, to, maxDatagramBytes);
            TransportFailure failed = failure;
            if (failed != null) {
                throw failed.toException();
            }
            int bytes = datagram.remaining();
            // Non-blocking: a full send buffer drops the datagram, as the kernel may drop any UDP datagram.
            if (channel.send(datagram, to) > 0) {
                counters.datagramsOut.incrementAndGet();
                counters.bytesOut.addAndGet(bytes);
            }
        }

        void fail(TransportFailure reason) {
            boolean notify;
            synchronized (lifecycleLock) {
                if (failure != null || transportClosed) {
                    return;
                }
                failure = reason;
                notify = started;
            }
            LOG.warn("transport on {} failed: {} ({})", localAddress, reason.detail(), reason.kind());
            if (notify) {
                try {
                    listener.onFailed(reason);
                } catch (RuntimeException e) {
                    LOG.warn("transport listener threw from onFailed", e);
                }
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return localAddress;
        }

        @Override
        public TransportStats stats() {
            return counters.snapshot();
        }

        @Override
        public void close() {
            synchronized (lifecycleLock) {
                if (transportClosed) {
                    return;
                }
                transportClosed = true;
            }
            transports.remove(this);
            try {
                channel.close(); // cancels its key; the selector lets go of it on its next select
            } catch (IOException e) {
                LOG.debug("closing UDP socket {} failed", localAddress, e);
            }
            if (!closed) {
                selector.wakeup();
            }
            try {
                listener.onClosed();
            } catch (RuntimeException e) {
                LOG.warn("transport listener threw from onClosed", e);
            }
        }

        @Override
        public String toString() {
            return "UdpTransport[" + localAddress + " on " + thread.getName() + "]";
        }
    }
}
