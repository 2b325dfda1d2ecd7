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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery both transports share: one blocking {@link DatagramChannel}, its receive thread,
 * the counters, the failed/closed state and the listener. What to do with a received datagram is
 * the {@link RawReceiver}'s business (deliver it as is, or unwrap a SOCKS5 header first).
 *
 * <p>The receive thread is a platform daemon thread: there is one per client, it spends its life
 * blocked in {@code receive}, and a platform thread wakes straight from the kernel, where a virtual
 * thread would add a poller hop and an unpark per datagram for no gain.
 */
final class UdpSocket {

    /** How the receive loop hands over a datagram it read. */
    interface RawReceiver {
        /**
         * @param raw    the datagram as read, from position to limit
         * @param source the socket-level sender
         */
        void onRaw(ByteBuffer raw, InetSocketAddress source);
    }

    private static final Logger LOG = LoggerFactory.getLogger(UdpSocket.class);
    /** Past this many receive errors in a row the socket is taken as broken, not hiccuping. */
    private static final int MAX_CONSECUTIVE_RECEIVE_ERRORS = 100;
    private static final long JOIN_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);

    private final DatagramChannel channel;
    /** The receive thread waits on it: the channel is non-blocking so that no interrupt closes it. */
    private final Selector selector;
    private final InetSocketAddress localAddress;
    private final int maxDatagramBytes;
    private final ByteBuffer receiveBuffer;
    private final String threadName;
    final TransportCounters counters = new TransportCounters();

    private final Object lifecycleLock = new Object();
    private Thread receiveThread;
    private boolean started;
    private volatile boolean closed;
    private volatile TransportFailure failure;
    private volatile DatagramHandler handler;
    private volatile TransportListener listener = TransportListener.NONE;
    private AutoCloseable companion;

    /**
     * Binds a socket.
     *
     * @param config         socket settings
     * @param headroomBytes  bytes a wrapper may add around a payload (SOCKS5 header), so the
     *                       receive buffer still tells an oversize datagram from a maximal one
     * @param threadPrefix   receive thread name prefix; the port is appended
     */
    static UdpSocket open(UdpTransportConfig config, int headroomBytes, String threadPrefix) throws IOException {
        Objects.requireNonNull(config, "config");
        // An IPv4 bind address gets an IPv4 socket; anything else the platform's default (dual stack).
        DatagramChannel channel = config.bindAddress().getAddress() instanceof Inet4Address
                ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            channel.bind(config.bindAddress());
            int granted = channel.getOption(StandardSocketOptions.SO_RCVBUF);
            if (granted < config.receiveBufferBytes()) {
                // Linux caps SO_RCVBUF at net.core.rmem_max; worth knowing when chasing drops.
                LOG.debug("asked for a {}-byte receive buffer, got {} (raise net.core.rmem_max?)",
                        config.receiveBufferBytes(), granted);
            }
            // Non-blocking: a send or receive on a blocking channel from a thread that is (or gets)
            // interrupted closes the channel, so closing one circuit's dispatch thread, which
            // interrupts it, could close the socket every circuit of the client shares.
            channel.configureBlocking(false);
            return new UdpSocket(channel, config.maxDatagramBytes(), headroomBytes, threadPrefix);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private UdpSocket(DatagramChannel channel, int maxDatagramBytes, int headroomBytes, String threadPrefix)
            throws IOException {
        this.channel = channel;
        this.selector = Selector.open();
        try {
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.maxDatagramBytes = maxDatagramBytes;
        // One spare byte: a datagram that fills the buffer was (or may have been) cut short.
        this.receiveBuffer = ByteBuffer.allocateDirect(maxDatagramBytes + headroomBytes + 1);
        this.threadName = threadPrefix + localAddress.getPort();
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /** Something to close (before the socket) when this closes, e.g. a proxy control connection. */
    void closeAlongWith(AutoCloseable companion) {
        synchronized (lifecycleLock) {
            this.companion = companion;
        }
    }

    void start(DatagramHandler handler, TransportListener listener, RawReceiver receiver, String what) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(receiver, "receiver");
        TransportFailure early;
        synchronized (lifecycleLock) {
            if (closed) {
                throw new IllegalStateException(what + " is closed");
            }
            if (started) {
                throw new IllegalStateException(what + " is already started");
            }
            started = true;
            this.handler = handler;
            this.listener = listener;
            receiveThread = Thread.ofPlatform().name(threadName).daemon(true)
                    .unstarted(() -> receiveLoop(receiver));
            receiveThread.start();
            // A failure before start was not told to anyone; one after this is told by fail().
            early = failure;
        }
        if (early != null) {
            notifyFailed(early);
        }
    }

    private void receiveLoop(RawReceiver receiver) {
        ByteBuffer buffer = receiveBuffer;
        int consecutiveErrors = 0;
        while (true) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
                if (source == null) {
                    // Nothing waiting: sleep until something is (or close() wakes the selector).
                    selector.select();
                    selector.selectedKeys().clear();
                    if (closed) {
                        return;
                    }
                    continue;
                }
            } catch (ClosedChannelException | ClosedSelectorException e) {
                if (!closed) {
                    fail(new TransportFailure(TransportFailure.Kind.SOCKET_FAILED,
                            "UDP socket " + localAddress + " was closed unexpectedly", e));
                }
                return;
            } catch (IOException | RuntimeException e) {
                counters.receiveErrors.incrementAndGet();
                if (++consecutiveErrors >= MAX_CONSECUTIVE_RECEIVE_ERRORS) {
                    fail(new TransportFailure(TransportFailure.Kind.SOCKET_FAILED,
                            consecutiveErrors + " receive errors in a row on " + localAddress, e));
                    return;
                }
                LOG.debug("receive error on {}", localAddress, e);
                continue;
            }
            consecutiveErrors = 0;
            if (failure != null) {
                continue;
            }
            buffer.flip();
            if (buffer.limit() == buffer.capacity()) {
                counters.oversizeDropped.incrementAndGet();
                continue;
            }
            receiver.onRaw(buffer, source);
        }
    }

    /**
     * Hands a payload to the handler, counting it, and surviving whatever the handler throws.
     * Receive thread only.
     */
    void deliver(ByteBuffer payload, InetSocketAddress source) {
        deliver(handler, counters, maxDatagramBytes, localAddress, payload, source);
    }

    /**
     * Hands a payload to a handler, counting it (or dropping it as oversize), and surviving whatever
     * the handler throws: the one way every receive loop delivers.
     */
    static void deliver(DatagramHandler handler, TransportCounters counters, int maxDatagramBytes,
                        InetSocketAddress localAddress, ByteBuffer payload, InetSocketAddress source) {
        int bytes = payload.remaining();
        if (bytes > maxDatagramBytes) {
            counters.oversizeDropped.incrementAndGet();
            return;
        }
        counters.datagramsIn.incrementAndGet();
        counters.bytesIn.addAndGet(bytes);
        try {
            handler.onDatagram(payload, source);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            long count = counters.handlerExceptions.incrementAndGet();
            // Powers of two only: a handler that throws on every datagram must not flood the log.
            if (Long.bitCount(count) == 1) {
                LOG.warn("datagram handler threw (exception #{} on {}); datagram from {} dropped",
                        count, localAddress, source, e);
            }
        }
    }

    /**
     * Sends bytes as they are.
     *
     * @param payloadBytes what to count as payload (excludes a wrapper's header)
     */
    void sendRaw(ByteBuffer datagram, InetSocketAddress to, int payloadBytes) throws IOException {
        TransportFailure failed = failure;
        if (failed != null) {
            throw failed.toException();
        }
        // Non-blocking: a full send buffer drops the datagram, as the kernel may drop any UDP datagram.
        if (channel.send(datagram, to) > 0) {
            counters.datagramsOut.incrementAndGet();
            counters.bytesOut.addAndGet(payloadBytes);
        }
    }

    void checkSendable(ByteBuffer datagram, InetSocketAddress to) {
        checkSendable(datagram, to, maxDatagramBytes);
    }

    /** Rejects what no transport may send: an unresolved destination, or more than the maximum. */
    static void checkSendable(ByteBuffer datagram, InetSocketAddress to, int maxDatagramBytes) {
        if (to.isUnresolved()) {
            throw new IllegalArgumentException("destination is unresolved: " + to);
        }
        if (datagram.remaining() > maxDatagramBytes) {
            throw new IllegalArgumentException(
                    "datagram of " + datagram.remaining() + " bytes exceeds the maximum of " + maxDatagramBytes);
        }
    }

    /** Marks the transport failed (first failure wins) and tells the listener, if started. */
    void fail(TransportFailure reason) {
        boolean notify;
        synchronized (lifecycleLock) {
            if (failure != null || closed) {
                return;
            }
            failure = reason;
            notify = started;
        }
        LOG.warn("transport on {} failed: {} ({})", localAddress, reason.detail(), reason.kind());
        if (notify) {
            notifyFailed(reason);
        }
    }

    private void notifyFailed(TransportFailure reason) {
        try {
            listener.onFailed(reason);
        } catch (RuntimeException e) {
            LOG.warn("transport listener threw from onFailed", e);
        }
    }

    TransportFailure failure() {
        return failure;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        Thread toJoin;
        AutoCloseable toClose;
        synchronized (lifecycleLock) {
            if (closed) {
                return;
            }
            closed = true;
            toJoin = receiveThread;
            toClose = companion;
        }
        if (toClose != null) {
            try {
                toClose.close();
            } catch (Exception e) {
                LOG.debug("closing the companion of {} failed", localAddress, e);
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing UDP socket {} failed", localAddress, e);
        }
        selector.wakeup();
        if (toJoin != null && toJoin != Thread.currentThread()) {
            joinQuietly(toJoin);
        }
        try {
            // Also completes the channel's close: a registered channel's socket is released when
            // its key leaves the selector.
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector of UDP socket {} failed", localAddress, e);
        }
        try {
            listener.onClosed();
        } catch (RuntimeException e) {
            LOG.warn("transport listener threw from onClosed", e);
        }
    }

    static void joinQuietly(Thread thread) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_TIMEOUT_MS);
        while (thread.isAlive()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                LOG.warn("thread {} did not end within {} ms", thread.getName(), JOIN_TIMEOUT_MS);
                break;
            }
            try {
                thread.join(leftMs);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
