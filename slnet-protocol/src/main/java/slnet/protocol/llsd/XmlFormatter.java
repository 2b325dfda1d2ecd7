package slnet.protocol.llsd;

/** Writes {@code <llsd>} documents; scalar defaults become empty elements as the spec allows. */
final class XmlFormatter {
    private XmlFormatter() {
    }

    static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    static String document(Llsd value) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(PROLOG).append("<llsd>");
        write(value, sb, -1);
        sb.append("</llsd>");
        return sb.toString();
    }

    static String pretty(Llsd value) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(PROLOG).append("\n<llsd>");
        write(value, sb, 1);
        sb.append("\n</llsd>\n");
        return sb.toString();
    }

    /** Starts a new indented line when pretty-printing (level >= 0). */
    private static void indent(StringBuilder sb, int level) {
        if (level >= 0) {
            sb.append('\n').append("  ".repeat(level));
        }
    }

    private static int deeper(int level) {
        return level < 0 ? level : level + 1;
    }

    /** @param level indentation level, or -1 for compact output */
    private static void write(Llsd value, StringBuilder sb, int level) {
        indent(sb, level);
        switch (value) {
            case Llsd.Undef u -> sb.append("<undef />");
            case Llsd.Bool b -> sb.append(b.value() ? "<boolean>1</boolean>" : "<boolean>0</boolean>");
            case Llsd.Int i -> sb.append("<integer>").append(i.value()).append("</integer>");
            case Llsd.Real r -> sb.append("<real>").append(ScalarText.formatReal(r.value())).append("</real>");
            case Llsd.Uuid u -> sb.append("<uuid>").append(u.value()).append("</uuid>");
            case Llsd.Str s -> element("string", s.value(), sb);
            case Llsd.Uri u -> element("uri", u.value(), sb);
            case Llsd.Date d -> sb.append("<date>").append(ScalarText.formatDate(d.value())).append("</date>");
            case Llsd.Binary b -> sb.append("<binary encoding=\"base64\">").append(BinaryText.base64(b.value())).append("</binary>");
            case Llsd.Array a -> {
                sb.append("<array>");
                for (Llsd e : a.elements()) {
                    write(e, sb, deeper(level));
                }
                if (!a.elements().isEmpty()) {
                    indent(sb, level);
                }
                sb.append("</array>");
            }
            case Llsd.Map m -> {
                sb.append("<map>");
                for (var e : m.entries().entrySet()) {
                    indent(sb, deeper(level));
                    element("key", e.getKey(), sb);
                    write(e.getValue(), sb, deeper(level));
                }
                if (!m.entries().isEmpty()) {
                    indent(sb, level);
                }
                sb.append("</map>");
            }
        }
    }

    private static void element(String tag, String text, StringBuilder sb) {
        if (text.isEmpty()) {
            sb.append('<').append(tag).append(" />");
            return;
        }
        sb.append('<').append(tag).append('>');
        escape(text, sb);
        sb.append("</").append(tag).append('>');
    }

    /**
     * Escapes markup characters; CR becomes a character reference because XML parsers turn a
     * literal CR into LF. Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE,
     * U+FFFF, lone surrogates) become U+FFFD: the document must stay well-formed.
     */
    private static void escape(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> sb.append("&#13;");
                case '\t', '\n' -> sb.append(c);
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
