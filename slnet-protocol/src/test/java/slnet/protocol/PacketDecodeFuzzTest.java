package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import slnet.protocol.messages.Messages;

/**
 * Fuzz targets for the packet decoder, strict and lenient: any bytes give a packet or a
 * {@link PacketDecodeException}, and whatever decodes encodes again. Regression inputs live in
 * {@code PacketDecodeFuzzTestInputs}; {@code scripts/fuzz} runs them as fuzzers.
 */
class PacketDecodeFuzzTest {
    private static final PacketCodec STRICT = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private static final PacketCodec LENIENT = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE,
            DecodeMode.LENIENT);
    private static final PacketCodec CHECK = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private static final int ALL_DEVIATIONS = Deviation.MISSING_TRAILING_BLOCKS.bit()
            | Deviation.FIELDS_READ_AS_ZEROS.bit() | Deviation.TRAILING_BYTES.bit();
    private static final byte[] OUT = new byte[PacketCodec.MAX_PACKET_SIZE];

    @FuzzTest(maxDuration = "0s")
    void strict(byte[] datagram) {
        try {
            STRICT.peekDescriptor(datagram, 0, datagram.length);
            STRICT.decodeMessage(datagram, 0, datagram.length);
            Packet packet = STRICT.decode(datagram, 0, datagram.length);
            assertThat(STRICT.lastDeviations()).isZero();
            reencodes(packet.message());
        } catch (PacketDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "0s")
    void lenient(byte[] datagram) {
        try {
            Packet packet = LENIENT.decode(datagram, 0, datagram.length);
            assertThat(LENIENT.lastDeviations() & ~ALL_DEVIATIONS).isZero();
            reencodes(packet.message());
        } catch (PacketDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    /**
     * What was read, leniently or not, is a message the template allows: it encodes and reads back
     * strictly, and from then on stays the same. (Not equal to what was read the first time: a
     * quaternion is read as the viewer reads it, unnormalised, and written normalised, as the viewer
     * writes it.)
     */
    private static void reencodes(Message message) {
        Message once = writtenAndRead(message);
        if (once != null) {
            assertThat(writtenAndRead(once)).isEqualTo(once);
        }
    }

    private static Message writtenAndRead(Message message) {
        int length;
        try {
            length = CHECK.encodeMessage(message, 0, 1, OUT, 0);
        } catch (PacketEncodeException tooLarge) {
            return null; // a body near the limit can outgrow it when written back unzerocoded
        }
        try {
            return CHECK.decodeMessage(OUT, 0, length);
        } catch (PacketDecodeException e) {
            throw new AssertionError("a decoded message does not read back: " + e.getMessage(), e);
        }
    }
}
