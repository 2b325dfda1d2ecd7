package slnet.cli;

import java.net.InetSocketAddress;
import java.util.List;
import slnet.network.DatagramTap;
import slnet.protocol.DecodeMode;
import slnet.protocol.Deviation;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.Messages;

/**
 * For {@code connect --trace}: decodes each received datagram again, as leniently as the circuit
 * does, and prints what was tolerated (e.g. an OpenSimulator IM without its trailing blocks) when
 * anything was. The circuit counts these but says nothing per packet; a trace should. Costs one
 * decode per received datagram, only while tracing. Datagrams that do not decode are left to the
 * circuit, which publishes them as {@code PacketRejected}.
 */
final class ToleratedTrace implements DatagramTap {
    private final EventLines lines;
    /** Locked while used: a tap's contract names no single thread. */
    private final PacketCodec codec = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE,
            DecodeMode.LENIENT);

    ToleratedTrace(EventLines lines) {
        this.lines = lines;
    }

    @Override
    public void onDatagram(boolean outbound, InetSocketAddress simulator, byte[] datagram, int offset, int length) {
        if (outbound) {
            return;
        }
        String name;
        int deviations;
        synchronized (codec) {
            try {
                name = codec.decode(datagram, offset, length).message().descriptor().name();
            } catch (PacketDecodeException e) {
                return;
            }
            deviations = codec.lastDeviations();
        }
        if (deviations != 0) {
            lines.tolerated(simulator, name, Deviation.setOf(deviations).stream().map(Deviation::description).toList());
        }
    }
}
