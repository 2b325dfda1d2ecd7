package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LlsdBinaryTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static void assertVector(Llsd value, String hex) throws LlsdException {
        assertThat(HexFormat.of().formatHex(LlsdBinary.format(value))).isEqualTo(hex.replace(" ", ""));
        assertThat(LlsdBinary.parse(hex(hex))).isEqualTo(value);
    }

    @Test
    void scalarVectors() throws LlsdException {
        assertVector(Llsd.undef(), "21");
        assertVector(Llsd.of(true), "31");
        assertVector(Llsd.of(false), "30");
        assertVector(Llsd.of(-2), "69 fffffffe");
        assertVector(Llsd.of(1.5), "72 3ff8000000000000");
        assertVector(Llsd.of(-0.0), "72 8000000000000000");
        assertVector(Llsd.of("hi"), "73 00000002 6869");
        assertVector(Llsd.of("é"), "73 00000002 c3a9");
        assertVector(Llsd.uri("http://x/"), "6c 00000009 687474703a2f2f782f");
        assertVector(Llsd.of(new byte[] {1, 2, (byte) 0xff}), "62 00000003 0102ff");
        assertVector(Llsd.of(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")),
                "75 00112233445566778899aabbccddeeff");
    }

    @Test
    void dateIsLittleEndianSecondsSinceEpoch() throws LlsdException {
        assertVector(Llsd.of(Instant.parse("2006-02-01T14:29:53Z")), "64 0000407831f8d041");
    }

    @Test
    void containers() throws LlsdException {
        assertVector(Llsd.mapOf("a", Llsd.of(1)), "7b 00000001 6b 00000001 61 69 00000001 7d");
        assertVector(Llsd.arrayOf(Llsd.of(true), Llsd.undef()), "5b 00000002 31 21 5d");
        assertVector(Llsd.arrayOf(), "5b 00000000 5d");
        assertVector(Llsd.map().build(), "7b 00000000 7d");
    }

    @Test
    void headerIsOptionalOnInputAndOfferedOnOutput() throws LlsdException {
        byte[] withHeader = LlsdBinary.formatWithHeader(Llsd.of(7));
        assertThat(new String(withHeader, 0, 18, StandardCharsets.US_ASCII)).isEqualTo("<? LLSD/Binary ?>\n");
        assertThat(LlsdBinary.parse(withHeader)).isEqualTo(Llsd.of(7));
    }

    @Test
    void acceptsNotationStyleStringsAndKeysAsTheViewerDoes() throws LlsdException {
        byte[] doc = "{\u0000\u0000\u0000\u0001'k'\"v\\n\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(LlsdBinary.parse(doc)).isEqualTo(Llsd.mapOf("k", Llsd.of("v\n")));
    }

    @Test
    void parseLeadingReportsWhereTheValueEnds() throws LlsdException {
        byte[] doc = hex("69 00000005 ffeeddcc");
        LlsdBinary.Parsed p = LlsdBinary.parseLeading(doc, 0, LlsdLimits.DEFAULT);
        assertThat(p.value()).isEqualTo(Llsd.of(5));
        assertThat(p.end()).isEqualTo(5);
    }

    @Test
    void rejectsMalformedInput() {
        assertRejected("", "truncated");
        assertRejected("69 0001", "truncated");
        assertRejected("7a", "unknown binary marker");
        assertRejected("21 21", "after the value");
        assertRejected("73 7fffffff 41", "exceeds");
        assertRejected("73 00000010 41", "exceeds the");
        assertRejected("5b 7fffffff 21", "count");
        assertRejected("5b ffffffff", "negative");
        assertRejected("7b 00000001 69 00000001 7d", "expected map key");
        assertRejected("7b 00000001 69", "count");
        assertRejected("5b 00000001 21 7d", "expected ']'");
        assertRejected("73 00000002 c328", "UTF-8");
        assertRejected("64 000000000000f87f", "date out of range");
    }

    @Test
    void rejectsDepthOverLimit() {
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            h.append("5b00000001");
        }
        h.append("21");
        h.append("5d".repeat(5));
        assertThatThrownBy(() -> LlsdBinary.parse(hex(h.toString()), LlsdLimits.DEFAULT.withMaxDepth(4)))
                .isInstanceOf(LlsdException.class).hasMessageContaining("nesting");
        org.assertj.core.api.Assertions.assertThatCode(
                () -> LlsdBinary.parse(hex(h.toString()), LlsdLimits.DEFAULT.withMaxDepth(5))).doesNotThrowAnyException();
    }

    @Test
    void rejectsOversizeInputAndValues() {
        assertThatThrownBy(() -> LlsdBinary.parse(new byte[100], LlsdLimits.DEFAULT.withMaxBytes(99)))
                .isInstanceOf(LlsdException.class).hasMessageContaining("exceeds limit");
        assertThatThrownBy(() -> LlsdBinary.parse(hex("62 00000004 01020304"), LlsdLimits.DEFAULT.withMaxValueBytes(3)))
                .isInstanceOf(LlsdException.class).hasMessageContaining("exceeds limit");
        assertThatThrownBy(() -> LlsdBinary.parse(hex("5b 00000003 212121 5d"), LlsdLimits.DEFAULT.withMaxElements(3)))
                .isInstanceOf(LlsdException.class).hasMessageContaining("element");
    }

    private static void assertRejected(String hexDoc, String reason) {
        assertThatThrownBy(() -> LlsdBinary.parse(hex(hexDoc)))
                .isInstanceOf(LlsdException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((LlsdException) e).offset()).isGreaterThanOrEqualTo(0));
    }
}
