package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import slnet.protocol.types.Bytes;

/** Round trips of random contents through the codec, and decoding of hostile bytes. */
class PacketCodecPropertiesTest {

    private final PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private final PacketCodec lenient = new PacketCodec(slnet.protocol.messages.Messages.REGISTRY,
            PacketCodec.MAX_PACKET_SIZE, DecodeMode.LENIENT);

    @Provide
    Arbitrary<MessageDescriptor> messages() {
        return Arbitraries.of(RandomMessages.all());
    }

    @Property(tries = 3000)
    void everyMessageRoundTrips(@ForAll("messages") MessageDescriptor descriptor, @ForAll long seed,
                                @ForAll boolean zerocoded, @ForAll boolean resent, @ForAll boolean reliable,
                                @ForAll @Size(max = 6) List<Integer> acks) throws Exception {
        roundTrip(descriptor, new Random(seed), zerocoded, resent, reliable,
                acks.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The property above samples; this covers every message of the template for certain. */
    @Test
    void everyMessageOfTheTemplateRoundTripsInEveryForm() throws Exception {
        Random random = new Random(42);
        for (MessageDescriptor descriptor : RandomMessages.all()) {
            for (int variant = 0; variant < 8; variant++) {
                roundTrip(descriptor, random, (variant & 1) != 0, (variant & 2) != 0, (variant & 4) != 0,
                        (variant & 4) != 0 ? new int[] {random.nextInt(), 7} : new int[0]);
            }
        }
    }

    private void roundTrip(MessageDescriptor descriptor, Random random, boolean zerocoded, boolean resent,
                           boolean reliable, int[] acks) throws Exception {
        Message message = RandomMessages.of(descriptor, random);
        int flags = (zerocoded ? PacketHeader.ZEROCODED : 0) | (resent ? PacketHeader.RESENT : 0)
                | (reliable ? PacketHeader.RELIABLE : 0);
        Packet packet = Packet.of(flags, random.nextInt(), Bytes.EMPTY, new int[0], message).withAcks(acks);
        byte[] datagram = codec.encode(packet);
        Packet decoded = codec.decode(datagram, 0, datagram.length);
        assertThat(decoded).as("%s", descriptor.name()).isEqualTo(packet);
        assertThat(codec.decodeMessage(datagram, 0, datagram.length)).isEqualTo(message);
        assertThat(codec.peekDescriptor(datagram, 0, datagram.length)).isSameAs(descriptor);
        // the fast path agrees with the full decode
        int ackCount = PacketHeader.ackCount(datagram, 0, datagram.length);
        assertThat(ackCount).isEqualTo(acks.length);
        for (int i = 0; i < ackCount; i++) {
            assertThat(PacketHeader.ack(datagram, 0, datagram.length, ackCount, i)).isEqualTo(acks[i]);
        }
        assertThat(PacketHeader.sequence(datagram, 0)).isEqualTo(packet.sequence());
        // what a circuit sends decodes to the same message, and zerocoding never makes it longer
        byte[] sent = new byte[codec.mtu()];
        int sentLength = codec.encodeMessage(message, PacketHeader.RELIABLE, 9, sent, 0);
        assertThat(codec.decodeMessage(sent, 0, sentLength)).isEqualTo(message);
        byte[] plain = codec.encode(Packet.of(0, 9, Bytes.EMPTY, new int[0], message));
        assertThat(sentLength).isLessThanOrEqualTo(plain.length);
    }

    @Property(tries = 5000)
    void randomBytesDecodeOrFailWithTheTypedException(@ForAll @Size(max = 300) byte[] datagram) {
        decodeExpectingOnlyTypedFailure(datagram);
    }

    @Property(tries = 3000)
    void randomBytesAfterAPlausibleHeaderDecodeOrFailWithTheTypedException(
            @ForAll("messages") MessageDescriptor descriptor, @ForAll @Size(max = 200) byte[] body,
            @ForAll @IntRange(min = 0, max = 255) int flags) {
        byte[] id = switch (descriptor.frequency()) {
            case HIGH -> new byte[] {(byte) descriptor.number()};
            case MEDIUM -> new byte[] {(byte) 0xFF, (byte) descriptor.number()};
            case LOW -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) (descriptor.number() >>> 8), (byte) descriptor.number()};
            case FIXED -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) descriptor.number()};
        };
        byte[] datagram = new byte[6 + id.length + body.length];
        datagram[0] = (byte) (flags & ~PacketHeader.ZEROCODED);
        System.arraycopy(id, 0, datagram, 6, id.length);
        System.arraycopy(body, 0, datagram, 6 + id.length, body.length);
        decodeExpectingOnlyTypedFailure(datagram);
    }

    @Property(tries = 5000)
    void mutatedValidPacketsDecodeOrFailWithTheTypedException(
            @ForAll("messages") MessageDescriptor descriptor, @ForAll long seed, @ForAll boolean zerocoded,
            @ForAll @IntRange(min = 0, max = 3) int mutation, @ForAll int where, @ForAll byte value) {
        Random random = new Random(seed);
        Packet packet = Packet.of(zerocoded ? PacketHeader.ZEROCODED : 0, 1, Bytes.EMPTY, new int[0],
                RandomMessages.of(descriptor, random)).withAcks(random.nextBoolean() ? new int[] {3} : new int[0]);
        byte[] datagram = codec.encode(packet);
        int at = Math.floorMod(where, datagram.length);
        byte[] mutated = switch (mutation) {
            case 0 -> {
                byte[] copy = datagram.clone();
                copy[at] = value;
                yield copy;
            }
            case 1 -> Arrays.copyOf(datagram, at); // truncated
            case 2 -> {
                byte[] longer = Arrays.copyOf(datagram, datagram.length + 1 + Math.floorMod(value, 8));
                yield longer; // extended with zeros
            }
            default -> {
                byte[] copy = datagram.clone();
                copy[at] ^= (byte) (1 << Math.floorMod(value, 8)); // one bit flipped
                yield copy;
            }
        };
        decodeExpectingOnlyTypedFailure(mutated);
    }

    private void decodeExpectingOnlyTypedFailure(byte[] datagram) {
        decodeExpectingOnlyTypedFailure(codec, datagram);
        decodeExpectingOnlyTypedFailure(lenient, datagram);
    }

    private void decodeExpectingOnlyTypedFailure(PacketCodec codec, byte[] datagram) {
        try {
            Packet packet = codec.decode(datagram, 0, datagram.length);
            // whatever decoded must encode again (an exact-flag encode can only fail on size)
            try {
                codec.encode(packet);
            } catch (PacketEncodeException tooLarge) {
                assertThat(tooLarge.getMessage()).contains("MTU");
            }
        } catch (PacketDecodeException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(PacketCodec.MAX_PACKET_SIZE, datagram.length));
            assertThat(expected.reason()).isNotNull();
        } catch (RuntimeException e) {
            fail(codec.decodeMode() + " decoding " + java.util.HexFormat.of().formatHex(datagram) + " threw " + e, e);
        }
    }
}
