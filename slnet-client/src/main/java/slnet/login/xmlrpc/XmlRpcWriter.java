package slnet.login.xmlrpc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC method calls, responses and faults as UTF-8 bytes.
 *
 * <p>Accepts the value types listed in the package doc plus {@code Long} (written as
 * {@code i8}), {@code Float}, {@code Short}/{@code Byte} and any {@code CharSequence}; anything
 * else is a programming error and fails with {@link IllegalArgumentException}, as do strings with
 * characters XML 1.0 cannot carry and non-finite doubles. Stateless and thread-safe.
 */
public final class XmlRpcWriter {

    private static final DateTimeFormatter ISO8601_COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private XmlRpcWriter() {
    }

    /**
     * Writes a {@code methodCall}.
     *
     * @param request the call
     * @return UTF-8 XML
     */
    public static byte[] writeRequest(XmlRpcRequest request) {
        StringBuilder out = new StringBuilder(1024).append(PROLOG).append("<methodCall><methodName>");
        escape(request.methodName(), out);
        out.append("</methodName><params>");
        for (Object param : request.params()) {
            out.append("<param>");
            writeValue(param, out, 0);
            out.append("</param>");
        }
        out.append("</params></methodCall>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a successful {@code methodResponse} carrying one value.
     *
     * @param value the value
     * @return UTF-8 XML
     */
    public static byte[] writeResponse(Object value) {
        StringBuilder out = new StringBuilder(1024).append(PROLOG).append("<methodResponse><params><param>");
        writeValue(value, out, 0);
        out.append("</param></params></methodResponse>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a fault {@code methodResponse}.
     *
     * @param faultCode   the fault code
     * @param faultString the explanation
     * @return UTF-8 XML
     */
    public static byte[] writeFault(int faultCode, String faultString) {
        StringBuilder out = new StringBuilder(256).append(PROLOG).append("<methodResponse><fault>");
        writeValue(Map.of("faultCode", faultCode, "faultString", faultString), out, 0);
        out.append("</fault></methodResponse>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (depth > XmlRpcReader.DEFAULT_MAX_DEPTH) {
            // a cycle or absurd nesting; our own reader would refuse it anyway
            throw new IllegalArgumentException("value nested deeper than " + XmlRpcReader.DEFAULT_MAX_DEPTH);
        }
        out.append("<value>");
        switch (value) {
            case null -> throw new IllegalArgumentException("null value; use XmlRpcNil.NIL");
            case CharSequence s -> {
                out.append("<string>");
                escape(s, out);
                out.append("</string>");
            }
            case Integer i -> out.append("<int>").append(i).append("</int>");
            case Short s -> out.append("<int>").append(s).append("</int>");
            case Byte b -> out.append("<int>").append(b).append("</int>");
            case Long l -> out.append("<i8>").append(l).append("</i8>");
            case Boolean b -> out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
            case Double d -> writeDouble(d, out);
            case Float f -> writeDouble(f.doubleValue(), out);
            case LocalDateTime t -> out.append("<dateTime.iso8601>").append(ISO8601_COMPACT.format(t))
                    .append("</dateTime.iso8601>");
            case byte[] bytes -> out.append("<base64>").append(Base64.getEncoder().encodeToString(bytes))
                    .append("</base64>");
            case XmlRpcNil nil -> out.append("<nil/>");
            case Map<?, ?> map -> {
                out.append("<struct>");
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("struct key is not a String: " + e.getKey());
                    }
                    out.append("<member><name>");
                    escape(key, out);
                    out.append("</name>");
                    writeValue(e.getValue(), out, depth + 1);
                    out.append("</member>");
                }
                out.append("</struct>");
            }
            case List<?> list -> {
                out.append("<array><data>");
                for (Object element : list) {
                    writeValue(element, out, depth + 1);
                }
                out.append("</data></array>");
            }
            default -> throw new IllegalArgumentException("no XML-RPC type for " + value.getClass().getName());
        }
        out.append("</value>");
    }

    private static void writeDouble(double d, StringBuilder out) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("XML-RPC cannot carry " + d);
        }
        // the spec has no exponent notation, so never let Double.toString pick "1.0E10"
        out.append("<double>").append(BigDecimal.valueOf(d).toPlainString()).append("</double>");
    }

    private static void escape(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                // a raw CR would be normalised to LF by the receiving parser
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException(
                                "character U+" + Integer.toHexString(c) + " cannot be carried by XML 1.0");
                    }
                    out.append(c);
                }
            }
        }
    }
}
