package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slnet.protocol.internal.StandardErrorRecorder;

class LlsdXmlTest {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static void assertVector(Llsd value, String body) throws LlsdException {
        String doc = PROLOG + "<llsd>" + body + "</llsd>";
        assertThat(LlsdXml.format(value)).isEqualTo(doc);
        assertThat(LlsdXml.parse(doc)).isEqualTo(value);
    }

    private static Llsd parseBody(String body) throws LlsdException {
        return LlsdXml.parse("<llsd>" + body + "</llsd>");
    }

    @Test
    void scalarVectors() throws LlsdException {
        assertVector(Llsd.undef(), "<undef />");
        assertVector(Llsd.of(true), "<boolean>1</boolean>");
        assertVector(Llsd.of(false), "<boolean>0</boolean>");
        assertVector(Llsd.of(-7), "<integer>-7</integer>");
        assertVector(Llsd.of(2.5), "<real>2.5</real>");
        assertVector(Llsd.of(Double.NaN), "<real>nan</real>");
        assertVector(Llsd.of(Double.POSITIVE_INFINITY), "<real>inf</real>");
        assertVector(Llsd.of(Double.NEGATIVE_INFINITY), "<real>-inf</real>");
        assertVector(Llsd.of(-0.0), "<real>-0.0</real>");
        assertVector(Llsd.of("a<b & c>\r\n"), "<string>a&lt;b &amp; c&gt;&#13;\n</string>");
        assertVector(Llsd.of(""), "<string />");
        assertVector(Llsd.of(UUID.fromString("6bad258e-06f0-4dca-bbca-7b9b8a0d7b0f")),
                "<uuid>6bad258e-06f0-4dca-bbca-7b9b8a0d7b0f</uuid>");
        assertVector(Llsd.of(Instant.parse("2006-02-01T14:29:53Z")), "<date>2006-02-01T14:29:53Z</date>");
        assertVector(Llsd.uri("http://sim/cap?a=1&b=2"), "<uri>http://sim/cap?a=1&amp;b=2</uri>");
        assertVector(Llsd.of("hello".getBytes(StandardCharsets.US_ASCII)), "<binary encoding=\"base64\">aGVsbG8=</binary>");
    }

    @Test
    void containers() throws LlsdException {
        assertVector(Llsd.mapOf("region_x", Llsd.of(256000), "caps", Llsd.arrayOf(Llsd.of("x"))),
                "<map><key>region_x</key><integer>256000</integer><key>caps</key><array><string>x</string></array></map>");
        assertVector(Llsd.arrayOf(), "<array></array>");
        assertVector(Llsd.map().build(), "<map></map>");
    }

    @Test
    void emptyElementsMeanDefaults() throws LlsdException {
        assertThat(LlsdXml.parse("<llsd/>")).isEqualTo(Llsd.undef());
        assertThat(parseBody("<boolean/>")).isEqualTo(Llsd.of(false));
        assertThat(parseBody("<integer/>")).isEqualTo(Llsd.of(0));
        assertThat(parseBody("<real/>")).isEqualTo(Llsd.of(0.0));
        assertThat(parseBody("<string/>")).isEqualTo(Llsd.of(""));
        assertThat(parseBody("<uuid/>")).isEqualTo(Llsd.of(Llsd.NULL_UUID));
        assertThat(parseBody("<date/>")).isEqualTo(Llsd.of(Instant.EPOCH));
        assertThat(parseBody("<uri/>")).isEqualTo(Llsd.uri(""));
        assertThat(parseBody("<binary/>")).isEqualTo(Llsd.of(new byte[0]));
        assertThat(parseBody("<array/>")).isEqualTo(Llsd.arrayOf());
        assertThat(parseBody("<map/>")).isEqualTo(Llsd.map().build());
    }

