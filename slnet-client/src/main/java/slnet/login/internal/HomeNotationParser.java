package slnet.login.internal;

import java.util.Optional;
import slnet.login.HomeLocation;
import slnet.login.LocalVector;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.llsd.LlsdLimits;
import slnet.protocol.llsd.LlsdNotation;

/**
 * Parses the LLSD notation the XML-RPC login reply embeds in strings: {@code home}
 * ({@code {'region_handle':[r256000,r256000], 'position':[r128,r128,r20], 'look_at':[r1,r0,r0]}})
 * and {@code look_at} ({@code [r0.9, r0.1, r0]}). Anything else yields empty, never an exception.
 */
public final class HomeNotationParser {

    // a home entry is a few dozen bytes; a tight budget keeps a hostile one cheap
    private static final LlsdLimits LIMITS = new LlsdLimits(4, 4096, 64, 1024);

    private HomeNotationParser() {
    }

    /**
     * Parses a {@code home} entry.
     *
     * @param text the entry
     * @return the home, or empty if the text is not the expected shape
     */
    public static Optional<HomeLocation> parseHome(String text) {
        Optional<Llsd> parsed = parse(text);
        if (parsed.isEmpty() || !(parsed.get() instanceof Llsd.Map map)) {
            return Optional.empty();
        }
        Llsd handle = map.get("region_handle");
        Optional<LocalVector> position = vector(map.get("position"));
        Optional<LocalVector> lookAt = map.has("look_at") ? vector(map.get("look_at")) : Optional.of(LocalVector.ZERO);
        if (!(handle instanceof Llsd.Array h) || h.elements().size() != 2 || position.isEmpty() || lookAt.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> x = number(h.elements().get(0));
        Optional<Double> y = number(h.elements().get(1));
        if (x.isEmpty() || y.isEmpty() || x.get() < 0 || y.get() < 0 || x.get() > 0xFFFF_FFFFL || y.get() > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        long handleValue = ((long) x.get().doubleValue() << 32) | (long) y.get().doubleValue();
        return Optional.of(new HomeLocation(handleValue, position.get(), lookAt.get()));
    }

    /**
     * Parses a vector like {@code [r0.9, r0.1, r0]}.
     *
     * @param text the text
     * @return the vector, or empty if it is not an array of three numbers
     */
    public static Optional<LocalVector> parseVector(String text) {
        return parse(text).flatMap(HomeNotationParser::vector);
    }

    private static Optional<Llsd> parse(String text) {
        if (text == null || text.isBlank() || text.length() > LIMITS.maxBytes()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LlsdNotation.parse(text.strip(), LIMITS));
        } catch (LlsdException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalVector> vector(Llsd v) {
        if (!(v instanceof Llsd.Array a) || a.elements().size() != 3) {
            return Optional.empty();
        }
        Optional<Double> x = number(a.elements().get(0));
        Optional<Double> y = number(a.elements().get(1));
        Optional<Double> z = number(a.elements().get(2));
        if (x.isEmpty() || y.isEmpty() || z.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LocalVector(x.get(), y.get(), z.get()));
    }

    private static Optional<Double> number(Llsd v) {
        return switch (v) {
            case Llsd.Real r when Double.isFinite(r.value()) -> Optional.of(r.value());
            case Llsd.Int i -> Optional.of((double) i.value());
            default -> Optional.empty();
        };
    }
}
