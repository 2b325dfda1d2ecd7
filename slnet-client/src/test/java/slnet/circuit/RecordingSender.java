package slnet.circuit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;

/** A {@link DatagramSender} that keeps what it is given, decoded, for assertions. */
final class RecordingSender implements DatagramSender {
    private final PacketCodec codec = new PacketCodec();
    private final List<byte[]> datagrams = new ArrayList<>();
    private final List<InetSocketAddress> destinations = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized void send(byte[] datagram, int offset, int length, InetSocketAddress to) throws IOException {
        if (failing) {
            throw new IOException("test transport is failing");
        }
        datagrams.add(Arrays.copyOfRange(datagram, offset, offset + length));
        destinations.add(to);
    }

    synchronized void failing(boolean value) {
        failing = value;
    }

    synchronized List<byte[]> datagrams() {
        return List.copyOf(datagrams);
    }

    synchronized List<Packet> packets() {
        List<Packet> packets = new ArrayList<>();
        for (byte[] datagram : datagrams) {
            try {
                packets.add(codec.decode(datagram, 0, datagram.length));
            } catch (PacketDecodeException e) {
                throw new AssertionError("circuit sent an undecodable packet", e);
            }
        }
        return packets;
    }

    synchronized List<InetSocketAddress> destinations() {
        return List.copyOf(destinations);
    }

    synchronized void clear() {
        datagrams.clear();
        destinations.clear();
    }

    /** Packets whose message has the given name. */
    List<Packet> packets(String messageName) {
        return packets().stream().filter(p -> p.message().descriptor().name().equals(messageName)).toList();
    }
}
