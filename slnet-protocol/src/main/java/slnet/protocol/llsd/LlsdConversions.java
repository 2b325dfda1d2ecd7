package slnet.protocol.llsd;

import java.time.Instant;
import java.util.UUID;

/** LLSD's standard scalar conversions, behind the accessors of {@link Llsd}; none throws. */
final class LlsdConversions {
    private LlsdConversions() {
    }

    static Llsd.Type type(Llsd v) {
        return switch (v) {
            case Llsd.Undef u -> Llsd.Type.UNDEF;
            case Llsd.Bool b -> Llsd.Type.BOOLEAN;
            case Llsd.Int i -> Llsd.Type.INTEGER;
            case Llsd.Real r -> Llsd.Type.REAL;
            case Llsd.Str s -> Llsd.Type.STRING;
            case Llsd.Uuid u -> Llsd.Type.UUID;
            case Llsd.Date d -> Llsd.Type.DATE;
            case Llsd.Uri u -> Llsd.Type.URI;
            case Llsd.Binary b -> Llsd.Type.BINARY;
            case Llsd.Map m -> Llsd.Type.MAP;
            case Llsd.Array a -> Llsd.Type.ARRAY;
        };
    }

    static boolean asBoolean(Llsd v) {
        return switch (v) {
            case Llsd.Bool b -> b.value();
            case Llsd.Int i -> i.value() != 0;
            case Llsd.Real r -> r.value() != 0.0 && !Double.isNaN(r.value());
            case Llsd.Str s -> !s.value().isEmpty();
            case Llsd.Uuid u -> !u.value().equals(Llsd.NULL_UUID);
            default -> false;
        };
    }

    static int asInt(Llsd v) {
        return switch (v) {
            case Llsd.Bool b -> b.value() ? 1 : 0;
            case Llsd.Int i -> i.value();
            // Java's narrowing cast is exactly LLSD's rule: truncate, saturate, NaN to 0.
            case Llsd.Real r -> (int) r.value();
            case Llsd.Str s -> stringAsInt(s.value());
            case Llsd.Date d -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d.value().getEpochSecond()));
            default -> 0;
        };
    }

    static long asLong(Llsd v) {
        return switch (v) {
            case Llsd.Binary b -> {
                byte[] bytes = b.value();
                if (bytes.length > 8) {
                    yield 0L;
                }
                long acc = 0;
                for (byte x : bytes) {
                    acc = acc << 8 | (x & 0xff);
                }
                yield acc;
            }
            case Llsd.Real r -> (long) r.value();
            case Llsd.Str s -> {
                String t = s.value().strip();
                if (t.matches("[+-]?\\d{1,18}")) {
                    yield Long.parseLong(t);
                }
                Double d = ScalarText.parseReal(t);
                yield d == null ? 0L : (long) d.doubleValue();
            }
            case Llsd.Date d -> d.value().getEpochSecond();
            default -> asInt(v);
        };
    }

    private static int stringAsInt(String s) {
        Integer i = ScalarText.parseInt(s);
        if (i != null) {
            return i;
        }
        Double d = ScalarText.parseReal(s);
        return d == null ? 0 : (int) d.doubleValue();
    }

    static double asReal(Llsd v) {
        return switch (v) {
            case Llsd.Bool b -> b.value() ? 1.0 : 0.0;
            case Llsd.Int i -> i.value();
            case Llsd.Real r -> r.value();
            case Llsd.Str s -> {
                Double d = ScalarText.parseReal(s.value());
                yield d == null ? 0.0 : d;
            }
            case Llsd.Date d -> ScalarText.toEpochSeconds(d.value());
            default -> 0.0;
        };
    }

    static String asString(Llsd v) {
        return switch (v) {
            case Llsd.Bool b -> b.value() ? "true" : "";
            case Llsd.Int i -> Integer.toString(i.value());
            case Llsd.Real r -> ScalarText.formatReal(r.value());
            case Llsd.Str s -> s.value();
            case Llsd.Uuid u -> u.value().toString();
            case Llsd.Date d -> ScalarText.formatDate(d.value());
            case Llsd.Uri u -> u.value();
            default -> "";
        };
    }

    static UUID asUuid(Llsd v) {
        return switch (v) {
            case Llsd.Uuid u -> u.value();
            case Llsd.Str s -> {
                UUID u = ScalarText.parseUuid(s.value());
                yield u == null ? Llsd.NULL_UUID : u;
            }
            default -> Llsd.NULL_UUID;
        };
    }

    static Instant asDate(Llsd v) {
        Instant result = switch (v) {
            case Llsd.Date d -> d.value();
            case Llsd.Str s -> ScalarText.parseDate(s.value());
            case Llsd.Int i -> Instant.ofEpochSecond(i.value());
            case Llsd.Real r -> ScalarText.fromEpochSeconds(r.value());
            default -> null;
        };
        return result == null ? Instant.EPOCH : result;
    }

    static String asUri(Llsd v) {
        return switch (v) {
            case Llsd.Uri u -> u.value();
            case Llsd.Str s -> s.value();
            default -> "";
        };
    }
}
