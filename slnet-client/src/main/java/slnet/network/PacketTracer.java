package slnet.network;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.DatagramSender;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketHeader;

/**
 * Feeds a {@link PacketTap} from the datagram level, both ways: it wraps the circuits'
 * {@link DatagramSender} for what leaves and is called by the receive path for what arrives, so
 * acks and pings the circuit consumes are traced too. Reads only the header and message number.
 * Each direction has its own codec and buffer: sends are serialised by the wrapped sender's callers'
 * lock per circuit but may come from several circuits, so the outbound side is synchronised.
 */
final class PacketTracer {
    private static final Logger LOG = LoggerFactory.getLogger(PacketTracer.class);

    private final PacketTap tap;
    private final PacketCodec outCodec = new PacketCodec();
    private final PacketCodec inCodec = new PacketCodec();
    private final byte[] inBuffer = new byte[PacketCodec.MAX_PACKET_SIZE];

    PacketTracer(PacketTap tap) {
        this.tap = tap;
    }

    DatagramSender wrap(DatagramSender sender) {
        return (datagram, offset, length, to) -> {
            sender.send(datagram, offset, length, to);
            synchronized (outCodec) {
                report(true, outCodec, datagram, offset, length, to);
            }
        };
    }

    /** On the receive thread only. */
    void inbound(ByteBuffer datagram, InetSocketAddress source) {
        int length = Math.min(datagram.remaining(), inBuffer.length);
        datagram.duplicate().get(inBuffer, 0, length);
        report(false, inCodec, inBuffer, 0, length, source);
    }

    private void report(boolean outbound, PacketCodec codec, byte[] datagram, int offset, int length,
                        InetSocketAddress peer) {
        String name = "?";
        int sequence = -1;
        int flags = 0;
        if (length >= PacketHeader.MINIMUM_PACKET) {
            flags = PacketHeader.flags(datagram, offset);
            sequence = PacketHeader.sequence(datagram, offset);
            try {
                name = codec.peekDescriptor(datagram, offset, length).name();
            } catch (PacketDecodeException | RuntimeException e) {
                name = "?";
            }
        }
        try {
            tap.onPacket(new TracedPacket(outbound, peer, name, sequence, flags));
        } catch (RuntimeException e) {
            LOG.warn("packet tap threw", e);
        }
    }
}
