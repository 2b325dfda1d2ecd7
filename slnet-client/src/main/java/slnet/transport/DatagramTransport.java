package slnet.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Moves datagrams between this client and remote UDP endpoints. Knows nothing of messages.
 *
 * <p>Lifecycle: a transport is open (its socket bound) when created; {@link #start} begins
 * delivery of received datagrams to a handler on the transport's own receive thread;
 * {@link #close()} releases the socket and ends its threads. Datagrams arriving before
 * {@code start} wait in the kernel's receive buffer.
 *
 * <p>Threading: {@link #send}, {@link #stats()}, {@link #localAddress()} and {@link #close()} may
 * be called from any thread, concurrently. The handler runs on the receive thread only.
 *
 * <p>Implementations: {@link UdpTransport} (a plain UDP socket) and {@link Socks5UdpTransport}
 * (UDP through a SOCKS5 proxy's UDP ASSOCIATE).
 */
public interface DatagramTransport extends AutoCloseable {

    /**
     * Starts delivering received datagrams. Call once.
     *
     * @param handler  called for each datagram on the receive thread
     * @param listener hears about failure and close
     * @throws IllegalStateException if already started or closed
     */
    void start(DatagramHandler handler, TransportListener listener);

    /**
     * Starts delivering received datagrams, with no lifecycle listener.
     *
     * @param handler called for each datagram on the receive thread
     * @throws IllegalStateException if already started or closed
     */
    default void start(DatagramHandler handler) {
        start(handler, TransportListener.NONE);
    }

    /**
     * Sends one datagram: the bytes from {@code datagram}'s position to its limit. On return the
     * position has advanced to the limit. Does not allocate for a direct buffer to a resolved
     * address; a heap buffer costs one copy.
     *
     * <p>UDP gives no delivery guarantee: a datagram the kernel drops (full send buffer) is not an
     * error here. Safe to call from any thread.
     *
     * @param datagram the payload
     * @param to       the destination, resolved (not {@link InetSocketAddress#isUnresolved()})
     * @throws TransportFailedException if the transport has failed
     * @throws java.nio.channels.ClosedChannelException if the transport is closed
     * @throws IllegalArgumentException if the datagram is larger than the maximum, or {@code to} is unresolved
     * @throws IOException if the socket refuses the datagram
     */
    void send(ByteBuffer datagram, InetSocketAddress to) throws IOException;

    /**
     * The local address of the UDP socket.
     *
     * @return the bound address (port never 0)
     */
    InetSocketAddress localAddress();

    /**
     * The counters, as of now.
     *
     * @return a snapshot
     */
    TransportStats stats();

    /**
     * Releases the socket (and a proxy's control connection) and waits for the transport's threads
     * to end. Idempotent; never throws. Called from the handler, it does not wait for the receive
     * thread (which ends right after the handler returns).
     */
    @Override
    void close();
}
