package slnet.network;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.DatagramSender;
import slnet.protocol.PacketCodec;

/**
 * Calls a {@link DatagramTap} from the datagram level, both ways, as {@link PacketTracer} does: it
 * wraps the circuits' {@link DatagramSender} for what leaves and is called by the receive path for
 * what arrives. A heap buffer is passed as it is; a direct one (what the transports receive into) is
 * copied into one array the receive thread reuses, so tapping allocates nothing per datagram.
 */
final class DatagramTapCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramTapCalls.class);

    private final DatagramTap tap;
    /** Only the receive thread uses it; allocated on the first direct buffer, grown for a larger datagram. */
    private byte[] inBuffer;

    DatagramTapCalls(DatagramTap tap) {
        this.tap = tap;
    }

    DatagramSender wrap(DatagramSender sender) {
        return (datagram, offset, length, to) -> {
            sender.send(datagram, offset, length, to);
            call(true, to, datagram, offset, length);
        };
    }

    /** On the receive thread only; leaves the buffer's position where it was. */
    void inbound(ByteBuffer datagram, InetSocketAddress source) {
        if (datagram.hasArray()) {
            call(false, source, datagram.array(), datagram.arrayOffset() + datagram.position(), datagram.remaining());
            return;
        }
        int length = datagram.remaining();
        if (inBuffer == null || inBuffer.length < length) {
            inBuffer = new byte[Math.max(length, PacketCodec.MAX_PACKET_SIZE)];
        }
        datagram.duplicate().get(inBuffer, 0, length);
        call(false, source, inBuffer, 0, length);
    }

    private void call(boolean outbound, InetSocketAddress peer, byte[] datagram, int offset, int length) {
        try {
            tap.onDatagram(outbound, peer, datagram, offset, length);
        } catch (RuntimeException e) {
            LOG.warn("datagram tap threw", e);
        }
    }
}
