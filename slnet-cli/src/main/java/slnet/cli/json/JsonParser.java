package slnet.cli.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive-descent parser over one string; one instance per parse. */
final class JsonParser {
    /** Exponents beyond this are refused: BigDecimal arithmetic on them gets slow and no field needs them. */
    private static final int MAX_EXPONENT = 1000;

    private final String text;
    private final int maxDepth;
    private int pos;

    JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    Object parseDocument() throws JsonParseException {
        skipWhitespace();
        Object value = parseValue(0);
        skipWhitespace();
        if (pos < text.length()) {
            throw error("unexpected " + describe(text.charAt(pos)) + " after the value");
        }
        return value;
    }

    private Object parseValue(int depth) throws JsonParseException {
        if (pos >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject(depth + 1);
            case '[' -> parseArray(depth + 1);
            case '"' -> parseString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield parseNumber();
                }
                throw error("unexpected " + describe(c) + ", expected a value");
            }
        };
    }

    private Map<String, Object> parseObject(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error(pos >= text.length() ? "unexpected end of text, expected a string key"
                        : "unexpected " + describe(text.charAt(pos)) + ", expected a string key");
            }
            int keyAt = pos;
            String key = parseString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = parseValue(depth);
            if (map.containsKey(key)) {
                throw new JsonParseException(keyAt, "duplicate key \"" + key + "\"");
            }
            map.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return map;
            } else {
                throw error(pos >= text.length() ? "unexpected end of text, expected ',' or '}'"
                        : "unexpected " + describe(text.charAt(pos)) + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> parseArray(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(parseValue(depth));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return list;
            } else {
                throw error(pos >= text.length() ? "unexpected end of text, expected ',' or ']'"
                        : "unexpected " + describe(text.charAt(pos)) + ", expected ',' or ']'");
            }
        }
    }

    private String parseString() throws JsonParseException {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonParseException(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character " + describe(c) + " inside a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw new JsonParseException(start, "unterminated string");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length()) {
                        throw error("\\u escape needs four hex digits");
                    }
                    int code = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int digit = Character.digit(text.charAt(i), 16);
                        if (digit < 0) {
                            throw new JsonParseException(i, "\\u escape needs four hex digits, found "
                                    + describe(text.charAt(i)));
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
            pos += 2;
        }
    }

    private Object parseNumber() throws JsonParseException {
        int start = pos;
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("a number must not have a leading zero");
            }
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("expected a digit");
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int exponentStart = pos;
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            skipDigits();
            String exponent = text.substring(exponentStart, pos);
            if (exponent.length() > 6 || Integer.parseInt(exponent) > MAX_EXPONENT) {
                throw new JsonParseException(start, "number exponent beyond " + MAX_EXPONENT);
            }
        }
        String literal = text.substring(start, pos);
        if (integer) {
            // Up to 18 digits always fits a long; longer literals take the slow path.
            if (literal.length() <= 18) {
                return Long.parseLong(literal);
            }
            java.math.BigInteger big = new java.math.BigInteger(literal);
            return big.bitLength() < 64 ? (Object) big.longValueExact() : new BigDecimal(big);
        }
        BigDecimal value = new BigDecimal(literal);
        if (negative && value.signum() == 0) {
            return -0.0d;
        }
        return value;
    }

    private Object literal(String word, Object value) throws JsonParseException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(text.charAt(pos)) + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) throws JsonParseException {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth + " levels");
        }
    }

    private void expect(char c) throws JsonParseException {
        if (peek() != c) {
            throw error(pos >= text.length() ? "unexpected end of text, expected '" + c + "'"
                    : "unexpected " + describe(text.charAt(pos)) + ", expected '" + c + "'");
        }
        pos++;
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonParseException error(String detail) {
        return new JsonParseException(pos, detail);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
