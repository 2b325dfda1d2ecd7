package slnet.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JsonPropertiesTest {

    @Property(tries = 300)
    void anyStringSurvivesWriteThenParse(@ForAll String text) throws JsonParseException {
        assertThat(Json.parse(Json.write(text))).isEqualTo(text);
    }

    @Property(tries = 300)
    void anyFiniteFloatSurvivesBitForBit(@ForAll float value) throws JsonParseException {
        if (Float.isFinite(value)) {
            float back = ((Number) Json.parse(Json.write(value))).floatValue();
            assertThat(Float.floatToRawIntBits(back)).isEqualTo(Float.floatToRawIntBits(value));
        }
    }

    @Property(tries = 300)
    void anyFiniteDoubleSurvivesBitForBit(@ForAll double value) throws JsonParseException {
        if (Double.isFinite(value)) {
            double back = ((Number) Json.parse(Json.write(value))).doubleValue();
            assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(value));
        }
    }

    @Property(tries = 300)
    void anyLongSurvives(@ForAll long value) throws JsonParseException {
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }
}
