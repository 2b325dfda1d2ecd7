package slnet.protocol.llsd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Reads binary LLSD from a byte array. Every count and length is checked against the bytes left
 * and the {@link LlsdLimits} before anything is allocated from it. One instance per parse.
 */
final class BinaryParser {
    static final byte[] HEADER = "<? LLSD/Binary ?>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] in;
    private final int end;
    private final ParseBudget budget;
    private int pos;

    BinaryParser(byte[] in, int offset, int end, LlsdLimits limits) {
        this.in = in;
        this.pos = offset;
        this.end = end;
        this.budget = new ParseBudget(limits);
    }

    int position() {
        return pos;
    }

    /** Skips the optional {@code <? LLSD/Binary ?>} header and the newline after it. */
    void skipHeader() {
        if (end - pos >= HEADER.length && java.util.Arrays.equals(in, pos, pos + HEADER.length, HEADER, 0, HEADER.length)) {
            pos += HEADER.length;
            if (pos < end && in[pos] == '\n') {
                pos++;
            }
        }
    }

    Llsd value() throws LlsdException {
        int at = pos;
        budget.element(at);
        byte marker = readByte("value marker");
        return switch (marker) {
            case '!' -> Llsd.undef();
            case '1' -> Llsd.of(true);
            case '0' -> Llsd.of(false);
            case 'i' -> Llsd.of(readInt());
            case 'r' -> Llsd.of(Double.longBitsToDouble(readLong()));
            case 'u' -> {
                need(16, "uuid");
                yield Llsd.of(new UUID(readLong(), readLong()));
            }
            case 's' -> new Llsd.Str(lengthPrefixedString("string"));
            case '\'', '"' -> new Llsd.Str(delimitedString(marker));
            case 'l' -> new Llsd.Uri(lengthPrefixedString("uri"));
            case 'd' -> date(at);
            case 'b' -> {
                int len = length("binary");
                byte[] bytes = java.util.Arrays.copyOfRange(in, pos, pos + len);
                pos += len;
                yield new Llsd.Binary(bytes);
            }
            case '[' -> array(at);
            case '{' -> map(at);
            default -> throw new LlsdException("unknown binary marker 0x" + Integer.toHexString(marker & 0xff), at);
        };
    }

    private Llsd date(int at) throws LlsdException {
        // The viewer writes the date's double in host (little-endian) order, unlike reals.
        double seconds = Double.longBitsToDouble(Long.reverseBytes(readLong()));
        Instant instant = ScalarText.fromEpochSeconds(seconds);
        if (instant == null) {
            throw new LlsdException("date out of range: " + seconds, at);
        }
        return new Llsd.Date(instant);
    }

    private Llsd array(int at) throws LlsdException {
        budget.enter(at);
        int count = count(1, "array");
        ArrayList<Llsd> elements = new ArrayList<>(Math.min(count, 256));
        for (int i = 0; i < count; i++) {
            elements.add(value());
        }
        expect(']', "array end");
        budget.leave();
        return new Llsd.Array(elements);
    }

    private Llsd map(int at) throws LlsdException {
        budget.enter(at);
        // Smallest entry: a key '' (2 bytes) and a one-byte value.
        int count = count(3, "map");
        LinkedHashMap<String, Llsd> entries = new LinkedHashMap<>(Math.min(count, 256) * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            int keyAt = pos;
            byte marker = readByte("map key");
            String key = switch (marker) {
                case 'k', 's' -> lengthPrefixedString("map key");
                case '\'', '"' -> delimitedString(marker);
                default -> throw new LlsdException("expected map key, found 0x" + Integer.toHexString(marker & 0xff), keyAt);
            };
            entries.put(key, value());
        }
        expect('}', "map end");
        budget.leave();
        return new Llsd.Map(entries);
    }

    /** Reads an element count, bounded by the bytes left (each element needs minBytes). */
    private int count(int minBytesEach, String what) throws LlsdException {
        int at = pos;
        int count = readInt();
        if (count < 0) {
            throw new LlsdException(what + " count negative: " + count, at);
        }
        if ((long) count * minBytesEach > end - pos) {
            throw new LlsdException(what + " count " + count + " exceeds the " + (end - pos) + " bytes left", at);
        }
        if (count > budget.elementsLeft()) {
            throw new LlsdException(what + " count " + count + " exceeds element limit", at);
        }
        return count;
    }

    /** Reads a 4-byte length and checks it against the bytes left and the value limit. */
    private int length(String what) throws LlsdException {
        int at = pos;
        int len = readInt();
        budget.valueLength(len & 0xFFFFFFFFL, at);
        if (len > end - pos) {
            throw new LlsdException(what + " length " + len + " exceeds the " + (end - pos) + " bytes left", at);
        }
        return len;
    }

    private String lengthPrefixedString(String what) throws LlsdException {
        int len = length(what);
        String s = ScalarText.decodeUtf8(in, pos, len);
        if (s == null) {
            throw new LlsdException(what + " is not valid UTF-8", pos);
        }
        pos += len;
        return s;
    }

    /** A notation-style quoted string, which the viewer's binary parser also accepts. */
    private String delimitedString(byte quote) throws LlsdException {
        int start = pos - 1;
        NotationParser text = new NotationParser(in, start, end, budget);
        String s = text.quotedString();
        pos = text.position();
        return s;
    }

    private void expect(char c, String what) throws LlsdException {
        int at = pos;
        if (readByte(what) != c) {
            throw new LlsdException("expected '" + c + "' (" + what + ")", at);
        }
    }

    private void need(int n, String what) throws LlsdException {
        if (end - pos < n) {
            throw new LlsdException("truncated " + what + ": need " + n + " bytes, " + (end - pos) + " left", pos);
        }
    }

    private byte readByte(String what) throws LlsdException {
        need(1, what);
        return in[pos++];
    }

    private int readInt() throws LlsdException {
        need(4, "32-bit value");
        int v = (in[pos] & 0xff) << 24 | (in[pos + 1] & 0xff) << 16 | (in[pos + 2] & 0xff) << 8 | (in[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    private long readLong() throws LlsdException {
        need(8, "64-bit value");
        long hi = readInt() & 0xFFFFFFFFL;
        long lo = readInt() & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }
}
