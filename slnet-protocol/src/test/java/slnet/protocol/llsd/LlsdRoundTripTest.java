package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LlsdRoundTripTest {

    @Provide
    Arbitrary<Llsd> trees() {
        return LlsdArbitraries.trees();
    }

    @Property(tries = 400)
    void xmlRoundTrips(@ForAll("trees") Llsd value) throws LlsdException {
        assertThat(LlsdXml.parse(LlsdXml.formatBytes(value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void prettyXmlRoundTrips(@ForAll("trees") Llsd value) throws LlsdException {
        assertThat(LlsdXml.parse(LlsdXml.formatPretty(value))).isEqualTo(value);
    }

    @Property(tries = 400)
    void binaryRoundTrips(@ForAll("trees") Llsd value) throws LlsdException {
        assertThat(LlsdBinary.parse(LlsdBinary.format(value))).isEqualTo(value);
        assertThat(LlsdBinary.parse(LlsdBinary.formatWithHeader(value))).isEqualTo(value);
    }

    @Property(tries = 400)
    void notationRoundTrips(@ForAll("trees") Llsd value) throws LlsdException {
        String text = LlsdNotation.format(value);
        assertThat(text).matches("\\p{ASCII}*");
        assertThat(LlsdNotation.parse(text)).isEqualTo(value);
    }

    @Property(tries = 300)
    void crossFormatChainPreservesValue(@ForAll("trees") Llsd value) throws LlsdException {
        Llsd fromXml = LlsdXml.parse(LlsdXml.format(value));
        Llsd fromBinary = LlsdBinary.parse(LlsdBinary.format(fromXml));
        Llsd fromNotation = LlsdNotation.parse(LlsdNotation.format(fromBinary));
        Llsd back = LlsdXml.parse(LlsdXml.format(fromNotation));
        assertThat(back).isEqualTo(value);
    }

    @Property(tries = 300)
    void autoDetectionFindsEveryFormat(@ForAll("trees") Llsd value) throws LlsdException {
        assertThat(Llsd.parse(LlsdXml.formatBytes(value), null)).isEqualTo(value);
        assertThat(Llsd.parse(LlsdBinary.formatWithHeader(value), null)).isEqualTo(value);
    }

    @Property(tries = 300)
    void scalarTextConversionsAgreeWithParsers(@ForAll("trees") Llsd value) {
        // asString of a real parses back to the same real, like the codecs' own text.
        if (value instanceof Llsd.Real r) {
            assertThat(Llsd.of(Llsd.of(value.asString()).asReal())).isEqualTo(r);
        }
        if (value instanceof Llsd.Date d) {
            assertThat(Llsd.of(value.asString()).asDate()).isEqualTo(d.value());
        }
    }
}