    @Test
    void acceptsWhatRealServersSend() throws LlsdException {
        String doc = """
                <?xml version="1.0" ?>
                <!-- event queue -->
                <llsd>
                  <map>
                    <key>events</key>
                    <array>
                      <map>
                        <key>message</key><string>EnableSimulator</string>
                        <key>ok</key><boolean>true</boolean>
                        <key>when</key><date>2024-05-06T07:08:09.25Z</date>
                        <key>handle</key><binary encoding="base16">0003E8000003E800</binary>
                        <key>raw</key><binary>
                          aGVs
                          bG8=
                        </binary>
                        <key>cdata</key><string><![CDATA[<x>]]></string>
                      </map>
                    </array>
                    <key>id</key><integer>  3  </integer>
                  </map>
                </llsd>
                """;
        Llsd v = LlsdXml.parse(doc);
        Llsd ev = v.get("events").get(0);
        assertThat(ev.get("message").asString()).isEqualTo("EnableSimulator");
        assertThat(ev.get("ok").asBoolean()).isTrue();
        assertThat(ev.get("when").asDate()).isEqualTo(Instant.parse("2024-05-06T07:08:09.250Z"));
        assertThat(ev.get("handle").asBinary()).containsExactly(0, 3, 0xE8, 0, 0, 3, 0xE8, 0);
        assertThat(new String(ev.get("raw").asBinary(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(ev.get("cdata").asString()).isEqualTo("<x>");
        assertThat(v.get("id").asInt()).isEqualTo(3);
    }

    @Test
    void prettyFormIsIndentedAndParsesBack() throws LlsdException {
        Llsd v = Llsd.mapOf("a", Llsd.arrayOf(Llsd.of(1), Llsd.of(" spaced ")), "b", Llsd.map().build());
        String pretty = LlsdXml.formatPretty(v);
        assertThat(pretty).contains("\n  <map>\n    <key>a</key>\n    <array>\n      <integer>1</integer>");
        assertThat(LlsdXml.parse(pretty)).isEqualTo(v);
    }

    @Test
    void textInputIgnoresTheDeclaredEncoding() throws LlsdException {
        assertThat(LlsdXml.parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><llsd><string>é中</string></llsd>"))
                .isEqualTo(Llsd.of("é中"));
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><llsd><string>é</string></llsd>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(LlsdXml.parse(latin1)).isEqualTo(Llsd.of("é"));
    }

    @Test
    void malformedBytesAreAnLlsdExceptionAndPrintNothing() throws Throwable {
        // The LLSD XML fuzz target found that the JDK's reader printed "[Fatal Error] :-1:-1: Invalid
        // byte 1 of 1-byte UTF-8 sequence." to standard error for each such document.
        byte[] bad = {'<', 'l', 'l', 's', 'd', '>', '<', 's', 't', 'r', 'i', 'n', 'g', '>', (byte) 0xC3, '(',
                '<', '/', 's', 't', 'r', 'i', 'n', 'g', '>', '<', '/', 'l', 'l', 's', 'd', '>'};
        String printed = StandardErrorRecorder.during(() -> assertThatThrownBy(() -> LlsdXml.parse(bad))
                .isInstanceOf(LlsdException.class).hasMessageContaining("malformed XML"));
        assertThat(printed).isEmpty();
    }

    @Test
    void byteOrderMarksAndUtf16() throws LlsdException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><llsd><string>é中</string></llsd>";
        assertThat(LlsdXml.parse(doc.getBytes(StandardCharsets.UTF_16))).isEqualTo(Llsd.of("é中"));
        byte[] utf8 = "<llsd><string>é</string></llsd>".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[utf8.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, marked, 3, utf8.length);
        assertThat(LlsdXml.parse(marked)).isEqualTo(Llsd.of("é"));
    }

    @Test
    void base85Binary() throws LlsdException {
        assertThat(parseBody("<binary encoding=\"base85\">Xk~0{Zy&lt;MXa%^NF</binary>").asBinary())
                .isEqualTo("hello world!".getBytes(StandardCharsets.US_ASCII));
        byte[] some = {0, 1, 2, 3, 4, 5, 6};
        assertThat(BinaryText.fromBase85(BinaryText.base85(some))).isEqualTo(some);
    }

    @Test
    void parsesFromStreamWithinBound() throws LlsdException, IOException {
        byte[] doc = LlsdXml.formatBytes(Llsd.of("x".repeat(100)));
        assertThat(LlsdXml.parse(new ByteArrayInputStream(doc))).isEqualTo(Llsd.of("x".repeat(100)));
        assertThatThrownBy(() -> LlsdXml.parse(new ByteArrayInputStream(doc), LlsdLimits.DEFAULT.withMaxBytes(50)))
                .isInstanceOf(LlsdException.class).hasMessageContaining("exceeds");
    }

    @Test
    void refusesBillionLaughs() {
        String doc = """
                <?xml version="1.0"?>
                <!DOCTYPE llsd [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <llsd><string>&lol9;</string></llsd>
                """;
        assertThatThrownBy(() -> LlsdXml.parse(doc)).isInstanceOf(LlsdException.class).hasMessageContaining("DTD");
    }

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE llsd [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><llsd><string>&xxe;</string></llsd>";
        assertThatThrownBy(() -> LlsdXml.parse(doc))
                .isInstanceOf(LlsdException.class)
                .hasMessageContaining("DTD")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        String noSubset = "<?xml version=\"1.0\"?><!DOCTYPE llsd SYSTEM \"" + secret.toUri() + "\"><llsd><undef/></llsd>";
        assertThatThrownBy(() -> LlsdXml.parse(noSubset)).isInstanceOf(LlsdException.class).hasMessageContaining("DTD");
    }

    @Test
    void rejectsMalformedInput() {
        assertRejected("", "malformed XML");
        assertRejected("<notllsd/>", "not <llsd>");
        assertRejected("<llsd><integer>x</integer></llsd>", "bad integer");
        assertRejected("<llsd><real>1.2.3</real></llsd>", "bad real");
        assertRejected("<llsd><boolean>maybe</boolean></llsd>", "bad boolean");
        assertRejected("<llsd><uuid>123</uuid></llsd>", "bad uuid");
        assertRejected("<llsd><date>soon</date></llsd>", "bad date");
        assertRejected("<llsd><binary>@@@</binary></llsd>", "bad base64");
        assertRejected("<llsd><binary encoding=\"base16\">abc</binary></llsd>", "bad base16");
        assertRejected("<llsd><binary encoding=\"rot13\">x</binary></llsd>", "unknown binary encoding");
        assertRejected("<llsd><map><integer>1</integer></map></llsd>", "expected <key>");
        assertRejected("<llsd><map><key>a</key></map></llsd>", "without a value");
        assertRejected("<llsd><bogus/></llsd>", "unknown element");
        assertRejected("<llsd><string><b/></string></llsd>", "unexpected markup");
        assertRejected("<llsd>text</llsd>", "unexpected text");
        assertRejected("<llsd><undef/><undef/></llsd>", "more than one value");
        assertRejected("<llsd><string>unclosed</llsd>", "malformed XML");
        assertRejected("<llsd><string>&nope;</string></llsd>", "");
    }

    @Test
    void rejectsDepthOverLimit() {
        String deep = "<llsd>" + "<array>".repeat(65) + "</array>".repeat(65) + "</llsd>";
        assertRejected(deep, "nesting");
    }

    private static void assertRejected(String doc, String reason) {
        assertThatThrownBy(() -> LlsdXml.parse(doc)).as(doc)
                .isInstanceOf(LlsdException.class)
                .hasMessageContaining(reason);
    }
}
