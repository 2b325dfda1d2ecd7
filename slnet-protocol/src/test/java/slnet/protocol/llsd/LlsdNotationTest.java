package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LlsdNotationTest {

    private static void assertVector(Llsd value, String text) throws LlsdException {
        assertThat(LlsdNotation.format(value)).isEqualTo(text);
        assertThat(LlsdNotation.parse(text)).isEqualTo(value);
    }

    @Test
    void scalarVectors() throws LlsdException {
        assertVector(Llsd.undef(), "!");
        assertVector(Llsd.of(true), "1");
        assertVector(Llsd.of(false), "0");
        assertVector(Llsd.of(-42), "i-42");
        assertVector(Llsd.of(1.5), "r1.5");
        assertVector(Llsd.of(-0.0), "r-0.0");
        assertVector(Llsd.of(Double.NaN), "rnan");
        assertVector(Llsd.of(Double.POSITIVE_INFINITY), "rinf");
        assertVector(Llsd.of(Double.NEGATIVE_INFINITY), "r-inf");
        assertVector(Llsd.of(UUID.fromString("d7f4aeca-88f1-42a1-b385-b9db18abb255")),
                "ud7f4aeca-88f1-42a1-b385-b9db18abb255");
        assertVector(Llsd.of("it's"), "'it\\'s'");
        assertVector(Llsd.of("a\tb\n\\é"), "'a\\tb\\n\\\\\\xc3\\xa9'");
        assertVector(Llsd.of(Instant.parse("2006-02-01T14:29:53Z")), "d\"2006-02-01T14:29:53Z\"");
        assertVector(Llsd.of(Instant.parse("2006-02-01T14:29:53.460Z")), "d\"2006-02-01T14:29:53.460Z\"");
        assertVector(Llsd.uri("http://example.com/\"q\""), "l\"http://example.com/\\\"q\\\"\"");
        assertVector(Llsd.of(new byte[] {0, 1, 2}), "b64\"AAEC\"");
    }

    @Test
    void containers() throws LlsdException {
        assertVector(Llsd.mapOf("a", Llsd.of(1), "b", Llsd.arrayOf(Llsd.of("x"), Llsd.undef())),
                "{'a':i1,'b':['x',!]}");
        assertVector(Llsd.arrayOf(), "[]");
        assertVector(Llsd.map().build(), "{}");
    }

    @Test
    void acceptsEveryBooleanSpelling() throws LlsdException {
        for (String t : new String[] {"1", "t", "T", "true", "TRUE", "True"}) {
            assertThat(LlsdNotation.parse(t)).as(t).isEqualTo(Llsd.of(true));
        }
        for (String f : new String[] {"0", "f", "F", "false", "FALSE"}) {
            assertThat(LlsdNotation.parse(f)).as(f).isEqualTo(Llsd.of(false));
        }
    }

    @Test
    void acceptsAlternativeSyntax() throws LlsdException {
        assertThat(LlsdNotation.parse("\"double \\x41\"")).isEqualTo(Llsd.of("double A"));
        assertThat(LlsdNotation.parse("s(5)\"a'b\"c\"")).isEqualTo(Llsd.of("a'b\"c"));
        assertThat(LlsdNotation.parse("b16\"0aFF\"")).isEqualTo(Llsd.of(new byte[] {10, -1}));
        assertThat(LlsdNotation.parse("b(3)\"a\"b\"")).isEqualTo(Llsd.of("a\"b".getBytes(StandardCharsets.US_ASCII)));
        assertThat(LlsdNotation.parse("b85\"Xk~0{Zy<MXa%^NF\"")).isEqualTo(Llsd.of("hello world!".getBytes(StandardCharsets.US_ASCII)));
        assertThat(LlsdNotation.parse("<? llsd/notation ?>\n { \"k\" : i1 , s(1)\"z\":r2 }\n"))
                .isEqualTo(Llsd.mapOf("k", Llsd.of(1), "z", Llsd.of(2.0)));
        assertThat(LlsdNotation.parse("r1e3")).isEqualTo(Llsd.of(1000.0));
        assertThat(LlsdNotation.parse("rNaN")).isEqualTo(Llsd.of(Double.NaN));
        assertThat(LlsdNotation.parse("d\"2006-02-01T14:29:53+01:00\"")).isEqualTo(Llsd.of(Instant.parse("2006-02-01T13:29:53Z")));
    }

    @Test
    void theWikiExampleParses() throws LlsdException {
        String doc = """
                [
                  {'destination':l"http://secondlife.com"},
                  {'version':i1},
                  {
                    'agent_id':u3c115e51-04f4-523c-9fa6-98aff1034730,
                    'session_id':u2c585cec-038c-40b0-b42e-a25ebab4d132,
                    'circuit_code':i1075,
                    'first_name':'Phoenix',
                    'last_name':'Linden',
                    'position':[r70.9247,r254.378,r38.7304],
                    'look_at':[r-0.043753,r-0.999042,r0],
                    'granters':[ua2e76fcd-9360-4f6d-a924-000000000003],
                    'attachment_data':
                    [
                      {'attachment_point':i2,'item_id':ud6852c11-a74e-309a-0462-50533f1ef9b3,
                       'asset_id':uc69b29b1-8944-58ae-a7c5-2ca7b23e22fb},
                      {'attachment_point':i10,'item_id':uff852c22-a74e-309a-0462-50533f1ef900,
                       'asset_id':u5868dd20-c25a-47bd-8b4c-dedc99ef9479}
                    ]
                  }
                ]""";
        Llsd v = LlsdNotation.parse(doc);
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.get(0).get("destination")).isEqualTo(Llsd.uri("http://secondlife.com"));
        assertThat(v.get(2).get("circuit_code").asInt()).isEqualTo(1075);
        assertThat(v.get(2).get("position").get(1).asReal()).isEqualTo(254.378);
        assertThat(v.get(2).get("attachment_data").get(1).get("attachment_point").asInt()).isEqualTo(10);
    }

    @Test
    void rejectsMalformedInput() {
        assertRejected("", "truncated");
        assertRejected("i", "bad integer");
        assertRejected("i99999999999", "bad integer");
        assertRejected("rabc", "bad real");
        assertRejected("u1234", "truncated uuid");
        assertRejected("uzzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "bad uuid");
        assertRejected("'open", "unterminated");
        assertRejected("s(10)\"ab\"", "exceeds");
        assertRejected("b(99999999999)\"\"", "exceeds");
        assertRejected("b64\"@@@@\"", "bad base64");
        assertRejected("b16\"abc\"", "bad base16");
        assertRejected("b32\"\"", "unknown binary encoding");
        assertRejected("d\"yesterday\"", "bad date");
        assertRejected("[i1 i2]", "expected ',' or ']'");
        assertRejected("{'a' i1}", "expected ':'");
        assertRejected("{i1:i1}", "expected map key");
        assertRejected("tru", "bad boolean");
        assertRejected("!!", "after the value");
        assertRejected("'\\xc3\\x28'", "UTF-8");
        assertRejected("?", "unexpected character");
    }

    @Test
    void rejectsDepthOverLimit() {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThatThrownBy(() -> LlsdNotation.parse(deep)).isInstanceOf(LlsdException.class).hasMessageContaining("nesting");
        String veryDeep = "[".repeat(100_000);
        assertThatThrownBy(() -> LlsdNotation.parse(veryDeep)).isInstanceOf(LlsdException.class);
    }

    private static void assertRejected(String doc, String reason) {
        assertThatThrownBy(() -> LlsdNotation.parse(doc)).as(doc)
                .isInstanceOf(LlsdException.class)
                .hasMessageContaining(reason);
    }
}
