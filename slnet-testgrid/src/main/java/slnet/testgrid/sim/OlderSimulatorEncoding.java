package slnet.testgrid.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import slnet.circuit.DatagramSender;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.MessageFields;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketHeader;
import slnet.protocol.Zerocoder;

/**
 * Makes a simulator's datagrams look like an older simulator's, as OpenSimulator 0.9 sends them: a
 * message whose trailing variable blocks are empty goes without their count bytes (newer templates
 * added those blocks at the end: {@code MetaData} of {@code ImprovedInstantMessage},
 * {@code AttachmentBlock} of {@code AvatarAppearance}, {@code RegionInfo5} of {@code RegionInfo}),
 * and some messages get a stray byte after their last block ({@code MapBlockReply}). The official
 * viewer reads both; a strict reader rejects them.
 *
 * <p>Works on the datagram as the circuit wrote it, just before it leaves: the body is zero-decoded,
 * cut or lengthened, and zerocoded again if it was; appended acks and the header stay as they were.
 * A resend starts again from the circuit's stored bytes, so it is changed the same way.
 */
final class OlderSimulatorEncoding implements DatagramSender {
    private final DatagramSender next;
    private final boolean omitEmptyTrailingBlocks;
    private final Set<String> strayByteAfter;
    private final PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private final byte[] body = new byte[PacketCodec.MAX_PACKET_SIZE + 1];
    private final byte[] out = new byte[PacketCodec.MAX_PACKET_SIZE + 2];

    OlderSimulatorEncoding(DatagramSender next, SimulatorQuirks quirks) {
        this.next = Objects.requireNonNull(next, "next");
        this.omitEmptyTrailingBlocks = quirks.omitEmptyTrailingBlocks();
        this.strayByteAfter = quirks.strayByteAfter();
    }

    @Override
    public synchronized void send(byte[] datagram, int offset, int length, InetSocketAddress to) throws IOException {
        int changed = rewrite(datagram, offset, length);
        if (changed < 0) {
            next.send(datagram, offset, length, to);
        } else {
            next.send(out, 0, changed, to);
        }
    }

    /** Returns the length of the rewritten datagram in {@link #out}, or -1 to send it unchanged. */
    private int rewrite(byte[] datagram, int offset, int length) {
        Message message;
        try {
            message = codec.decodeMessage(datagram, offset, length);
        } catch (PacketDecodeException e) {
            return -1; // not ours to change
        }
        MessageDescriptor descriptor = message.descriptor();
        int cut = omitEmptyTrailingBlocks ? emptyTrailingVariableBlocks(message) : 0;
        boolean stray = strayByteAfter.contains(descriptor.name());
        if (cut == 0 && !stray) {
            return -1;
        }
        int flags = datagram[offset] & 0xFF;
        int ackCount = (flags & PacketHeader.ACKS) != 0 ? PacketHeader.ackCount(datagram, offset, length) : 0;
        int ackBytes = ackCount > 0 ? 4 * ackCount + 1 : 0;
        int bodyStart = offset + PacketHeader.LENGTH;
        int bodyLength = length - PacketHeader.LENGTH - ackBytes;
        boolean zerocoded = (flags & PacketHeader.ZEROCODED) != 0;
        int plain;
        if (zerocoded) {
            try {
                plain = Zerocoder.decode(datagram, bodyStart, bodyLength, body, 0, PacketCodec.MAX_PACKET_SIZE,
                        PacketHeader.LENGTH);
            } catch (PacketDecodeException e) {
                return -1;
            }
        } else {
            System.arraycopy(datagram, bodyStart, body, 0, bodyLength);
            plain = bodyLength;
        }
        plain -= cut; // each empty variable block at the end is one zero count byte
        if (stray) {
            body[plain++] = 0; // the byte OpenSimulator 0.9.2.2 leaves after MapBlockReply (see ../shared/captures)
        }
        System.arraycopy(datagram, offset, out, 0, PacketHeader.LENGTH);
        int end;
        int coded = zerocoded ? Zerocoder.encode(body, 0, plain, out, PacketHeader.LENGTH, out.length - ackBytes) : -1;
        if (coded >= 0) {
            end = PacketHeader.LENGTH + coded;
        } else {
            out[0] = (byte) (flags & ~PacketHeader.ZEROCODED);
            System.arraycopy(body, 0, out, PacketHeader.LENGTH, plain);
            end = PacketHeader.LENGTH + plain;
        }
        System.arraycopy(datagram, offset + length - ackBytes, out, end, ackBytes);
        return end + ackBytes;
    }

    /** How many variable blocks at the end of the message have no repeats, counting back from the last. */
    static int emptyTrailingVariableBlocks(Message message) {
        List<BlockDescriptor> blocks = message.descriptor().blocks();
        MessageFields fields = null;
        int empty = 0;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            BlockDescriptor block = blocks.get(i);
            if (block.cardinality() != BlockDescriptor.Cardinality.VARIABLE) {
                break;
            }
            if (fields == null) {
                fields = MessageFields.of(message);
            }
            if (!fields.blocks().get(block.name()).isEmpty()) {
                break;
            }
            empty++;
        }
        return empty;
    }
}
