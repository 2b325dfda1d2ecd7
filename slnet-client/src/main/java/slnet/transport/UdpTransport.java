package slnet.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A {@link DatagramTransport} on a plain UDP socket: one {@link java.nio.channels.DatagramChannel}
 * shared by all circuits of a client, read by one dedicated receive thread (a platform daemon
 * thread named {@code slnet-udp-rx-<port>}). A platform thread, not a virtual one: there is one per
 * client, it spends its life blocked in {@code receive}, and it wakes straight from the kernel,
 * where a virtual thread would add a poller hand-off per datagram and gain nothing.
 *
 * <p>A received datagram larger than {@link UdpTransportConfig#maxDatagramBytes()} is dropped
 * here and counted in {@link TransportStats#oversizeDropped()}: the layer above never sees a
 * truncated datagram. Receive errors and handler exceptions are counted and the loop goes on; only
 * a socket that keeps failing (or is closed under it) fails the transport.
 *
 * <p>Thread-safe: see {@link DatagramTransport}.
 */
public final class UdpTransport implements DatagramTransport {

    private final UdpSocket socket;

    private UdpTransport(UdpSocket socket) {
        this.socket = socket;
    }

    /**
     * Binds a UDP socket with the default settings (any address, free port).
     *
     * @return the open, not yet started, transport
     * @throws IOException if the socket cannot be opened or bound
     */
    public static UdpTransport open() throws IOException {
        return open(UdpTransportConfig.defaults());
    }

    /**
     * Binds a UDP socket.
     *
     * @param config socket settings
     * @return the open, not yet started, transport
     * @throws IOException if the socket cannot be opened or bound
     */
    public static UdpTransport open(UdpTransportConfig config) throws IOException {
        return new UdpTransport(UdpSocket.open(config, 0, "slnet-udp-rx-"));
    }

    @Override
    public void start(DatagramHandler handler, TransportListener listener) {
        socket.start(handler, listener, socket::deliver, toString());
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
        socket.checkSendable(datagram, to);
        socket.sendRaw(datagram, to, datagram.remaining());
    }

    @Override
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    @Override
    public TransportStats stats() {
        return socket.counters.snapshot();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "UdpTransport[" + socket.localAddress() + "]";
    }
}
