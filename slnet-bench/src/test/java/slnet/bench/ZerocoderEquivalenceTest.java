package slnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.Zerocoder;

/**
 * Guards the word-at-a-time {@link Zerocoder}: for any input, offset and output limit it must give
 * exactly what the plain byte loop it replaced gave (kept here as the reference): the same result
 * or failure, the same error reason, offset and detail, the same output bytes.
 */
class ZerocoderEquivalenceTest {

    /** Random bytes, half of them zero: mostly short runs, and malformed when read as zerocoded. */
    @Provide
    Arbitrary<byte[]> zeroHeavy() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.just((byte) 1)),
                Tuple.of(4, Arbitraries.bytes()));
        return b.array(byte[].class).ofMinSize(0).ofMaxSize(700);
    }

    /** Alternating literal runs of 1 to 12 non-zero bytes and zero runs of 1 to 300, as in real bodies. */
    @Provide
    Arbitrary<byte[]> runs() {
        Arbitrary<byte[]> literal = Arbitraries.bytes().filter(x -> x != 0).array(byte[].class).ofMinSize(1)
                .ofMaxSize(12);
        Arbitrary<byte[]> zeros = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1, 20)),
                Tuple.of(2, Arbitraries.integers().between(1, 300))).map(byte[]::new);
        return Arbitraries.oneOf(literal, zeros).list().ofMaxSize(120).map(parts -> {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            parts.forEach(all::writeBytes);
            return all.toByteArray();
        });
    }

    @Property(tries = 2000)
    void encodeOfRunsMatchesTheByteLoop(@ForAll("runs") byte[] source, @ForAll @IntRange(max = 9) int skip,
                                        @ForAll @IntRange(max = 5) int destinationOffset,
                                        @ForAll @IntRange(max = 4000) int room) {
        encodeMatchesTheByteLoop(source, skip, destinationOffset, room);
    }

    @Property(tries = 2000)
    void decodeOfRunsMatchesTheByteLoop(@ForAll("runs") byte[] source, @ForAll @IntRange(max = 9) int skip,
                                        @ForAll @IntRange(max = 5) int destinationOffset,
                                        @ForAll @IntRange(max = 40000) int room) {
        decodeMatchesTheByteLoop(source, skip, destinationOffset, room, true);
    }

    @Property(tries = 3000)
    void encodeMatchesTheByteLoop(@ForAll("zeroHeavy") byte[] source, @ForAll @IntRange(max = 9) int skip,
                                  @ForAll @IntRange(max = 5) int destinationOffset,
                                  @ForAll @IntRange(max = 4000) int room) {
        int offset = Math.min(skip, source.length);
        int length = source.length - offset;
        byte[] expected = filled(8192);
        byte[] actual = filled(8192);
        int limit = Math.min(expected.length, destinationOffset + room);
        int want = referenceEncode(source, offset, length, expected, destinationOffset, limit);
        int got = Zerocoder.encode(source, offset, length, actual, destinationOffset, limit);
        assertThat(got).isEqualTo(want);
        if (want >= 0) {
            assertThat(Arrays.copyOfRange(actual, destinationOffset, destinationOffset + got))
                    .isEqualTo(Arrays.copyOfRange(expected, destinationOffset, destinationOffset + want));
        }
    }

    @Property(tries = 3000)
    void decodeMatchesTheByteLoop(@ForAll("zeroHeavy") byte[] source, @ForAll @IntRange(max = 9) int skip,
                                  @ForAll @IntRange(max = 5) int destinationOffset,
                                  @ForAll @IntRange(max = 4000) int room, @ForAll boolean validInput) {
        byte[] input = source;
        if (validInput) {
            byte[] coded = new byte[2 * source.length + 2];
            input = Arrays.copyOf(coded, Zerocoder.encode(source, 0, source.length, coded, 0, coded.length));
        }
        int offset = Math.min(skip, input.length);
        checkDecode(input, offset, input.length - offset, destinationOffset, room);
    }

    @Property(tries = 500)
    void decodeOfRealTrafficMatchesTheByteLoopAtEveryLimit(@ForAll @IntRange(max = 2600) int room) {
        byte[] input = SampleTraffic.zeroCodedObjectUpdates();
        checkDecode(input, 0, input.length, 0, room);
    }

    private static void checkDecode(byte[] input, int offset, int length, int destinationOffset, int room) {
        byte[] expected = filled(40000);
        byte[] actual = filled(40000);
        int limit = Math.min(expected.length, destinationOffset + room);
        Object want = decodeOutcome(true, input, offset, length, expected, destinationOffset, limit);
        Object got = decodeOutcome(false, input, offset, length, actual, destinationOffset, limit);
        assertThat(got).isEqualTo(want);
        if (want instanceof Integer n) {
            assertThat(Arrays.copyOfRange(actual, destinationOffset, destinationOffset + n))
                    .isEqualTo(Arrays.copyOfRange(expected, destinationOffset, destinationOffset + n));
        }
    }

    /** Output buffers start non-zero, so a zero the decoder forgot to write shows. */
    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0x5A);
        return bytes;
    }

    private static Object decodeOutcome(boolean reference, byte[] source, int offset, int length, byte[] out,
                                        int outOffset, int limit) {
        try {
            return reference ? referenceDecode(source, offset, length, out, outOffset, limit, 6)
                    : Zerocoder.decode(source, offset, length, out, outOffset, limit, 6);
        } catch (PacketDecodeException e) {
            return e.reason() + " at " + e.offset() + " zero-decoded " + e.inZeroDecodedBody() + ": " + e.detail();
        }
    }

    /** The byte loop Zerocoder.encode used before the word-at-a-time path. */
    private static int referenceEncode(byte[] source, int offset, int length, byte[] destination,
                                       int destinationOffset, int destinationLimit) {
        int in = offset;
        int end = offset + length;
        int out = destinationOffset;
        while (in < end) {
            byte b = source[in];
            if (b != 0) {
                if (out >= destinationLimit) {
                    return -1;
                }
                destination[out++] = b;
                in++;
            } else {
                int run = 1;
                in++;
                while (in < end && source[in] == 0 && run < 255) {
                    run++;
                    in++;
                }
                if (out + 2 > destinationLimit) {
                    return -1;
                }
                destination[out] = 0;
                destination[out + 1] = (byte) run;
                out += 2;
            }
        }
        return out - destinationOffset;
    }

    /** The byte loop Zerocoder.decode used before the word-at-a-time path, errors included. */
    private static int referenceDecode(byte[] source, int offset, int length, byte[] destination,
                                       int destinationOffset, int destinationLimit, int reportedOffset)
            throws PacketDecodeException {
        int in = offset;
        int end = offset + length;
        int out = destinationOffset;
        while (in < end) {
            int zero = in;
            while (zero < end && source[zero] != 0) {
                zero++;
            }
            int run = zero - in;
            if (run > 0) {
                if (run > destinationLimit - out) {
                    throw tooLarge(reportedOffset + (in - offset), destinationLimit - destinationOffset);
                }
                System.arraycopy(source, in, destination, out, run);
                out += run;
            }
            if (zero == end) {
                break;
            }
            if (zero + 1 == end) {
                throw new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING,
                        reportedOffset + (zero - offset), false, "a zero byte with no count at the end");
            }
            int count = source[zero + 1] & 0xFF;
            if (count == 0) {
                throw new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING,
                        reportedOffset + (zero + 1 - offset), false, "a zero run with a count of 0");
            }
            if (count > destinationLimit - out) {
                throw tooLarge(reportedOffset + (zero - offset), destinationLimit - destinationOffset);
            }
            Arrays.fill(destination, out, out + count, (byte) 0);
            out += count;
            in = zero + 2;
        }
        return out - destinationOffset;
    }

    private static PacketDecodeException tooLarge(int at, int max) {
        return new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING, at, false,
                "zero-decoded packet would be larger than " + max + " bytes");
    }
}
