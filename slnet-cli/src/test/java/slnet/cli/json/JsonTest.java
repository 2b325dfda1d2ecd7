package slnet.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() throws JsonParseException {
        Object value = Json.parse(" {\"a\":[1,-2,3.5,true,false,null,\"x\"],\"b\":{}, \"c\":[]} ");
        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2L, new BigDecimal("3.5"), true, false, null,
                "x"), "b", Map.of(), "c", List.of()));
    }

    @Test
    void keepsKeyOrder() throws JsonParseException {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertThat(map.keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void numbersBecomeLongOrBigDecimal() throws JsonParseException {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("18446744073709551615")).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(Json.parse("1e3")).isEqualTo(new BigDecimal("1e3"));
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("-0.0")).isEqualTo(-0.0d);
        assertThat(Json.parse("0.25E-2")).isEqualTo(new BigDecimal("0.0025"));
    }

    @Test
    void decodesEscapes() throws JsonParseException {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\""))
                .isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00");
    }

    @Test
    void writesCompactEscapedJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "q\"b\\n\n\u0001\u2028é");
        map.put("n", java.util.Arrays.asList(1, 2L, null, 1.5f, 0.1d, new BigDecimal("1e400"),
                new BigInteger("18446744073709551615")));
        map.put("b", Map.of());
        assertThat(Json.write(map)).isEqualTo(
                "{\"s\":\"q\\\"b\\\\n\\n\\u0001\\u2028é\",\"n\":[1,2,null,1.5,0.1,1E+400,18446744073709551615],\"b\":{}}");
    }

    @Test
    void writeThenParseIsIdentity() throws JsonParseException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "tab\there \u0000 \"quoted\" \uD83D\uDE00");
        map.put("list", new ArrayList<>(List.of(1L, new BigDecimal("2.5"), false)));
        map.put("nested", Map.of("k", List.of(List.of())));
        assertThat(Json.parse(Json.write(map))).isEqualTo(map);
    }

    @Test
    void floatsAreWrittenShortestAndReadBackExactly() throws JsonParseException {
        for (float f : new float[] {0.1f, 1e-30f, 3.4028235e38f, Float.MIN_VALUE, -123.456f, -0.0f}) {
            Object parsed = Json.parse(Json.write(f));
            assertThat(((Number) parsed).floatValue()).isEqualTo(f);
        }
    }

    @Test
    void refusesNonFiniteAndUnknownValues() {
        assertThatThrownBy(() -> Json.write(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsErrorsWithOffsets() {
        assertError("", 0, "unexpected end of text");
        assertError("{\"a\":1,}", 7, "expected a string key");
        assertError("[1,2", 4, "expected ',' or ']'");
        assertError("[1 2]", 3, "expected ',' or ']'");
        assertError("{\"a\" 1}", 5, "expected ':'");
        assertError("01", 1, "leading zero");
        assertError("1.", 2, "after the decimal point");
        assertError("1e", 2, "exponent");
        assertError("1e99999", 0, "exponent beyond");
        assertError("\"abc", 0, "unterminated string");
        assertError("\"a\nb\"", 2, "control character");
        assertError("\"\\x\"", 1, "unknown escape");
        assertError("\"\\u12g4\"", 5, "four hex digits");
        assertError("tru", 0, "expected a value");
        assertError("NaN", 0, "expected a value");
        assertError("{} x", 3, "after the value");
        assertError("{\"a\":1,\"a\":2}", 7, "duplicate key");
    }

    @Test
    void boundsDepthAndLength() throws JsonParseException {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertError(deep, 64, "nesting deeper than 64");
        assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[1,2,3]", 4, 5)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("longer than the limit of 5");
        String veryDeep = "[".repeat(100_000);
        assertError(veryDeep, 64, "nesting deeper");
    }

    private static void assertError(String text, int offset, String detail) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOfSatisfying(JsonParseException.class, e -> {
            assertThat(e.getMessage()).contains(detail);
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        });
    }
}
