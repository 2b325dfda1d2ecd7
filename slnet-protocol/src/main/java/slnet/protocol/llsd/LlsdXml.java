package slnet.protocol.llsd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * LLSD XML: {@code <llsd>} around one of {@code <undef/>}, {@code <boolean>},
 * {@code <integer>}, {@code <real>} (with {@code nan}, {@code inf}, {@code -inf}),
 * {@code <string>}, {@code <uuid>}, {@code <date>}, {@code <uri>},
 * {@code <binary encoding="base64|base16|base85">}, {@code <map>} of {@code <key>}/value pairs,
 * {@code <array>}. Empty scalar elements mean the type's default (false, 0, "", null UUID, epoch).
 *
 * <p>Parsing uses the JDK StAX reader with DTD support and external entities off and refuses any
 * DOCTYPE. The formatter writes UTF-8 with binary as base64; characters XML 1.0 cannot carry are
 * replaced by U+FFFD. Stateless and thread-safe.
 */
public final class LlsdXml {
    private LlsdXml() {
    }

    /**
     * Parses an XML document under the default limits.
     *
     * @param bytes the bytes
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(byte[] bytes) throws LlsdException {
        return parse(bytes, LlsdLimits.DEFAULT);
    }

    /**
     * Parses an XML document under the given limits.
     *
     * @param bytes the bytes
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(byte[] bytes, LlsdLimits limits) throws LlsdException {
        return XmlParser.parse(bytes, limits);
    }

    /**
     * Parses an XML document given as text (an encoding named in its prolog is ignored), under
     * the default limits. {@code maxBytes} bounds its length in characters.
     *
     * @param text the text
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(String text) throws LlsdException {
        return parse(text, LlsdLimits.DEFAULT);
    }

    /**
     * Parses an XML document given as text under the given limits.
     *
     * @param text the text
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if malformed
     */
    public static Llsd parse(String text, LlsdLimits limits) throws LlsdException {
        return XmlParser.parse(text, limits);
    }

    /**
     * Reads and parses an XML document from a stream under the default limits.
     *
     * @param in the stream, read to its end
     * @return the value read
     * @throws LlsdException if the input is malformed or over the limits
     * @throws IOException if the stream or socket failed
     */
    public static Llsd parse(InputStream in) throws LlsdException, IOException {
        return parse(in, LlsdLimits.DEFAULT);
    }

    /**
     * Reads at most {@link LlsdLimits#maxBytes()} bytes from the stream (failing if there are
     * more) and parses them. The stream is not closed.
     *
     * @param in the stream, read to its end
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if the document is too large or malformed
     * @throws IOException if reading the stream fails
     */
    public static Llsd parse(InputStream in, LlsdLimits limits) throws LlsdException, IOException {
        byte[] bytes = in.readNBytes(limits.maxBytes());
        if (bytes.length == limits.maxBytes() && in.read() >= 0) {
            throw new LlsdException("input exceeds " + limits.maxBytes() + " bytes", limits.maxBytes());
        }
        return parse(bytes, limits);
    }

    /**
     * Returns the value as an XML document.
     *
     * @param value the value
     * @return the value as an XML document
     */
    public static String format(Llsd value) {
        return XmlFormatter.document(value);
    }

    /**
     * Formats for people: one element per line, indented by nesting. Parses back to the same
     * value (whitespace between elements is insignificant; string text is kept verbatim).
     *
     * @param value the value
     * @return the value as an indented XML document
     */
    public static String formatPretty(Llsd value) {
        return XmlFormatter.pretty(value);
    }

    /**
     * Returns the value as an XML document in UTF-8.
     *
     * @param value the value
     * @return the value as an XML document in UTF-8
     */
    public static byte[] formatBytes(Llsd value) {
        return format(value).getBytes(StandardCharsets.UTF_8);
    }
}
