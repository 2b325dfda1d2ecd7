package slnet.login.xmlrpc;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import slnet.protocol.internal.XmlInput;

/**
 * Reads XML-RPC method calls and responses with bounds on size, depth and string length.
 *
 * <p>Uses the JDK's own StAX implementation with DTD support and external entities switched
 * off; a document that declares a DTD at all is refused, so entity expansion attacks never
 * start. Immutable and thread-safe.
 */
public final class XmlRpcReader {

    /** Default bound on the whole document: login replies with big inventories run to megabytes. */
    public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
    /** Default bound on value nesting. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default bound on one string's length in characters. */
    public static final int DEFAULT_MAX_STRING_CHARS = 1024 * 1024;

    private static final XmlRpcReader DEFAULTS =
            new XmlRpcReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_CHARS);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final DateTimeFormatter ISO8601_COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private final int maxBytes;
    private final int maxDepth;
    private final int maxStringChars;
    private final XMLInputFactory factory;

    private XmlRpcReader(int maxBytes, int maxDepth, int maxStringChars) {
        if (maxBytes <= 0 || maxDepth <= 0 || maxStringChars <= 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxStringChars = maxStringChars;
        // newDefaultFactory: never pick up whatever StAX implementation sits on the class path
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        this.factory = f;
    }

    /**
     * The reader with the default bounds.
     *
     * @return the shared default reader
     */
    public static XmlRpcReader standard() {
        return DEFAULTS;
    }

    /**
     * A reader with the given bounds.
     *
     * @param maxBytes       largest accepted document in bytes
     * @param maxDepth       deepest accepted nesting of arrays and structs
     * @param maxStringChars longest accepted string, name or scalar text in characters
     * @return the reader
     */
    public static XmlRpcReader withLimits(int maxBytes, int maxDepth, int maxStringChars) {
        return new XmlRpcReader(maxBytes, maxDepth, maxStringChars);
    }

    /**
     * The document size bound.
     *
     * @return the largest accepted document in bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a {@code methodResponse}.
     *
     * @param xml the document
     * @return the success value or the fault
     * @throws XmlRpcException if the document is malformed, hostile or exceeds a bound
     */
    public XmlRpcResponse readResponse(byte[] xml) throws XmlRpcException {
        XMLStreamReader r = open(xml);
        try {
            expectRoot(r, "methodResponse");
            String child = nextStart(r);
            XmlRpcResponse response;
            if ("fault".equals(child)) {
                expectStart(r, nextStart(r), "value");
                Object v = readValue(r, 0);
                expectEnd(r, "fault");
                response = toFault(v);
            } else if ("params".equals(child)) {
                expectStart(r, nextStart(r), "param");
                expectStart(r, nextStart(r), "value");
                Object v = readValue(r, 0);
                expectEnd(r, "param");
                expectEnd(r, "params");
                response = new XmlRpcResponse.Success(v);
            } else {
                throw new XmlRpcException("expected <params> or <fault>, found " + describe(child));
            }
            expectEnd(r, "methodResponse");
            expectDocumentEnd(r);
            return response;
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlRpcException("malformed XML-RPC response: " + e.getMessage(), e);
        } finally {
            close(r);
        }
    }

    /**
     * Reads a {@code methodCall}.
     *
     * @param xml the document
     * @return the call
     * @throws XmlRpcException if the document is malformed, hostile or exceeds a bound
     */
    public XmlRpcRequest readRequest(byte[] xml) throws XmlRpcException {
        XMLStreamReader r = open(xml);
        try {
            expectRoot(r, "methodCall");
            expectStart(r, nextStart(r), "methodName");
            String methodName = boundedText(r).strip();
            if (methodName.isEmpty()) {
                throw new XmlRpcException("empty methodName");
            }
            List<Object> params = new ArrayList<>();
            int event = nextTagEvent(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                expectStart(r, r.getLocalName(), "params");
                while (nextTagEvent(r) == XMLStreamConstants.START_ELEMENT) {
                    expectStart(r, r.getLocalName(), "param");
                    expectStart(r, nextStart(r), "value");
                    params.add(readValue(r, 0));
                    expectEnd(r, "param");
                }
                expectEndHere(r, "params");
                expectEnd(r, "methodCall");
            } else {
                expectEndHere(r, "methodCall");
            }
            expectDocumentEnd(r);
            return new XmlRpcRequest(methodName, params);
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlRpcException("malformed XML-RPC request: " + e.getMessage(), e);
        } finally {
            close(r);
        }
    }

    private XMLStreamReader open(byte[] xml) throws XmlRpcException {
        if (xml == null || xml.length == 0) {
            throw new XmlRpcException("empty document");
        }
        if (xml.length > maxBytes) {
            throw new XmlRpcException("document of " + xml.length + " bytes exceeds the bound of " + maxBytes);
        }
        try {
            return XmlInput.open(factory, xml);
        } catch (XMLStreamException e) {
            throw new XmlRpcException("cannot read XML: " + e.getMessage(), e);
        }
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing is held open: the input is an in-memory array
        }
    }

    /** Reads the content of a {@code <value>} whose start tag is current; leaves its end tag current. */
    private Object readValue(XMLStreamReader r, int depth) throws XMLStreamException, XmlRpcException {
        if (depth > maxDepth) {
            throw new XmlRpcException("values nested deeper than " + maxDepth);
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(r.getText());
                    checkLength(text.length());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    // an untyped value is a string
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!text.isEmpty() && !text.toString().isBlank()) {
                        throw new XmlRpcException("text mixed with a typed value");
                    }
                    Object v = readTyped(r, r.getLocalName(), depth);
                    expectEnd(r, "value");
                    return v;
                }
                default -> throw new XmlRpcException("unexpected XML event " + event + " in <value>");
            }
        }
    }

    private Object readTyped(XMLStreamReader r, String type, int depth) throws XMLStreamException, XmlRpcException {
        return switch (type) {
            case "string" -> boundedText(r);
            case "int", "i4" -> parseInt(boundedText(r).strip());
            case "i8" -> parseLong(boundedText(r).strip());
            case "boolean" -> parseBoolean(boundedText(r).strip());
            case "double" -> parseDouble(boundedText(r).strip());
            case "dateTime.iso8601" -> parseDateTime(boundedText(r).strip());
            case "base64" -> parseBase64(boundedText(r));
            case "nil" -> {
                if (!boundedText(r).isBlank()) {
                    throw new XmlRpcException("<nil> with content");
                }
                yield XmlRpcNil.NIL;
            }
            case "struct" -> readStruct(r, depth + 1);
            case "array" -> readArray(r, depth + 1);
            default -> throw new XmlRpcException("unknown XML-RPC type " + describe(type));
        };
    }

    private Map<String, Object> readStruct(XMLStreamReader r, int depth) throws XMLStreamException, XmlRpcException {
        if (depth > maxDepth) {
            throw new XmlRpcException("values nested deeper than " + maxDepth);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (nextTagEvent(r) == XMLStreamConstants.START_ELEMENT) {
            expectStart(r, r.getLocalName(), "member");
            String name = null;
            Object value = null;
            // the spec orders name before value; tolerate either order, require both once
            while (nextTagEvent(r) == XMLStreamConstants.START_ELEMENT) {
                String tag = r.getLocalName();
                if ("name".equals(tag) && name == null) {
                    name = boundedText(r);
                } else if ("value".equals(tag) && value == null) {
                    value = readValue(r, depth);
                } else {
                    throw new XmlRpcException("unexpected or repeated " + describe(tag) + " in <member>");
                }
            }
            expectEndHere(r, "member");
            if (name == null || value == null) {
                throw new XmlRpcException("<member> without " + (name == null ? "<name>" : "<value>"));
            }
            map.put(name, value);
        }
        expectEndHere(r, "struct");
        return Collections.unmodifiableMap(map);
    }

    private List<Object> readArray(XMLStreamReader r, int depth) throws XMLStreamException, XmlRpcException {
        if (depth > maxDepth) {
            throw new XmlRpcException("values nested deeper than " + maxDepth);
        }
        expectStart(r, nextStart(r), "data");
        List<Object> list = new ArrayList<>();
        while (nextTagEvent(r) == XMLStreamConstants.START_ELEMENT) {
            expectStart(r, r.getLocalName(), "value");
            list.add(readValue(r, depth));
        }
        expectEndHere(r, "data");
        expectEnd(r, "array");
        return Collections.unmodifiableList(list);
    }

    /** Text content of the current element, which must hold no child elements. */
    private String boundedText(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(r.getText());
                    checkLength(text.length());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> throw new XmlRpcException("unexpected markup inside a scalar");
            }
        }
    }

    private void checkLength(int length) throws XmlRpcException {
        if (length > maxStringChars) {
            throw new XmlRpcException("text longer than " + maxStringChars + " characters");
        }
    }

    /** Next event, skipping comments and processing instructions, refusing DTDs and entity references. */
    private static int next(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // ignorable
                }
                case XMLStreamConstants.DTD -> throw new XmlRpcException("DTDs are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new XmlRpcException("entity references are not allowed");
                default -> {
                    return event;
                }
            }
        }
    }

    /** Next start or end element, allowing only whitespace text in between. */
    private static int nextTagEvent(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        while (true) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                    if (!r.isWhiteSpace() && !r.getText().isBlank()) {
                        throw new XmlRpcException("unexpected text between elements");
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XmlRpcException("document ended early");
                default -> throw new XmlRpcException("unexpected XML event " + event);
            }
        }
    }

    private static String nextStart(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        if (nextTagEvent(r) != XMLStreamConstants.START_ELEMENT) {
            throw new XmlRpcException("unexpected end tag </" + r.getLocalName() + ">");
        }
        return r.getLocalName();
    }

    private static void expectRoot(XMLStreamReader r, String name) throws XMLStreamException, XmlRpcException {
        // the prolog (declaration, comments) sits before the first element
        int event = r.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            event = next(r);
            if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                throw new XmlRpcException("text before the root element");
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XmlRpcException("no root element");
            }
        }
        expectStart(r, r.getLocalName(), name);
    }

    private static void expectStart(XMLStreamReader r, String found, String wanted) throws XmlRpcException {
        if (!wanted.equals(found)) {
            throw new XmlRpcException("expected <" + wanted + ">, found " + describe(found));
        }
    }

    private static void expectEnd(XMLStreamReader r, String name) throws XMLStreamException, XmlRpcException {
        if (nextTagEvent(r) != XMLStreamConstants.END_ELEMENT) {
            throw new XmlRpcException("expected </" + name + ">, found " + describe(r.getLocalName()));
        }
        expectEndHere(r, name);
    }

    private static void expectEndHere(XMLStreamReader r, String name) throws XmlRpcException {
        if (r.getEventType() != XMLStreamConstants.END_ELEMENT || !name.equals(r.getLocalName())) {
            throw new XmlRpcException("expected </" + name + ">");
        }
    }

    private static void expectDocumentEnd(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        while (r.hasNext()) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT
                    || event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                throw new XmlRpcException("content after the root element");
            }
        }
    }

    private static XmlRpcResponse.Fault toFault(Object v) throws XmlRpcException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new XmlRpcException("<fault> does not hold a struct");
        }
        Object code = m.get("faultCode");
        Object text = m.get("faultString");
        int faultCode;
        if (code instanceof Integer i) {
            faultCode = i;
        } else if (code instanceof String s && INTEGER.matcher(s.strip()).matches()) {
            faultCode = parseInt(s.strip());
        } else {
            throw new XmlRpcException("<fault> without an integer faultCode");
        }
        return new XmlRpcResponse.Fault(faultCode, text == null ? "" : text.toString());
    }

    private static int parseInt(String s) throws XmlRpcException {
        try {
            if (!INTEGER.matcher(s).matches()) {
                throw new NumberFormatException();
            }
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new XmlRpcException("not a 32-bit integer: " + abbreviate(s));
        }
    }

    private static long parseLong(String s) throws XmlRpcException {
        try {
            if (!INTEGER.matcher(s).matches()) {
                throw new NumberFormatException();
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new XmlRpcException("not a 64-bit integer: " + abbreviate(s));
        }
    }

    private static boolean parseBoolean(String s) throws XmlRpcException {
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new XmlRpcException("not a boolean: " + abbreviate(s));
        };
    }

    private static double parseDouble(String s) throws XmlRpcException {
        // the pattern keeps out NaN, Infinity, hex floats and type suffixes that parseDouble accepts
        if (!DECIMAL.matcher(s).matches()) {
            throw new XmlRpcException("not a double: " + abbreviate(s));
        }
        return Double.parseDouble(s);
    }

    private static LocalDateTime parseDateTime(String s) throws XmlRpcException {
        try {
            if (s.length() == 17 && s.charAt(8) == 'T') {
                return LocalDateTime.parse(s, ISO8601_COMPACT);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new XmlRpcException("not a dateTime.iso8601: " + abbreviate(s));
        }
    }

    private static byte[] parseBase64(String s) throws XmlRpcException {
        StringBuilder compact = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new XmlRpcException("not base64: " + e.getMessage());
        }
    }

    private static String describe(String tag) {
        return tag == null ? "nothing" : "<" + abbreviate(tag) + ">";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
