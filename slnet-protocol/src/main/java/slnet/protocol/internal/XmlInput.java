package slnet.protocol.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens an XML document given as bytes on a StAX reader that is handed characters, never bytes.
 *
 * <p>Why: the JDK's StAX reader, decoding bytes itself, prints a {@code [Fatal Error]} line to
 * {@code System.err} for every malformed byte sequence (its internal error reporter falls back to
 * a printing handler that no public property replaces). A library must not write to the
 * process's standard error because a server sent bad bytes. Here the encoding is chosen as XML 1.0
 * (appendix F) says: a byte-order mark, else the UTF-16 spelling of {@code <?}, else the
 * {@code encoding} of the XML declaration, else UTF-8; the bytes are decoded by a decoder that
 * reports malformed input, which the StAX reader turns into an ordinary {@link XMLStreamException}.
 */
public final class XmlInput {
    /** An XML declaration's encoding name lies within its first bytes; reading further finds nothing new. */
    private static final int DECLARATION_SCAN_BYTES = 256;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,63})[\"']");

    private XmlInput() {
    }

    /**
     * Opens a reader over a whole document.
     *
     * @param factory the configured StAX factory
     * @param xml the document's bytes
     * @return the reader, positioned at the start of the document
     * @throws XMLStreamException if the document names an encoding the JDK does not have, or the
     *                            factory refuses the input
     */
    public static XMLStreamReader open(XMLInputFactory factory, byte[] xml) throws XMLStreamException {
        int start = 0;
        Charset charset;
        if (startsWith(xml, 0xEF, 0xBB, 0xBF)) {
            start = 3;
            charset = StandardCharsets.UTF_8;
        } else if (startsWith(xml, 0xFE, 0xFF)) {
            start = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(xml, 0xFF, 0xFE)) {
            start = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(xml, 0x00, '<', 0x00, '?')) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(xml, '<', 0x00, '?', 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredEightBitEncoding(xml);
        }
        // newDecoder() reports malformed and unmappable input rather than replacing it.
        InputStreamReader characters = new InputStreamReader(
                new ByteArrayInputStream(xml, start, xml.length - start), charset.newDecoder());
        return factory.createXMLStreamReader(characters);
    }

    private static Charset declaredEightBitEncoding(byte[] xml) throws XMLStreamException {
        String prolog = new String(xml, 0, Math.min(xml.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(prolog);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1);
        String upper = name.toUpperCase(Locale.ROOT);
        // A declaration readable as ASCII shows the bytes are not 16 or 32 bits wide, whatever it
        // says; the JDK's own reader refuses such a document too.
        if (upper.startsWith("UTF-16") || upper.startsWith("UTF-32") || upper.startsWith("UCS")
                || upper.equals("UNICODE")) {
            throw new XMLStreamException("encoding " + name + " declared by a declaration written in ASCII");
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XMLStreamException("unsupported encoding " + name);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
