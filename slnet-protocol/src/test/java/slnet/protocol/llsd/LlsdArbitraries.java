package slnet.protocol.llsd;

import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random LLSD trees for properties: every type, awkward reals, XML-safe Unicode text. */
final class LlsdArbitraries {
    private LlsdArbitraries() {
    }

    /** Trees up to four levels deep, holding every LLSD type. */
    static Arbitrary<Llsd> trees() {
        return Arbitraries.recursive(LlsdArbitraries::scalars, LlsdArbitraries::containers, 0, 4);
    }

    static Arbitrary<Llsd> scalars() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Llsd.undef())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Llsd::of)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().map(Llsd::of)),
                net.jqwik.api.Tuple.of(3, reals().map(Llsd::of)),
                net.jqwik.api.Tuple.of(4, text().map(Llsd::of)),
                net.jqwik.api.Tuple.of(2, uuids().map(Llsd::of)),
                net.jqwik.api.Tuple.of(2, dates().map(Llsd::of)),
                net.jqwik.api.Tuple.of(1, text().map(Llsd::uri)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Llsd::of)));
    }

    private static Arbitrary<Llsd> containers(Arbitrary<Llsd> inner) {
        Arbitrary<Llsd> arrays = inner.list().ofMaxSize(5).map(Llsd::arrayOf);
        Arbitrary<Llsd> maps = Arbitraries.maps(text(), inner).ofMaxSize(5).map(Llsd.Map::new);
        return Arbitraries.oneOf(arrays, maps);
    }

    static Arbitrary<Double> reals() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(3),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300, 123456789.123456789),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    /** Text XML 1.0 can carry: tab, LF, CR, and everything printable including astral pairs. */
    static Arbitrary<String> text() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\n', '\r').ofMaxLength(16);
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').withCharRange('\ue000', '\ufffd')
                .ofMaxLength(8);
        Arbitrary<String> special = Arbitraries.of("", "'", "\"", "\\", "\\x41", "<&>]]>", "😀", "a\u0000b".replace('\u0000', ' '),
                "é中😀\r\n");
        return Arbitraries.oneOf(ascii, bmp, special);
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Millisecond-precision instants, 1900 to 2100: what every format carries exactly. */
    static Arbitrary<Instant> dates() {
        return Arbitraries.longs().between(-2_208_988_800_000L, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }
}
