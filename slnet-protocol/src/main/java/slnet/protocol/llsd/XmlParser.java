package slnet.protocol.llsd;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import slnet.protocol.internal.XmlInput;

/**
 * Reads {@code <llsd>} documents with the JDK's StAX reader, DTDs and external entities off;
 * a DOCTYPE is refused outright, so no entity can be declared, let alone expanded. One instance
 * per parse.
 */
final class XmlParser {
    private static final String JDK_MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private final XMLStreamReader xml;
    private final ParseBudget budget;

    private XmlParser(XMLStreamReader xml, ParseBudget budget) {
        this.xml = xml;
        this.budget = budget;
    }

    static Llsd parse(byte[] bytes, LlsdLimits limits) throws LlsdException {
        ParseBudget.inputSize(bytes.length, limits);
        return parse(f -> XmlInput.open(f, bytes), limits);
    }

    /** Parses text already decoded; any encoding named in its prolog is ignored. */
    static Llsd parse(String text, LlsdLimits limits) throws LlsdException {
        ParseBudget.inputSize(text.length(), limits);
        return parse(f -> f.createXMLStreamReader(new StringReader(text)), limits);
    }

    /** Opens a reader over the input with the factory it is given. */
    private interface ReaderOpener {
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException;
    }

    private static Llsd parse(ReaderOpener opener, LlsdLimits limits) throws LlsdException {
        XMLStreamReader reader = null;
        try {
            reader = opener.open(cachedFactory(limits));
            return new XmlParser(reader, new ParseBudget(limits)).document();
        } catch (XMLStreamException e) {
            throw new LlsdException("malformed XML: " + firstLine(e.getMessage()), offsetOf(e.getLocation()), e);
        } catch (RuntimeException e) {
            // The JDK reader signals some malformed input (bad encodings, odd states) with
            // unchecked exceptions; the contract is one checked exception out of every parser.
            throw new LlsdException("malformed XML: " + e.getClass().getSimpleName(), -1, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException | RuntimeException ignored) {
                    // Closing a reader over memory frees nothing that matters.
                }
            }
        }
    }

    /**
     * A factory per thread for the default limits: making one costs more than parsing a typical
     * document (service lookup, property setup), so a thread that parses often keeps its own. Factories
     * are not shared across threads, since StAX does not promise that creating readers is thread-safe.
     */
    private static final ThreadLocal<XMLInputFactory> DEFAULT_FACTORY =
            ThreadLocal.withInitial(() -> factory(LlsdLimits.DEFAULT));

    private static XMLInputFactory cachedFactory(LlsdLimits limits) {
        return limits.equals(LlsdLimits.DEFAULT) ? DEFAULT_FACTORY.get() : factory(limits);
    }

    private static XMLInputFactory factory(LlsdLimits limits) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        try {
            // The JDK's own element-depth guard (100 on recent JDKs) would otherwise undercut
            // LlsdLimits.maxDepth; +3 leaves room for <llsd>, a leaf and one level for our check.
            f.setProperty(JDK_MAX_ELEMENT_DEPTH, limits.maxDepth() + 3);
        } catch (IllegalArgumentException unsupported) {
            // Another StAX implementation: our own depth check still applies.
        }
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        // Belt and braces: even if a DOCTYPE slipped through, nothing external may be fetched.
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private Llsd document() throws XMLStreamException, LlsdException {
        int event = nextMarkup();
        if (event != XMLStreamConstants.START_ELEMENT || !"llsd".equals(name())) {
            throw error("document element is not <llsd>");
        }
        Llsd value;
        event = nextMarkup();
        if (event == XMLStreamConstants.END_ELEMENT) {
            value = Llsd.undef();
        } else {
            value = value();
            if (nextMarkup() != XMLStreamConstants.END_ELEMENT) {
                throw error("<llsd> holds more than one value");
            }
        }
        if (nextMarkup() != XMLStreamConstants.END_DOCUMENT) {
            throw error("content after </llsd>");
        }
        return value;
    }

    /** Parses the value whose start tag the reader is on; leaves the reader on its end tag. */
    private Llsd value() throws XMLStreamException, LlsdException {
        budget.element(offset());
        String tag = name();
        return switch (tag) {
            case "undef" -> {
                text();
                yield Llsd.undef();
            }
            case "boolean" -> bool(text().strip().toLowerCase(Locale.ROOT));
            case "integer" -> integer(text());
            case "real" -> real(text());
            case "string" -> new Llsd.Str(text());
            case "uuid" -> uuid(text());
            case "date" -> date(text());
            case "uri" -> new Llsd.Uri(text());
            case "binary" -> binary();
            case "map" -> map();
            case "array" -> array();
            default -> throw error("unknown element <" + tag + ">");
        };
    }

    private Llsd bool(String t) throws LlsdException {
        return switch (t) {
            case "1", "true" -> Llsd.of(true);
            case "0", "false", "" -> Llsd.of(false);
            default -> throw error("bad boolean");
        };
    }

    private Llsd integer(String text) throws LlsdException {
        if (text.isBlank()) {
            return Llsd.of(0);
        }
        Integer i = ScalarText.parseInt(text);
        if (i != null) {
            return Llsd.of(i);
        }
        // Some producers write an integral real here; truncate as the viewer would.
        Double d = ScalarText.parseReal(text);
        if (d == null || !Double.isFinite(d)) {
            throw error("bad integer");
        }
        return Llsd.of((int) d.doubleValue());
    }

    private Llsd real(String text) throws LlsdException {
        if (text.isBlank()) {
            return Llsd.of(0.0);
        }
        Double d = ScalarText.parseReal(text);
        if (d == null) {
            throw error("bad real");
        }
        return Llsd.of(d);
    }

    private Llsd uuid(String text) throws LlsdException {
        if (text.isBlank()) {
            return new Llsd.Uuid(Llsd.NULL_UUID);
        }
        UUID u = ScalarText.parseUuid(text);
        if (u == null) {
            throw error("bad uuid");
        }
        return new Llsd.Uuid(u);
    }

    private Llsd date(String text) throws LlsdException {
        if (text.isBlank()) {
            return new Llsd.Date(Instant.EPOCH);
        }
        Instant d = ScalarText.parseDate(text);
        if (d == null) {
            throw error("bad date");
        }
        return new Llsd.Date(d);
    }

    private Llsd binary() throws XMLStreamException, LlsdException {
        String encoding = xml.getAttributeValue(null, "encoding");
        String enc = encoding == null ? "base64" : encoding.strip().toLowerCase(Locale.ROOT);
        String text = text();
        byte[] bytes = switch (enc) {
            case "base64", "" -> BinaryText.fromBase64(text);
            case "base16" -> BinaryText.fromBase16(text);
            case "base85" -> BinaryText.fromBase85(text);
            default -> throw error("unknown binary encoding");
        };
        if (bytes == null) {
            throw error("bad " + enc + " binary");
        }
        return new Llsd.Binary(bytes);
    }

    private Llsd map() throws XMLStreamException, LlsdException {
        budget.enter(offset());
        LinkedHashMap<String, Llsd> entries = new LinkedHashMap<>();
        while (nextMarkup() == XMLStreamConstants.START_ELEMENT) {
            if (!"key".equals(name())) {
                throw error("expected <key> in <map>, found <" + name() + ">");
            }
            String key = text();
            if (nextMarkup() != XMLStreamConstants.START_ELEMENT) {
                throw error("<key> without a value");
            }
            entries.put(key, value());
        }
        budget.leave();
        return new Llsd.Map(entries);
    }

    private Llsd array() throws XMLStreamException, LlsdException {
        budget.enter(offset());
        ArrayList<Llsd> elements = new ArrayList<>();
        while (nextMarkup() == XMLStreamConstants.START_ELEMENT) {
            elements.add(value());
        }
        budget.leave();
        return new Llsd.Array(elements);
    }

    /**
     * Collects the text of a leaf element, leaving the reader on its end tag. Entity references
     * (only the predefined five can reach here) and character references are already resolved.
     */
    private String text() throws XMLStreamException, LlsdException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() + xml.getTextLength() > budget.limits().maxValueBytes()) {
                        throw error("text exceeds " + budget.limits().maxValueBytes() + " characters");
                    }
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("undeclared entity reference");
                case XMLStreamConstants.DTD -> throw error("DTD not allowed");
                default -> throw error("unexpected markup inside a scalar element");
            }
        }
    }

    /**
     * Advances to the next start tag, end tag or end of document, skipping whitespace, comments
     * and processing instructions; anything else (stray text, a DTD, entities) is an error.
     */
    private int nextMarkup() throws XMLStreamException, LlsdException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!xml.isWhiteSpace()) {
                        throw error("unexpected text between elements");
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.START_DOCUMENT -> {
                }
                case XMLStreamConstants.DTD -> throw error("DTD not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("undeclared entity reference");
                default -> throw error("unexpected XML event " + event);
            }
        }
    }

    private String name() {
        return xml.getLocalName();
    }

    private long offset() {
        return offsetOf(xml.getLocation());
    }

    private LlsdException error(String reason) {
        return new LlsdException(reason, offset());
    }

    private static long offsetOf(Location location) {
        return location == null ? -1 : location.getCharacterOffset();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int nl = m.lastIndexOf('\n');
        return nl >= 0 ? m.substring(nl + 1) : m;
    }
}
