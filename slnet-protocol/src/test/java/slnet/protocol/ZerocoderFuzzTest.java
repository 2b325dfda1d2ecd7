package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/** Fuzz target for zerocoding: any bytes round-trip through encode and decode; decoding any bytes fails only typed. */
class ZerocoderFuzzTest {
    private static final byte[] CODED = new byte[3 * PacketCodec.MAX_PACKET_SIZE];
    private static final byte[] PLAIN = new byte[PacketCodec.MAX_PACKET_SIZE];

    @FuzzTest(maxDuration = "0s")
    void roundTrip(byte[] input) {
        byte[] source = input.length > PacketCodec.MAX_PACKET_SIZE ? Arrays.copyOf(input, PacketCodec.MAX_PACKET_SIZE)
                : input;
        int coded = Zerocoder.encode(source, 0, source.length, CODED, 0, CODED.length);
        assertThat(coded).isNotNegative();
        try {
            int decoded = Zerocoder.decode(CODED, 0, coded, PLAIN, 0, PLAIN.length, 0);
            assertThat(Arrays.copyOf(PLAIN, decoded)).isEqualTo(source);
        } catch (PacketDecodeException e) {
            throw new AssertionError("our own zerocoding did not decode: " + e.getMessage(), e);
        }
        try {
            Zerocoder.decode(source, 0, source.length, PLAIN, 0, PLAIN.length, 0);
        } catch (PacketDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
