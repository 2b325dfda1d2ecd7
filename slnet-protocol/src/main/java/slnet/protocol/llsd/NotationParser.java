package slnet.protocol.llsd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads LLSD notation from bytes. Notation is a byte syntax: quoted strings may carry
 * {@code \xHH} escapes of arbitrary bytes and {@code s(n)"..."} / {@code b(n)"..."} raw runs, so
 * strings are gathered as bytes and then decoded as strict UTF-8. One instance per parse.
 */
final class NotationParser {
    private static final String HEADER = "<? llsd/notation ?>";

    private final byte[] in;
    private final int end;
    private final ParseBudget budget;
    private int pos;

    NotationParser(byte[] in, int offset, int end, ParseBudget budget) {
        this.in = in;
        this.pos = offset;
        this.end = end;
        this.budget = budget;
    }

    int position() {
        return pos;
    }

    /** Parses a whole document: optional header, one value, optional trailing whitespace. */
    Llsd document() throws LlsdException {
        skipSpace();
        if (end - pos >= HEADER.length()
                && new String(in, pos, HEADER.length(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).equals(HEADER)) {
            pos += HEADER.length();
        }
        Llsd v = value();
        skipSpace();
        if (pos != end) {
            throw new LlsdException("unexpected data after the value", pos);
        }
        return v;
    }

    Llsd value() throws LlsdException {
        skipSpace();
        int at = pos;
        budget.element(at);
        byte c = next("value");
        return switch (c) {
            case '!' -> Llsd.undef();
            case '0' -> Llsd.of(false);
            case '1' -> Llsd.of(true);
            case 't', 'T' -> Llsd.of(word("true", at));
            case 'f', 'F' -> Llsd.of(!word("false", at));
            case 'i' -> Llsd.of(integer(at));
            case 'r' -> Llsd.of(real(at));
            case 'u' -> Llsd.of(uuid(at));
            case '\'', '"' -> {
                pos--;
                yield new Llsd.Str(quotedString());
            }
            case 's' -> {
                pos--;
                yield new Llsd.Str(rawString());
            }
            case 'l' -> new Llsd.Uri(utf8(delimitedBytes(), at));
            case 'd' -> date(at);
            case 'b' -> binary(at);
            case '[' -> array(at);
            case '{' -> map(at);
            default -> throw new LlsdException("unexpected character 0x" + Integer.toHexString(c & 0xff), at);
        };
    }

    /**
     * Consumes the rest of a boolean word after its first letter: either nothing more (bare
     * {@code t}/{@code f}) or exactly the remaining letters, in any case.
     *
     * @return true (for the caller to negate in the false case)
     */
    private boolean word(String word, int at) throws LlsdException {
        if (pos < end && Character.isLetter(in[pos] & 0xff)) {
            for (int i = 1; i < word.length(); i++) {
                if (pos >= end || Character.toLowerCase((char) (in[pos] & 0xff)) != word.charAt(i)) {
                    throw new LlsdException("bad boolean, expected '" + word + "'", at);
                }
                pos++;
            }
        }
        return true;
    }

    private int integer(int at) throws LlsdException {
        String token = token();
        Integer v = ScalarText.parseInt(token);
        if (v == null) {
            throw new LlsdException("bad integer '" + clip(token) + "'", at);
        }
        return v;
    }

    private double real(int at) throws LlsdException {
        String token = token();
        Double v = ScalarText.parseReal(token);
        if (v == null) {
            throw new LlsdException("bad real '" + clip(token) + "'", at);
        }
        return v;
    }

    /** A run of characters that may make up a number (including nan/inf spellings). */
    private String token() {
        int start = pos;
        while (pos < end && pos - start < 512) {
            int b = in[pos] & 0xff;
            if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '+' || b == '-' || b == '.') {
                pos++;
            } else {
                break;
            }
        }
        return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    private UUID uuid(int at) throws LlsdException {
        if (end - pos < 36) {
            throw new LlsdException("truncated uuid", at);
        }
        String text = new String(in, pos, 36, StandardCharsets.ISO_8859_1);
        UUID u = ScalarText.parseUuid(text);
        if (u == null) {
            throw new LlsdException("bad uuid", at);
        }
        pos += 36;
        return u;
    }

    private Llsd date(int at) throws LlsdException {
        String text = new String(delimitedBytes(), StandardCharsets.ISO_8859_1);
        Instant d = ScalarText.parseDate(text);
        if (d == null) {
            throw new LlsdException("bad date '" + clip(text) + "'", at);
        }
        return new Llsd.Date(d);
    }

    private Llsd binary(int at) throws LlsdException {
        if (pos < end && in[pos] == '(') {
            int len = rawLength();
            byte q = next("binary quote");
            if (q != '"' && q != '\'') {
                throw new LlsdException("expected quote after binary length", pos - 1);
            }
            byte[] bytes = java.util.Arrays.copyOfRange(in, pos, pos + len);
            pos += len;
            if (next("binary end quote") != q) {
                throw new LlsdException("raw binary not closed by its quote", pos - 1);
            }
            return new Llsd.Binary(bytes);
        }
        String base = new String(in, pos, Math.min(2, end - pos), StandardCharsets.ISO_8859_1);
        pos += base.length();
        String text = new String(delimitedBytes(), StandardCharsets.ISO_8859_1);
        byte[] bytes = switch (base) {
            case "64" -> BinaryText.fromBase64(text);
            case "16" -> BinaryText.fromBase16(text);
            case "85" -> BinaryText.fromBase85(text);
            default -> throw new LlsdException("unknown binary encoding 'b" + clip(base) + "'", at);
        };
        if (bytes == null) {
            throw new LlsdException("bad base" + base + " binary", at);
        }
        return new Llsd.Binary(bytes);
    }

    private Llsd array(int at) throws LlsdException {
        budget.enter(at);
        ArrayList<Llsd> elements = new ArrayList<>();
        skipSpace();
        if (peekIs(']')) {
            pos++;
        } else {
            while (true) {
                elements.add(value());
                skipSpace();
                byte c = next("',' or ']'");
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw new LlsdException("expected ',' or ']' in array", pos - 1);
                }
            }
        }
        budget.leave();
        return new Llsd.Array(elements);
    }

