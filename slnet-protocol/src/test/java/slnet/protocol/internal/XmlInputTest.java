package slnet.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlInputTest {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    private static String text(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = XmlInput.open(FACTORY, xml);
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.CHARACTERS) {
                text.append(r.getText());
            }
        }
        return text.toString();
    }

    private static byte[] bytes(String s, Charset charset) {
        return s.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void malformedUtf8IsAnErrorAndPrintsNothing() throws Throwable {
        // 0xFF 0xFE can start no UTF-8 sequence: the JDK reader, given these bytes itself, prints
        // "[Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence." besides throwing.
        byte[] xml = bytes("<?xml version=\"1.0\"?><a>\u00ff\u00fe</a>", StandardCharsets.ISO_8859_1);
        String printed = StandardErrorRecorder.during(() ->
                assertThatThrownBy(() -> text(xml)).isInstanceOf(XMLStreamException.class)
                        .hasMessageContaining("MalformedInput"));
        assertThat(printed).isEmpty();
        String printedByTheJdk = StandardErrorRecorder.during(() -> {
            try {
                XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
                while (r.hasNext()) {
                    r.next();
                }
            } catch (XMLStreamException expected) {
                // the JDK throws too; it is the printing this class avoids
            }
        });
        assertThat(printedByTheJdk).as("what this class works around").contains("[Fatal Error]");
    }

    @Test
    void utf8WithOrWithoutAMark() throws XMLStreamException {
        assertThat(text(bytes("<a>é中</a>", StandardCharsets.UTF_8))).isEqualTo("é中");
        assertThat(text(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>", StandardCharsets.UTF_8)))).isEqualTo("é");
    }

    @Test
    void utf16ByItsMarkOrItsSpelling() throws XMLStreamException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>é中</a>";
        assertThat(text(bytes(doc, StandardCharsets.UTF_16))).isEqualTo("é中"); // big-endian with a mark
        assertThat(text(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(doc, StandardCharsets.UTF_16LE))))
                .isEqualTo("é中");
        assertThat(text(bytes(doc, StandardCharsets.UTF_16BE))).isEqualTo("é中");
        assertThat(text(bytes(doc, StandardCharsets.UTF_16LE))).isEqualTo("é中");
    }

    @Test
    void theDeclaredEncodingOfEightBitText() throws XMLStreamException {
        assertThat(text(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>é</a>", StandardCharsets.ISO_8859_1)))
                .isEqualTo("é");
        assertThat(text(bytes("<?xml version='1.0' encoding = 'windows-1252' ?><a>\u20ac</a>",
                Charset.forName("windows-1252")))).isEqualTo("\u20ac");
    }

    @Test
    void refusesEncodingsItCannotHonour() {
        assertThatThrownBy(() -> text(bytes("<?xml version=\"1.0\" encoding=\"no-such-thing\"?><a/>",
                StandardCharsets.US_ASCII))).isInstanceOf(XMLStreamException.class).hasMessageContaining("no-such-thing");
        assertThatThrownBy(() -> text(bytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>",
                StandardCharsets.US_ASCII))).isInstanceOf(XMLStreamException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> text(bytes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>é</a>",
                StandardCharsets.ISO_8859_1))).isInstanceOf(XMLStreamException.class);
    }
}
