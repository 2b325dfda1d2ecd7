package slnet.circuit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import slnet.protocol.PacketCodec;
import slnet.transport.DatagramTransport;

/**
 * Adapts a {@link DatagramTransport} to the {@link DatagramSender} circuits use: each datagram is
 * copied into one reusable direct buffer, which the transport sends without allocating. Thread-safe:
 * sends from the circuits of one host are serialised on that buffer, which costs little next to the
 * system call they share anyway. Does not own the transport.
 */
public final class TransportDatagramSender implements DatagramSender {
    private final DatagramTransport transport;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(PacketCodec.MAX_PACKET_SIZE);

    /**
     * Creates the adapter.
     *
     * @param transport where datagrams go
     */
    public TransportDatagramSender(DatagramTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public synchronized void send(byte[] datagram, int offset, int length, InetSocketAddress to) throws IOException {
        buffer.clear();
        buffer.put(datagram, offset, length);
        buffer.flip();
        transport.send(buffer, to);
    }
}