    private Llsd map(int at) throws LlsdException {
        budget.enter(at);
        LinkedHashMap<String, Llsd> entries = new LinkedHashMap<>();
        skipSpace();
        if (peekIs('}')) {
            pos++;
        } else {
            while (true) {
                skipSpace();
                String key = key();
                skipSpace();
                if (next("':'") != ':') {
                    throw new LlsdException("expected ':' after map key", pos - 1);
                }
                entries.put(key, value());
                skipSpace();
                byte c = next("',' or '}'");
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new LlsdException("expected ',' or '}' in map", pos - 1);
                }
            }
        }
        budget.leave();
        return new Llsd.Map(entries);
    }

    private String key() throws LlsdException {
        if (pos < end && in[pos] == 's') {
            return rawString();
        }
        if (pos < end && (in[pos] == '\'' || in[pos] == '"')) {
            return quotedString();
        }
        throw new LlsdException("expected map key", pos);
    }

    /** A {@code '...'} or {@code "..."} string with escapes; pos is at the opening quote. */
    String quotedString() throws LlsdException {
        int at = pos;
        return utf8(delimitedBytes(), at);
    }

    /** {@code s(n)"raw bytes"}; pos is at the {@code s}. */
    private String rawString() throws LlsdException {
        int at = pos;
        pos++;
        int len = rawLength();
        byte q = next("string quote");
        if (q != '"' && q != '\'') {
            throw new LlsdException("expected quote after string length", pos - 1);
        }
        String s = ScalarText.decodeUtf8(in, pos, len);
        if (s == null) {
            throw new LlsdException("string is not valid UTF-8", at);
        }
        pos += len;
        if (next("string end quote") != q) {
            throw new LlsdException("raw string not closed by its quote", pos - 1);
        }
        return s;
    }

    /** {@code (n)}, checked against the bytes left and the value limit; pos is at the '('. */
    private int rawLength() throws LlsdException {
        int at = pos;
        if (next("'('") != '(') {
            throw new LlsdException("expected '('", at);
        }
        long len = 0;
        int digits = 0;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9' && digits < 11) {
            len = len * 10 + (in[pos++] - '0');
            digits++;
        }
        if (digits == 0 || next("')'") != ')') {
            throw new LlsdException("bad raw length", at);
        }
        budget.valueLength(len, at);
        // +2 for the quotes around the raw run.
        if (len + 2 > end - pos) {
            throw new LlsdException("raw length " + len + " exceeds the " + (end - pos) + " bytes left", at);
        }
        return (int) len;
    }

    /** Reads a quoted run with escapes, pos at its opening quote; returns the unescaped bytes. */
    private byte[] delimitedBytes() throws LlsdException {
        int at = pos;
        byte quote = next("opening quote");
        if (quote != '\'' && quote != '"') {
            throw new LlsdException("expected a quote", at);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= end) {
                throw new LlsdException("unterminated string", at);
            }
            byte c = in[pos++];
            if (c == quote) {
                return out.toByteArray();
            }
            if (c == '\\') {
                out.write(escape(at));
            } else {
                out.write(c);
            }
            if (out.size() > budget.limits().maxValueBytes()) {
                throw new LlsdException("string exceeds " + budget.limits().maxValueBytes() + " bytes", at);
            }
        }
    }

    private int escape(int stringAt) throws LlsdException {
        if (pos >= end) {
            throw new LlsdException("unterminated string", stringAt);
        }
        byte c = in[pos++];
        return switch (c) {
            case 'a' -> 0x07;
            case 'b' -> 0x08;
            case 'f' -> 0x0c;
            case 'n' -> 0x0a;
            case 'r' -> 0x0d;
            case 't' -> 0x09;
            case 'v' -> 0x0b;
            case 'x' -> {
                if (end - pos < 2) {
                    throw new LlsdException("truncated \\x escape", pos - 2);
                }
                int hi = Character.digit(in[pos] & 0xff, 16);
                int lo = Character.digit(in[pos + 1] & 0xff, 16);
                if (hi < 0 || lo < 0) {
                    throw new LlsdException("bad \\x escape", pos - 2);
                }
                pos += 2;
                yield hi << 4 | lo;
            }
            default -> c & 0xff;
        };
    }

    private String utf8(byte[] bytes, int at) throws LlsdException {
        String s = ScalarText.decodeUtf8(bytes, 0, bytes.length);
        if (s == null) {
            throw new LlsdException("string is not valid UTF-8", at);
        }
        return s;
    }

    private void skipSpace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < end && in[pos] == c;
    }

    private byte next(String what) throws LlsdException {
        if (pos >= end) {
            throw new LlsdException("truncated: expected " + what, pos);
        }
        return in[pos++];
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
