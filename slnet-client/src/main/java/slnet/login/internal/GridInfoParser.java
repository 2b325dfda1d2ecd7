package slnet.login.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import slnet.login.GridInfo;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.protocol.internal.XmlInput;

/**
 * Parses an OpenSimulator {@code get_grid_info} reply: {@code <gridinfo>} with one flat element
 * per property. DTDs are refused; sizes are bounded by the caller's body bound.
 */
public final class GridInfoParser {

    private static final int MAX_PROPERTIES = 256;
    private static final int MAX_VALUE_CHARS = 8192;

    private GridInfoParser() {
    }

    /**
     * Parses the reply.
     *
     * @param xml the body
     * @return the grid info
     * @throws LoginException {@link LoginFailure#MALFORMED_RESPONSE} if it is not a grid info
     *                        document with a {@code login} URI
     */
    public static GridInfo parse(byte[] xml) throws LoginException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        Map<String, String> props = new LinkedHashMap<>();
        XMLStreamReader r = null;
        try {
            r = XmlInput.open(f, xml);
            int depth = 0;
            String current = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw bad("DTDs are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1 && !"gridinfo".equals(r.getLocalName())) {
                            throw bad("root is not <gridinfo>");
                        }
                        if (depth == 2) {
                            current = r.getLocalName();
                            text.setLength(0);
                        }
                        if (depth > 2) {
                            throw bad("nested elements in <gridinfo>");
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null) {
                            text.append(r.getText());
                            if (text.length() > MAX_VALUE_CHARS) {
                                throw bad("property too long");
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && current != null) {
                            if (props.size() >= MAX_PROPERTIES) {
                                throw bad("too many properties");
                            }
                            props.put(current, text.toString().strip());
                            current = null;
                        }
                        depth--;
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, "grid info: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // in-memory input: nothing to release
                }
            }
        }
        String login = props.getOrDefault("login", "");
        try {
            URI uri = new URI(login);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw bad("login is not an absolute http(s) URI");
            }
            return new GridInfo(props.getOrDefault("gridname", ""), uri, props);
        } catch (URISyntaxException e) {
            throw bad("login is not a URI");
        }
    }

    private static LoginException bad(String what) {
        return LoginException.local(LoginFailure.MALFORMED_RESPONSE, "grid info: " + what, null);
    }
}
