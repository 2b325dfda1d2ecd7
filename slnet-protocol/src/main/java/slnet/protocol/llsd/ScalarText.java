package slnet.protocol.llsd;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text forms of LLSD scalars shared by the XML and notation codecs and by the conversions:
 * reals (with {@code nan}/{@code inf}), dates (ISO-8601 / seconds since the epoch), UUIDs and
 * strict UTF-8.
 */
final class ScalarText {
    private ScalarText() {
    }

    // Decimal reals only: Java's own parser also takes hex floats and "1d" suffixes, which no
    // other LLSD implementation emits or accepts.
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,12}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Seconds since the epoch beyond which a date is surely garbage (about year 33658). */
    private static final double MAX_DATE_SECONDS = 1e12;

    /** Formats a real so that {@link #parseReal} gives back the same bits. */
    static String formatReal(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    /** Parses a real written by any LLSD implementation; {@code null} when it is not one. */
    static Double parseReal(String text) {
        String t = text.strip();
        if (t.length() > 400) {
            return null;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        return Double.parseDouble(t);
    }

    /** Parses a 32-bit integer; {@code null} when the text is not one or is out of range. */
    static Integer parseInt(String text) {
        String t = text.strip();
        if (!INTEGER.matcher(t).matches()) {
            return null;
        }
        long v = Long.parseLong(t);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            return null;
        }
        return (int) v;
    }

    /** Parses a hyphenated UUID; {@code null} when the text is not one. */
    static UUID parseUuid(String text) {
        String t = text.strip();
        if (!UUID_TEXT.matcher(t).matches()) {
            return null;
        }
        return UUID.fromString(t);
    }

    static String formatDate(Instant date) {
        return DateTimeFormatter.ISO_INSTANT.format(date);
    }

    /**
     * Parses an ISO-8601 date: {@code 2006-02-01T14:29:53Z}, with optional fraction, a
     * {@code Z} or numeric offset (a missing zone means UTC) or a bare date.
     *
     * @return the instant, or {@code null} when the text is not a date
     */
    static Instant parseDate(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        try {
            if (t.indexOf('T') < 0 && t.indexOf('t') < 0) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String upper = t.toUpperCase(Locale.ROOT);
            char last = upper.charAt(upper.length() - 1);
            boolean zoned = last == 'Z' || upper.lastIndexOf('+') > upper.indexOf('T')
                    || upper.lastIndexOf('-') > upper.indexOf('T');
            if (zoned) {
                return OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(upper, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** @return the date as seconds since the epoch, with sub-second precision */
    static double toEpochSeconds(Instant date) {
        return date.getEpochSecond() + date.getNano() / 1e9;
    }

    /**
     * Converts seconds since the epoch to an instant, rounded to the microsecond: a double near
     * today's epoch seconds holds about that much precision, so finer digits would be noise.
     *
     * @return the instant, or {@code null} when the value is not finite or absurdly far away
     */
    static Instant fromEpochSeconds(double seconds) {
        if (!Double.isFinite(seconds) || Math.abs(seconds) > MAX_DATE_SECONDS) {
            return null;
        }
        long micros = Math.round(seconds * 1e6);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** Decodes strict UTF-8; {@code null} when the bytes are not valid UTF-8. */
    static String decodeUtf8(byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
