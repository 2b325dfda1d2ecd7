package slnet.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DatagramTransport} through a SOCKS5 proxy (RFC 1928 UDP ASSOCIATE, with no
 * authentication or RFC 1929 username/password).
 *
 * <p>Opening connects to the proxy over TCP, authenticates and asks for a UDP association; the
 * TCP control connection stays open for the association's life, since the proxy ends the
 * association when it closes. A watcher thread ({@code slnet-socks5-ctl-<port>}) notices the
 * connection ending (EOF, reset, or any unexpected byte) and fails the transport with
 * {@link TransportFailure.Kind#PROXY_CONNECTION_LOST}; sends then throw
 * {@link TransportFailedException}.
 *
 * <p>Outgoing datagrams get the SOCKS5 UDP header (RSV 0, FRAG 0, destination) and go to the
 * proxy's relay; incoming ones are unwrapped, and the handler sees the encapsulated source (the
 * simulator), not the relay, so a circuit's source-address check works unchanged. Datagrams from
 * anyone but the relay are dropped ({@link TransportStats#foreignDropped()}), as are fragmented
 * (FRAG != 0) or malformed ones ({@link TransportStats#malformedDropped()}). A relay that reports
 * its address as 0.0.0.0 is taken to be on the proxy's host.
 *
 * <p>Sends are serialised on one lock and one preallocated buffer (the socket serialises them
 * anyway); the header of each destination is encoded once and cached. Thread-safe: see
 * {@link DatagramTransport}.
 */
public final class Socks5UdpTransport implements DatagramTransport {

    private static final Logger LOG = LoggerFactory.getLogger(Socks5UdpTransport.class);
    /** Plenty for the simulators of one client; cleared when full rather than evicting LRU. */
    private static final int MAX_CACHED_HEADERS = 256;

    private final UdpSocket socket;
    private final Socket control;
    private final InetSocketAddress relay;
    private final String proxyDescription;
    private final Socks5UdpHeader.Reader headerReader = new Socks5UdpHeader.Reader();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ByteBuffer sendBuffer;
    private final Map<InetSocketAddress, byte[]> headers = new HashMap<>();
    private final Thread watcher;

    private Socks5UdpTransport(UdpSocket socket, Socks5Handshake.Association association, Socks5Config config) {
        this.socket = socket;
        this.control = association.control();
        this.relay = association.relay();
        this.proxyDescription = String.valueOf(config.proxy());
        this.sendBuffer = ByteBuffer.allocateDirect(Socks5UdpHeader.MAX_HEADER_BYTES + socket.maxDatagramBytes());
        this.watcher = Thread.ofPlatform().name("slnet-socks5-ctl-" + socket.localAddress().getPort())
                .daemon(true).unstarted(this::watchControlConnection);
        socket.closeAlongWith(this::closeControl);
    }

    /**
     * Binds a local UDP socket, connects to the proxy, authenticates and sets up the association.
     * Blocks for at most about twice {@link Socks5Config#connectTimeout()} (connect, then each reply).
     *
     * @param config the proxy and local socket settings
     * @return the open, not yet started, transport
     * @throws Socks5Exception if the proxy cannot be reached or refuses; see its reason
     * @throws IOException if the local socket cannot be opened
     */
    public static Socks5UdpTransport open(Socks5Config config) throws IOException {
        Objects.requireNonNull(config, "config");
        UdpSocket socket = UdpSocket.open(config.udp(), Socks5UdpHeader.MAX_HEADER_BYTES, "slnet-socks5-rx-");
        try {
            Socks5Handshake.Association association = Socks5Handshake.associate(config, socket.localAddress());
            Socks5UdpTransport transport;
            try {
                transport = new Socks5UdpTransport(socket, association, config);
                transport.watcher.start();
            } catch (RuntimeException | Error e) {
                Socks5Handshake.closeQuietly(association.control());
                throw e;
            }
            LOG.debug("SOCKS5 UDP association via {}: relay {}, local {}",
                    transport.proxyDescription, transport.relay, socket.localAddress());
            return transport;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Where the proxy relays this transport's datagrams.
     *
     * @return the relay's UDP address
     */
    public InetSocketAddress relayAddress() {
        return relay;
    }

    @Override
    public void start(DatagramHandler handler, TransportListener listener) {
        socket.start(handler, listener, this::onRaw, toString());
    }

    private void onRaw(ByteBuffer raw, InetSocketAddress source) {
        if (!source.equals(relay)) {
            socket.counters.foreignDropped.incrementAndGet();
            return;
        }
        InetSocketAddress origin = headerReader.read(raw);
        if (origin == null) {
            socket.counters.malformedDropped.incrementAndGet();
            return;
        }
        socket.deliver(raw, origin);
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
        socket.checkSendable(datagram, to);
        int payloadBytes = datagram.remaining();
        sendLock.lock();
        try {
            byte[] header = headers.get(to);
            if (header == null) {
                if (headers.size() >= MAX_CACHED_HEADERS) {
                    headers.clear();
                }
                header = Socks5UdpHeader.udpHeader(to);
                headers.put(to, header);
            }
            sendBuffer.clear();
            sendBuffer.put(header).put(datagram).flip();
            socket.sendRaw(sendBuffer, relay, payloadBytes);
        } finally {
            sendLock.unlock();
        }
    }

    private void watchControlConnection() {
        String detail;
        Throwable cause = null;
        try {
            InputStream in = control.getInputStream();
            int read = in.read();
            detail = read < 0
                    ? "SOCKS5 proxy " + proxyDescription + " closed the control connection"
                    : "SOCKS5 proxy " + proxyDescription + " sent unexpected data on the control connection";
        } catch (IOException e) {
            detail = "SOCKS5 control connection to " + proxyDescription + " failed: " + e.getMessage();
            cause = e;
        }
        if (!socket.isClosed()) {
            socket.fail(new TransportFailure(TransportFailure.Kind.PROXY_CONNECTION_LOST, detail, cause));
        }
    }

    private void closeControl() {
        Socks5Handshake.closeQuietly(control);
        if (Thread.currentThread() != watcher) {
            UdpSocket.joinQuietly(watcher);
        }
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
        return "Socks5UdpTransport[local=" + socket.localAddress() + ", proxy=" + proxyDescription
                + ", relay=" + relay + "]";
    }
}
