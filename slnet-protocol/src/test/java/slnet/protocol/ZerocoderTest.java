package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ZerocoderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String encode(String hex) {
        byte[] in = HEX.parseHex(hex);
        byte[] out = new byte[in.length * 2 + 2];
        int n = Zerocoder.encode(in, 0, in.length, out, 0, out.length);
        return HEX.formatHex(out, 0, n);
    }

    private static String decode(String hex) throws PacketDecodeException {
        byte[] in = HEX.parseHex(hex.replace(" ", ""));
        byte[] out = new byte[8192];
        int n = Zerocoder.decode(in, 0, in.length, out, 0, out.length, 6);
        return HEX.formatHex(out, 0, n);
    }

    @Test
    void runsOfZerosBecomeZeroAndCount() throws Exception {
        assertThat(encode("0100000002")).isEqualTo("01000302");
        assertThat(encode("00")).isEqualTo("0001");
        assertThat(encode("ff")).isEqualTo("ff");
        assertThat(decode("01000302")).isEqualTo("0100000002");
    }

    @Test
    void runsLongerThan255AreSplit() throws Exception {
        String zeros300 = "00".repeat(300);
        assertThat(encode(zeros300)).isEqualTo("00ff" + "002d");
        assertThat(decode("00ff002d")).isEqualTo(zeros300);
    }

    @Test
    void encodeReportsWhenTheOutputWouldPassTheLimit() {
        byte[] in = HEX.parseHex("00ff00ff");
        byte[] out = new byte[16];
        assertThat(Zerocoder.encode(in, 0, in.length, out, 0, 5)).isEqualTo(-1);
        assertThat(Zerocoder.encode(in, 0, in.length, out, 0, 6)).isEqualTo(6);
    }

    @Test
    void aZeroWithoutCountAtTheEndIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> decode("0102 00"))
                .isInstanceOfSatisfying(PacketDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_ZEROCODING);
                    assertThat(e.offset()).isEqualTo(6 + 2);
                });
    }

    @Test
    void aZeroCountIsRejected() {
        assertThatThrownBy(() -> decode("01 0000 02"))
                .isInstanceOfSatisfying(PacketDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_ZEROCODING);
                    assertThat(e.offset()).isEqualTo(6 + 2);
                });
    }

    @Test
    void expansionPastTheBoundIsRejectedBeforeWriting() {
        byte[] bomb = HEX.parseHex("00ff".repeat(40)); // 80 bytes that would expand to 10,200
        byte[] out = new byte[8192];
        assertThatThrownBy(() -> Zerocoder.decode(bomb, 0, bomb.length, out, 0, out.length, 6))
                .isInstanceOfSatisfying(PacketDecodeException.class,
                        e -> assertThat(e.getMessage()).contains("larger than 8192"));
    }

    @Property(tries = 2000)
    void encodeThenDecodeIsIdentity(@ForAll @Size(max = 2000) byte[] data, @ForAll @IntRange(max = 4) int zeroBias)
            throws Exception {
        byte[] input = data.clone();
        for (int i = 0; i < input.length; i++) {
            if (i % 5 < zeroBias) {
                input[i] = 0;
            }
        }
        byte[] coded = new byte[input.length * 2 + 2];
        int n = Zerocoder.encode(input, 0, input.length, coded, 0, coded.length);
        byte[] out = new byte[input.length + 16];
        int m = Zerocoder.decode(coded, 0, n, out, 0, out.length, 0);
        assertThat(Arrays.copyOf(out, m)).isEqualTo(input);
    }

    @Property(tries = 2000)
    void indexOfZeroFindsTheFirstZero(@ForAll @Size(max = 100) byte[] data, @ForAll @IntRange(max = 99) int from) {
        int start = Math.min(from, data.length);
        int expected = start;
        while (expected < data.length && data[expected] != 0) {
            expected++;
        }
        assertThat(Zerocoder.indexOfZero(data, start, data.length)).isEqualTo(expected);
    }
}
