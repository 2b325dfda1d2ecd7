package slnet.login.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import slnet.protocol.internal.StandardErrorRecorder;

class XmlRpcCodecTest {

    private final XmlRpcReader reader = XmlRpcReader.standard();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestRoundTripsEveryType() throws Exception {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("first", "Test & <User>");
        struct.put("n", 42);
        struct.put("big", 1L << 40);
        struct.put("yes", true);
        struct.put("pi", 3.25);
        struct.put("when", LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        struct.put("nothing", XmlRpcNil.NIL);
        struct.put("list", List.of("a", 1, List.of()));
        struct.put("cr", "line\r\nnext\ttab");
        XmlRpcRequest request = new XmlRpcRequest("login_to_simulator", List.of(struct, "second"));

        XmlRpcRequest back = reader.readRequest(XmlRpcWriter.writeRequest(request));

        assertThat(back.methodName()).isEqualTo("login_to_simulator");
        assertThat(back.params()).hasSize(2);
        assertThat(back.params().get(0)).isEqualTo(struct);
        assertThat(back.params().get(1)).isEqualTo("second");
    }

    @Test
    void base64RoundTrips() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        Object back = ((XmlRpcResponse.Success) reader.readResponse(XmlRpcWriter.writeResponse(bytes))).value();
        assertThat((byte[]) back).containsExactly(bytes);
    }

    @Test
    void faultIsTyped() throws Exception {
        XmlRpcResponse r = reader.readResponse(XmlRpcWriter.writeFault(4, "Too many params"));
        assertThat(r).isEqualTo(new XmlRpcResponse.Fault(4, "Too many params"));
    }

