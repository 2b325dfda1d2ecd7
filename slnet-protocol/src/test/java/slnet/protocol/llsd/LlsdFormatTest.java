package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LlsdFormatTest {

    private static final Llsd SAMPLE = Llsd.mapOf("a", Llsd.arrayOf(Llsd.of(1), Llsd.of("two")));

    @Test
    void contentTypes() {
        assertThat(LlsdFormat.fromContentType("application/llsd+xml; charset=utf-8")).isEqualTo(LlsdFormat.XML);
        assertThat(LlsdFormat.fromContentType("APPLICATION/LLSD+BINARY")).isEqualTo(LlsdFormat.BINARY);
        assertThat(LlsdFormat.fromContentType("application/llsd+notation")).isEqualTo(LlsdFormat.NOTATION);
        assertThat(LlsdFormat.fromContentType("text/html")).isNull();
        assertThat(LlsdFormat.fromContentType(null)).isNull();
        assertThat(LlsdFormat.BINARY.contentType()).isEqualTo("application/llsd+binary");
    }

    @Test
    void detectsEachFormat() {
        assertThat(LlsdFormat.detect(LlsdXml.formatBytes(SAMPLE))).isEqualTo(LlsdFormat.XML);
        assertThat(LlsdFormat.detect(" <llsd/>".getBytes(StandardCharsets.US_ASCII))).isEqualTo(LlsdFormat.XML);
        assertThat(LlsdFormat.detect(LlsdBinary.format(SAMPLE))).isEqualTo(LlsdFormat.BINARY);
        assertThat(LlsdFormat.detect(LlsdBinary.formatWithHeader(SAMPLE))).isEqualTo(LlsdFormat.BINARY);
        assertThat(LlsdFormat.detect(LlsdNotation.formatBytes(SAMPLE))).isEqualTo(LlsdFormat.NOTATION);
        assertThat(LlsdFormat.detect("<? llsd/notation ?>\n!".getBytes(StandardCharsets.US_ASCII))).isEqualTo(LlsdFormat.NOTATION);
    }

    @Test
    void parseAutoDetectsOrFollowsContentType() throws LlsdException {
        for (LlsdFormat f : LlsdFormat.values()) {
            byte[] doc = f.format(SAMPLE);
            assertThat(Llsd.parse(doc, null)).as(f.name()).isEqualTo(SAMPLE);
            assertThat(Llsd.parse(doc, f.contentType())).as(f.name()).isEqualTo(SAMPLE);
        }
    }
}
