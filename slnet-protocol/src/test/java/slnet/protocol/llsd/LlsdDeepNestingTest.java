package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nesting at the configurable ceiling parses on an ordinary thread stack; one level more is refused. */
class LlsdDeepNestingTest {

    private static final int DEPTH = LlsdLimits.MAX_DEPTH_CEILING;
    private static final LlsdLimits DEEP = LlsdLimits.DEFAULT.withMaxDepth(DEPTH);

    private static Llsd nested(int depth) {
        Llsd v = Llsd.of(1);
        for (int i = 0; i < depth; i++) {
            v = i % 2 == 0 ? Llsd.arrayOf(v) : Llsd.mapOf("k", v);
        }
        return v;
    }

    @Test
    void everyFormatParsesNestingAtTheCeiling() throws LlsdException {
        Llsd v = nested(DEPTH);
        assertThat(LlsdBinary.parse(LlsdBinary.format(v), DEEP)).isEqualTo(v);
        assertThat(LlsdNotation.parse(LlsdNotation.format(v), DEEP)).isEqualTo(v);
        assertThat(LlsdXml.parse(LlsdXml.formatBytes(v), DEEP)).isEqualTo(v);
        assertThat(v.hashCode()).isEqualTo(nested(DEPTH).hashCode());
        assertThat(v.toString()).contains("Int[value=1]");
    }

    @Test
    void everyFormatRefusesOneLevelMore() {
        Llsd v = nested(DEPTH + 1);
        assertThatThrownBy(() -> LlsdBinary.parse(LlsdBinary.format(v), DEEP)).hasMessageContaining("nesting");
        assertThatThrownBy(() -> LlsdNotation.parse(LlsdNotation.format(v), DEEP)).hasMessageContaining("nesting");
        assertThatThrownBy(() -> LlsdXml.parse(LlsdXml.formatBytes(v), DEEP)).hasMessageContaining("nesting");
    }
}
