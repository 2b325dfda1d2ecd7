package slnet.login.xmlrpc;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import slnet.protocol.llsd.Llsd;

/**
 * Converts between LLSD values and the plain Java values the XML-RPC codec uses, so one reply
 * decoder serves both login formats.
 */
public final class LlsdPlainValues {

    private static final int MAX_DEPTH = 128;

    private LlsdPlainValues() {
    }

    /**
     * LLSD to plain values: maps, lists, String, Integer, Double, Boolean, UUID, LocalDateTime
     * (UTC), byte[] and {@link XmlRpcNil#NIL} for undef; URIs become strings.
     *
     * @param value the LLSD value
     * @return the plain value
     */
    public static Object toPlain(Llsd value) {
        return toPlain(value, 0);
    }

    private static Object toPlain(Llsd value, int depth) {
        if (depth > MAX_DEPTH) {
            // parsers bound depth far below this; a guard for hand-built values
            throw new IllegalArgumentException("LLSD nested deeper than " + MAX_DEPTH);
        }
        return switch (value) {
            case Llsd.Undef u -> XmlRpcNil.NIL;
            case Llsd.Bool b -> b.value();
            case Llsd.Int i -> i.value();
            case Llsd.Real r -> r.value();
            case Llsd.Str s -> s.value();
            case Llsd.Uuid u -> u.value();
            case Llsd.Date d -> LocalDateTime.ofInstant(d.value(), ZoneOffset.UTC);
            case Llsd.Uri u -> u.value();
            case Llsd.Binary b -> b.value();
            case Llsd.Map m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, toPlain(v, depth + 1)));
                yield Collections.unmodifiableMap(out);
            }
            case Llsd.Array a -> {
                List<Object> out = new ArrayList<>(a.elements().size());
                a.elements().forEach(v -> out.add(toPlain(v, depth + 1)));
                yield Collections.unmodifiableList(out);
            }
        };
    }

    /**
     * Plain values to LLSD; the inverse of {@link #toPlain(Llsd)}. A {@code Long} that does not fit
     * LLSD's 32-bit integer becomes a real.
     *
     * @param value the plain value
     * @return the LLSD value
     * @throws IllegalArgumentException for a type LLSD cannot carry
     */
    public static Llsd fromPlain(Object value) {
        return fromPlain(value, 0);
    }

    private static Llsd fromPlain(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH);
        }
        return switch (value) {
            case null -> Llsd.undef();
            case XmlRpcNil n -> Llsd.undef();
            case Llsd l -> l;
            case String s -> Llsd.of(s);
            case Integer i -> Llsd.of(i);
            case Long l -> l == l.intValue() ? Llsd.of(l.intValue()) : Llsd.of(l.doubleValue());
            case Boolean b -> Llsd.of(b);
            case Double d -> Llsd.of(d);
            case Float f -> Llsd.of(f.doubleValue());
            case UUID u -> Llsd.of(u);
            case LocalDateTime t -> new Llsd.Date(t.toInstant(ZoneOffset.UTC));
            case byte[] b -> new Llsd.Binary(b);
            case Map<?, ?> m -> {
                Llsd.Map.Builder b = Llsd.Map.builder();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.put(String.valueOf(e.getKey()), fromPlain(e.getValue(), depth + 1));
                }
                yield b.build();
            }
            case List<?> l -> {
                List<Llsd> out = new ArrayList<>(l.size());
                l.forEach(v -> out.add(fromPlain(v, depth + 1)));
                yield new Llsd.Array(out);
            }
            default -> throw new IllegalArgumentException("no LLSD type for " + value.getClass().getName());
        };
    }
}
