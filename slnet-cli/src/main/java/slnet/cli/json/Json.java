package slnet.cli.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON as plain Java values.
 *
 * <p>Parsing yields {@link java.util.LinkedHashMap} (keys in document order, duplicates rejected),
 * {@link java.util.ArrayList}, {@link String}, {@link Boolean}, {@code null}, and numbers: a
 * {@link Long} for an integer literal that fits one, otherwise a {@link BigDecimal}. The one
 * exception is a negative zero with a fraction or exponent ({@code -0.0}), which becomes the
 * {@link Double} {@code -0.0} because a BigDecimal cannot carry the sign of zero and float fields
 * must survive a round trip bit for bit.
 *
 * <p>Parsing is strict RFC 8259 (no comments, no trailing commas, no NaN literals) and bounded:
 * input length, nesting depth and exponent size are checked before anything is built from them.
 */
public final class Json {
    /** The deepest nesting of arrays and objects {@link #parse(String)} accepts. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** The longest text, in characters, {@link #parse(String)} accepts. */
    public static final int DEFAULT_MAX_LENGTH = 4 * 1024 * 1024;

    private Json() {
    }

    /**
     * Parses one JSON value with the default bounds.
     *
     * @param text the text; whitespace around the value is allowed, anything else after it is not
     * @return the value
     * @throws JsonParseException if the text is not one valid JSON value within the bounds
     */
    public static Object parse(String text) throws JsonParseException {
        return parse(text, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH);
    }

    /**
     * Parses one JSON value.
     *
     * @param text the text
     * @param maxDepth the deepest nesting of arrays and objects allowed, at least 1
     * @param maxLength the longest text allowed, in characters
     * @return the value
     * @throws JsonParseException if the text is not one valid JSON value within the bounds
     */
    public static Object parse(String text, int maxDepth, int maxLength) throws JsonParseException {
        if (maxDepth < 1 || maxLength < 0) {
            throw new IllegalArgumentException("maxDepth must be at least 1 and maxLength not negative");
        }
        if (text.length() > maxLength) {
            throw new JsonParseException(maxLength, "text of " + text.length() + " characters is longer than the limit of "
                    + maxLength);
        }
        return new JsonParser(text, maxDepth).parseDocument();
    }

    /**
     * Writes a value as compact one-line JSON.
     *
     * <p>Accepts maps with string keys, lists, strings, booleans, null, and the numbers
     * {@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger},
     * {@link BigDecimal}, and finite {@link Float} and {@link Double} (written in the shortest
     * form that reads back to the same value). Non-ASCII characters are written as they are;
     * quotes, backslashes and control characters are escaped.
     *
     * @param value the value
     * @return the JSON text
     * @throws IllegalArgumentException for a value of another type, a non-string key, or a
     *                                  non-finite float
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Appends a value as compact one-line JSON.
     *
     * @param value the value, as for {@link #write(Object)}
     * @param out where to append
     * @throws IllegalArgumentException as {@link #write(Object)} does
     */
    public static void write(Object value, StringBuilder out) {
        writeValue(value, out, 0);
    }

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (depth > 1000) {
            // A cycle or absurd nesting: fail clearly rather than overflow the stack.
            throw new IllegalArgumentException("value nested deeper than 1000 levels");
        }
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(s, out);
            case Boolean b -> out.append(b.booleanValue());
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case BigInteger i -> out.append(i);
            case BigDecimal d -> out.append(d.toString());
            case Float f -> {
                if (!Float.isFinite(f)) {
                    throw new IllegalArgumentException("JSON has no literal for " + f);
                }
                out.append(Float.toString(f));
            }
            case Double d -> {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("JSON has no literal for " + d);
                }
                out.append(Double.toString(d));
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("JSON object keys must be strings, not " + entry.getKey());
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(key, out);
                    out.append(':');
                    writeValue(entry.getValue(), out, depth + 1);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeValue(list.get(i), out, depth + 1);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript line parsing; escape them too.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
