package slnet.bench.circuit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import slnet.transport.UdpTransportConfig;

/**
 * The physical limit: a blocking {@link DatagramChannel} sender and a blocking receiver thread that
 * only counts, moving datagrams of the circuit benchmark's size. Same socket options as
 * {@link slnet.transport.UdpTransport} (unconnected, IPv4, its default receive buffer, a direct
 * buffer each side), so the difference to the circuit rows is the circuit layer alone.
 */
final class BareDatagramPair implements LoopbackPair {
    private final DatagramChannel sender;
    private final DatagramChannel receiver;
    private final InetSocketAddress target;
    private final ByteBuffer out;
    private final AtomicLong delivered = new AtomicLong();
    private final Thread receiveThread;
    private volatile boolean closed;

    BareDatagramPair(int datagramBytes) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        receiver = DatagramChannel.open(StandardProtocolFamily.INET);
        receiver.setOption(StandardSocketOptions.SO_RCVBUF, UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES);
        receiver.bind(loopback);
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        sender.setOption(StandardSocketOptions.SO_RCVBUF, UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES);
        sender.bind(loopback);
        target = (InetSocketAddress) receiver.getLocalAddress();
        out = ByteBuffer.allocateDirect(datagramBytes);
        for (int i = 0; i < datagramBytes; i++) {
            out.put(i, (byte) i);
        }
        receiveThread = Thread.ofPlatform().name("bench-bare-rx").daemon(true).start(this::receiveLoop);
    }

    private void receiveLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(UdpTransportConfig.DEFAULT_MAX_DATAGRAM_BYTES + 1);
        long count = 0;
        try {
            while (true) {
                in.clear();
                if (receiver.receive(in) != null) {
                    // Single writer: a release store is all the reader needs.
                    delivered.setRelease(++count);
                }
            }
        } catch (ClosedChannelException e) {
            // closed by close()
        } catch (IOException e) {
            if (!closed) {
                throw new IllegalStateException("bare receiver failed", e);
            }
        }
    }

    @Override
    public void sendOne() throws IOException {
        out.clear();
        sender.send(out, target);
    }

    @Override
    public long delivered() {
        return delivered.getAcquire();
    }

    @Override
    public long acked() {
        return 0;
    }

    @Override
    public String receiveThreadName() {
        return receiveThread.getName();
    }

    @Override
    public int datagramBytes() {
        return out.capacity();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        sender.close();
        receiver.close();
        receiveThread.join(5_000);
    }
}
