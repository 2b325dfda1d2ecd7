package slnet.protocol.llsd;

import java.nio.charset.StandardCharsets;

/** Writes LLSD notation as ASCII, escaping the way the viewer does. */
final class NotationFormatter {
    private NotationFormatter() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void write(Llsd value, StringBuilder sb) {
        switch (value) {
            case Llsd.Undef u -> sb.append('!');
            case Llsd.Bool b -> sb.append(b.value() ? '1' : '0');
            case Llsd.Int i -> sb.append('i').append(i.value());
            case Llsd.Real r -> sb.append('r').append(ScalarText.formatReal(r.value()));
            case Llsd.Uuid u -> sb.append('u').append(u.value());
            case Llsd.Str s -> quoted(s.value(), '\'', sb);
            case Llsd.Uri u -> {
                sb.append('l');
                quoted(u.value(), '"', sb);
            }
            case Llsd.Date d -> sb.append("d\"").append(ScalarText.formatDate(d.value())).append('"');
            case Llsd.Binary b -> sb.append("b64\"").append(BinaryText.base64(b.value())).append('"');
            case Llsd.Array a -> {
                sb.append('[');
                boolean first = true;
                for (Llsd e : a.elements()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    write(e, sb);
                }
                sb.append(']');
            }
            case Llsd.Map m -> {
                sb.append('{');
                boolean first = true;
                for (var e : m.entries().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    quoted(e.getKey(), '\'', sb);
                    sb.append(':');
                    write(e.getValue(), sb);
                }
                sb.append('}');
            }
        }
    }

    /** Writes the UTF-8 bytes of a string between quotes, escaping controls, quotes and non-ASCII. */
    private static void quoted(String s, char quote, StringBuilder sb) {
        sb.append(quote);
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xff;
            switch (b) {
                case 0x07 -> sb.append("\\a");
                case 0x08 -> sb.append("\\b");
                case 0x09 -> sb.append("\\t");
                case 0x0a -> sb.append("\\n");
                case 0x0b -> sb.append("\\v");
                case 0x0c -> sb.append("\\f");
                case 0x0d -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (b == quote) {
                        sb.append('\\').append(quote);
                    } else if (b < 0x20 || b >= 0x7f) {
                        sb.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                    } else {
                        sb.append((char) b);
                    }
                }
            }
        }
        sb.append(quote);
    }
}