    @Test
    void untypedValueIsStringAndWhitespaceIsTolerated() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <!-- a comment -->
                <methodResponse>
                  <params>
                    <param>
                      <value><struct>
                        <member><name>login</name><value>true</value></member>
                        <member><value><i4> 7 </i4></value><name>code</name></member>
                        <member><name>cdata</name><value><string><![CDATA[<x>]]></string></value></member>
                        <member><name>d</name><value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value></member>
                        <member><name>b</name><value><boolean>0</boolean></value></member>
                        <member><name>e</name><value><double>-1.5e3</double></value></member>
                      </struct></value>
                    </param>
                  </params>
                </methodResponse>
                """;
        Object v = ((XmlRpcResponse.Success) reader.readResponse(utf8(xml))).value();
        assertThat(v).isEqualTo(Map.of("login", "true", "code", 7, "cdata", "<x>",
                "d", LocalDateTime.of(2024, 1, 2, 3, 4, 5), "b", false, "e", -1500.0));
    }

    @Property(tries = 200)
    void anyXmlCharacterStringRoundTrips(@ForAll @StringLength(max = 50)
                                         @CharRange(from = ' ', to = '\uD7FF') String s) throws Exception {
        Object back = ((XmlRpcResponse.Success) reader.readResponse(XmlRpcWriter.writeResponse(s))).value();
        assertThat(back).isEqualTo(s);
    }

    @Property(tries = 500)
    void mutatedDocumentsFailOnlyWithTheCheckedException(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 10_000) int seed) {
        byte[] doc = XmlRpcWriter.writeResponse(Map.of("login", "true", "list", List.of(1, 2.5, "x"),
                "b64", new byte[] {1, 2, 3}, "when", LocalDateTime.of(2020, 1, 1, 0, 0)));
        java.util.Random random = new java.util.Random(seed);
        byte[] mutated = doc.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        int cut = random.nextBoolean() ? mutated.length : random.nextInt(mutated.length);
        byte[] input = java.util.Arrays.copyOf(mutated, cut);
        try {
            reader.readResponse(input);
        } catch (XmlRpcException expected) {
            // the only failure allowed
        }
    }

    @Test
    void writerRejectsWhatXmlCannotCarry() {
        assertThatThrownBy(() -> XmlRpcWriter.writeResponse("a\u0001b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlRpcWriter.writeResponse(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlRpcWriter.writeResponse(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublesAreWrittenWithoutExponent() {
        String xml = new String(XmlRpcWriter.writeResponse(1.0e20), StandardCharsets.UTF_8);
        assertThat(xml).contains("<double>100000000000000000000</double>");
    }

    private void assertRejected(String xml, String messagePart) {
        assertThatThrownBy(() -> reader.readResponse(utf8(xml)))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void malformedDocumentsAreRejected() {
        assertRejected("", "empty");
        assertRejected("<html><body>502 Bad Gateway</body></html>", "expected <methodResponse>");
        assertRejected("<methodResponse><params><param><value><struct><member><name>x",
                "malformed");
        assertRejected("<methodResponse><params><param><value><int>12x</int></value></param></params></methodResponse>",
                "not a 32-bit integer");
        assertRejected("<methodResponse><params><param><value><int>99999999999</int></value></param></params></methodResponse>",
                "not a 32-bit integer");
        assertRejected("<methodResponse><params><param><value><double>NaN</double></value></param></params></methodResponse>",
                "not a double");
        assertRejected("<methodResponse><params><param><value><boolean>yes</boolean></value></param></params></methodResponse>",
                "not a boolean");
        assertRejected("<methodResponse><params><param><value><base64>!!!</base64></value></param></params></methodResponse>",
                "not base64");
        assertRejected("<methodResponse><params><param><value><blob>1</blob></value></param></params></methodResponse>",
                "unknown XML-RPC type");
        assertRejected("<methodResponse><params><param><value><struct><member><name>a</name></member></struct>"
                + "</value></param></params></methodResponse>", "without <value>");
        assertRejected("<methodResponse><params><param><value>x</value></param></params></methodResponse><x/>",
                "malformed");
        assertRejected("<methodResponse><fault><value><struct></struct></value></fault></methodResponse>",
                "faultCode");
    }

    @Test
    void malformedBytesAreRejectedAndPrintNothing() throws Throwable {
        // The XML-RPC fuzz target found the JDK's reader printing "[Fatal Error] :-1:-1: Invalid byte 1
        // of 1-byte UTF-8 sequence." to standard error for each such reply, besides failing it.
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(utf8("<methodResponse><params><param><value><string>x"));
        bad.write(0xFF); // starts no UTF-8 sequence
        bad.writeBytes(utf8("</string></value></param></params></methodResponse>"));
        String printed = StandardErrorRecorder.during(() -> {
            assertThatThrownBy(() -> reader.readResponse(bad.toByteArray())).isInstanceOf(XmlRpcException.class)
                    .hasMessageContaining("MalformedInput");
            assertThatThrownBy(() -> reader.readRequest(bad.toByteArray())).isInstanceOf(XmlRpcException.class);
        });
        assertThat(printed).isEmpty();
    }

    @Test
    void latin1RepliesAreReadAsDeclared() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><methodResponse><params><param><value>"
                + "<string>caf\u00e9</string></value></param></params></methodResponse>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.readResponse(latin1)).isEqualTo(new XmlRpcResponse.Success("caf\u00e9"));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]><methodResponse><params><param><value>&lol9;</value></param></params></methodResponse>");
        assertThatThrownBy(() -> reader.readResponse(utf8(dtd.toString()))).isInstanceOf(XmlRpcException.class);
    }

    @Test
    void externalEntityIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<methodResponse><params><param><value>&xxe;</value></param></params></methodResponse>";
        assertThatThrownBy(() -> reader.readResponse(utf8(xml))).isInstanceOf(XmlRpcException.class);
        String external = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                + "<methodResponse><params><param><value>x</value></param></params></methodResponse>";
        assertThatThrownBy(() -> reader.readResponse(utf8(external))).isInstanceOf(XmlRpcException.class);
    }

    @Test
    void deepNestingIsRefused() {
        int depth = 10_000;
        String xml = "<methodResponse><params><param><value>"
                + "<array><data><value>".repeat(depth) + "x" + "</value></data></array>".repeat(depth)
                + "</value></param></params></methodResponse>";
        // the JDK's own element depth limit may trip first; either way it is our checked exception
        assertThatThrownBy(() -> reader.readResponse(utf8(xml))).isInstanceOf(XmlRpcException.class);
        String twenty = "<methodResponse><params><param><value>"
                + "<array><data><value>".repeat(20) + "x" + "</value></data></array>".repeat(20)
                + "</value></param></params></methodResponse>";
        assertThatThrownBy(() -> XmlRpcReader.withLimits(1 << 20, 8, 100).readResponse(utf8(twenty)))
                .isInstanceOf(XmlRpcException.class).hasMessageContaining("nested deeper than 8");
    }

    @Test
    void hugeStringsAndDocumentsAreRefused() throws Exception {
        XmlRpcReader small = XmlRpcReader.withLimits(1024 * 1024, 8, 1000);
        String longString = "<methodResponse><params><param><value><string>" + "a".repeat(5000)
                + "</string></value></param></params></methodResponse>";
        assertThatThrownBy(() -> small.readResponse(utf8(longString)))
                .isInstanceOf(XmlRpcException.class).hasMessageContaining("longer than 1000");
        XmlRpcReader tiny = XmlRpcReader.withLimits(100, 8, 1000);
        assertThatThrownBy(() -> tiny.readResponse(utf8(longString)))
                .isInstanceOf(XmlRpcException.class).hasMessageContaining("exceeds the bound");
        assertThat(small.readResponse(XmlRpcWriter.writeResponse("a".repeat(1000))))
                .isEqualTo(new XmlRpcResponse.Success("a".repeat(1000)));
    }

    @Test
    void requestWithoutParamsIsAccepted() throws Exception {
        XmlRpcRequest r = reader.readRequest(utf8("<methodCall><methodName>ping</methodName></methodCall>"));
        assertThat(r).isEqualTo(new XmlRpcRequest("ping", List.of()));
    }
}
