package slnet.codegen.template;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code message.xml}: an LLSD XML document whose {@code messages} map gives, per message,
 * a {@code flavor} ({@code llsd} for the event queue, {@code template} for UDP) and whether the
 * message needs a {@code trusted-sender}.
 *
 * <p>This build-time tool cannot use the protocol module's LLSD codec (that module is built from
 * this one's output), so it reads the few LLSD XML elements the file uses itself. DTDs and
 * external entities are off.
 */
public final class MessageRoutingReader {

    private MessageRoutingReader() {
    }

    /**
     * Reads the routing of every message message.xml names.
     *
     * @param xml the file's bytes
     * @return message name to routing, in file order
     * @throws TemplateSyntaxException if the file is not the LLSD XML expected
     */
    public static Map<String, MessageRouting> read(byte[] xml) throws TemplateSyntaxException {
        Object root = parse(xml);
        if (!(root instanceof Map<?, ?> top) || !(top.get("messages") instanceof Map<?, ?> messages)) {
            throw new TemplateSyntaxException(1, "message.xml has no 'messages' map");
        }
        Map<String, MessageRouting> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : messages.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> settings) {
                boolean eventQueue = "llsd".equals(settings.get("flavor"));
                boolean trustedSender = Boolean.TRUE.equals(settings.get("trusted-sender"));
                result.put((String) entry.getKey(), new MessageRouting(eventQueue, trustedSender));
            }
        }
        return result;
    }

    private static Object parse(byte[] xml) throws TemplateSyntaxException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!reader.getLocalName().equals("llsd")) {
                        throw new TemplateSyntaxException(reader.getLocation().getLineNumber(),
                                "expected <llsd>, found <" + reader.getLocalName() + ">");
                    }
                    nextElement(reader);
                    return value(reader);
                }
            }
            throw new TemplateSyntaxException(1, "message.xml is empty");
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            throw new TemplateSyntaxException(line, "not well-formed XML: " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the input is a byte array
                }
            }
        }
    }

    /** Moves to the next start element; the reader is left on it. */
    private static void nextElement(XMLStreamReader reader) throws XMLStreamException, TemplateSyntaxException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                throw new TemplateSyntaxException(reader.getLocation().getLineNumber(), "expected a value");
            }
        }
        throw new TemplateSyntaxException(reader.getLocation().getLineNumber(), "the document ended early");
    }

    /** Reads the value whose start element the reader is on; leaves the reader on its end element. */
    private static Object value(XMLStreamReader reader) throws XMLStreamException, TemplateSyntaxException {
        String name = reader.getLocalName();
        switch (name) {
            case "map" -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (nextStartOrEnd(reader)) {
                    if (!reader.getLocalName().equals("key")) {
                        throw new TemplateSyntaxException(reader.getLocation().getLineNumber(),
                                "expected <key> in <map>, found <" + reader.getLocalName() + ">");
                    }
                    String key = reader.getElementText();
                    nextElement(reader);
                    map.put(key, value(reader));
                }
                return map;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                while (nextStartOrEnd(reader)) {
                    list.add(value(reader));
                }
                return list;
            }
            case "boolean" -> {
                String text = reader.getElementText().trim();
                return text.equals("true") || text.equals("1");
            }
            default -> {
                return reader.getElementText().trim();
            }
        }
    }

    /** Advances to the next start element (true) or to the end element that closes the container (false). */
    private static boolean nextStartOrEnd(XMLStreamReader reader) throws XMLStreamException, TemplateSyntaxException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw new TemplateSyntaxException(reader.getLocation().getLineNumber(), "the document ended early");
    }
}
