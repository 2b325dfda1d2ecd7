package slnet.protocol.llsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LlsdValueTest {

    private static final UUID ID = UUID.fromString("6bad258e-06f0-4dca-bbca-7b9b8a0d7b0f");

    @Test
    void undefConvertsToDefaults() {
        Llsd u = Llsd.undef();
        assertThat(u.isUndefined()).isTrue();
        assertThat(u.type()).isEqualTo(Llsd.Type.UNDEF);
        assertThat(u.asBoolean()).isFalse();
        assertThat(u.asInt()).isZero();
        assertThat(u.asReal()).isZero();
        assertThat(u.asString()).isEmpty();
        assertThat(u.asUuid()).isEqualTo(Llsd.NULL_UUID);
        assertThat(u.asDate()).isEqualTo(Instant.EPOCH);
        assertThat(u.asUri()).isEmpty();
        assertThat(u.asBinary()).isEmpty();
        assertThat(u.size()).isZero();
        assertThat(u.get("x")).isSameAs(Llsd.undef());
        assertThat(u.get(0)).isSameAs(Llsd.undef());
    }

    @Test
    void booleanConversions() {
        assertThat(Llsd.of(true).asInt()).isEqualTo(1);
        assertThat(Llsd.of(true).asReal()).isEqualTo(1.0);
        assertThat(Llsd.of(true).asString()).isEqualTo("true");
        assertThat(Llsd.of(false).asString()).isEmpty();
        assertThat(Llsd.of(2).asBoolean()).isTrue();
        assertThat(Llsd.of(0).asBoolean()).isFalse();
        assertThat(Llsd.of(0.5).asBoolean()).isTrue();
        assertThat(Llsd.of(Double.NaN).asBoolean()).isFalse();
        assertThat(Llsd.of("x").asBoolean()).isTrue();
        assertThat(Llsd.of("").asBoolean()).isFalse();
        assertThat(Llsd.of(ID).asBoolean()).isTrue();
        assertThat(Llsd.of(Llsd.NULL_UUID).asBoolean()).isFalse();
    }

    @Test
    void numericConversions() {
        assertThat(Llsd.of("12").asInt()).isEqualTo(12);
        assertThat(Llsd.of(" -3 ").asInt()).isEqualTo(-3);
        assertThat(Llsd.of("1.9").asInt()).isEqualTo(1);
        assertThat(Llsd.of("junk").asInt()).isZero();
        assertThat(Llsd.of(-2.7).asInt()).isEqualTo(-2);
        assertThat(Llsd.of(1e20).asInt()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Llsd.of(Double.NaN).asInt()).isZero();
        assertThat(Llsd.of("2.5").asReal()).isEqualTo(2.5);
        assertThat(Llsd.of("inf").asReal()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Llsd.of("0x10").asReal()).isZero();
        assertThat(Llsd.of(7).asReal()).isEqualTo(7.0);
        assertThat(Llsd.of(7).asString()).isEqualTo("7");
        assertThat(Llsd.of(Double.NEGATIVE_INFINITY).asString()).isEqualTo("-inf");
        Instant t = Instant.parse("2006-02-01T14:29:53.500Z");
        assertThat(Llsd.of(t).asReal()).isEqualTo(1138804193.5);
        assertThat(Llsd.of(t).asInt()).isEqualTo(1138804193);
    }

    @Test
    void textualConversions() {
        assertThat(Llsd.of(ID).asString()).isEqualTo(ID.toString());
        assertThat(Llsd.of(ID.toString().toUpperCase()).asUuid()).isEqualTo(ID);
        assertThat(Llsd.of("nope").asUuid()).isEqualTo(Llsd.NULL_UUID);
        assertThat(Llsd.of("2006-02-01T14:29:53Z").asDate()).isEqualTo(Instant.parse("2006-02-01T14:29:53Z"));
        assertThat(Llsd.of(1138804193).asDate()).isEqualTo(Instant.parse("2006-02-01T14:29:53Z"));
        assertThat(Llsd.of(1138804193.25).asDate()).isEqualTo(Instant.parse("2006-02-01T14:29:53.25Z"));
        assertThat(Llsd.of("bad").asDate()).isEqualTo(Instant.EPOCH);
        assertThat(Llsd.of(Instant.parse("2006-02-01T14:29:53Z")).asString()).isEqualTo("2006-02-01T14:29:53Z");
        assertThat(Llsd.of("http://a/").asUri()).isEqualTo("http://a/");
        assertThat(Llsd.of(URI.create("http://a/b")).asUri()).isEqualTo("http://a/b");
        assertThat(((Llsd.Uri) Llsd.uri("http://a/b")).toUri()).isEqualTo(URI.create("http://a/b"));
        assertThat(((Llsd.Uri) Llsd.uri("not a uri")).toUri()).isNull();
        assertThat(Llsd.uri("u").asString()).isEqualTo("u");
        assertThat(Llsd.of(new byte[] {1}).asString()).isEmpty();
        assertThat(Llsd.of(3).asUri()).isEmpty();
    }

    @Test
    void binaryIsDefensivelyCopiedAndComparedByContent() {
        byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
        Llsd b = Llsd.of(bytes);
        bytes[0] = 'z';
        assertThat(b.asBinary()).containsExactly('a', 'b', 'c');
        b.asBinary()[1] = 'z';
        assertThat(b.asBinary()).containsExactly('a', 'b', 'c');
        assertThat(b).isEqualTo(Llsd.of(new byte[] {'a', 'b', 'c'}));
        assertThat(b.hashCode()).isEqualTo(Llsd.of(new byte[] {'a', 'b', 'c'}).hashCode());
        assertThat(b.toString()).contains("3 bytes");
    }

    @Test
    void mapsKeepInsertionOrderAndAreUnmodifiable() {
        LinkedHashMap<String, Llsd> source = new LinkedHashMap<>();
        source.put("z", Llsd.of(1));
        source.put("a", Llsd.of(2));
        Llsd.Map m = new Llsd.Map(source);
        source.put("late", Llsd.of(3));
        assertThat(m.entries().keySet()).containsExactly("z", "a");
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.get("a").asInt()).isEqualTo(2);
        assertThat(m.get("missing").isUndefined()).isTrue();
        assertThat(m.has("z")).isTrue();
        assertThat(m.get(0).isUndefined()).isTrue();
        assertThatThrownBy(() -> m.entries().put("x", Llsd.undef())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m).isEqualTo(Llsd.mapOf("a", Llsd.of(2), "z", Llsd.of(1)));
    }

    @Test
    void mapBuilderAndMapOf() {
        Llsd.Map m = Llsd.map().put("s", "x").put("i", 1).put("r", 1.5).put("b", true).put("u", ID).put("v", Llsd.undef()).build();
        assertThat(m.entries().keySet()).containsExactly("s", "i", "r", "b", "u", "v");
        assertThat(m.get("u").asUuid()).isEqualTo(ID);
        assertThatThrownBy(() -> Llsd.mapOf("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Llsd.mapOf(1, Llsd.undef())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysAreUnmodifiableCopies() {
        List<Llsd> source = new ArrayList<>(List.of(Llsd.of(1), Llsd.of(2)));
        Llsd.Array a = Llsd.arrayOf(source);
        source.add(Llsd.of(3));
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.get(1).asInt()).isEqualTo(2);
        assertThat(a.get(2).isUndefined()).isTrue();
        assertThat(a.get(-1).isUndefined()).isTrue();
        assertThat(a.get("k").isUndefined()).isTrue();
        assertThat(a.asList()).hasSize(2);
        assertThat(Llsd.of(1).asList()).isEmpty();
        assertThat(Llsd.of(1).asMap()).isEmpty();
        assertThatThrownBy(() -> a.elements().add(Llsd.undef())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void realEqualityDistinguishesSignedZeroAndEqualsNaN() {
        assertThat(Llsd.of(Double.NaN)).isEqualTo(Llsd.of(Double.NaN));
        assertThat(Llsd.of(0.0)).isNotEqualTo(Llsd.of(-0.0));
    }

    @Test
    void nullFactoriesGiveUndef() {
        assertThat(Llsd.of((String) null).isUndefined()).isTrue();
        assertThat(Llsd.of((UUID) null).isUndefined()).isTrue();
        assertThat(Llsd.of((byte[]) null).isUndefined()).isTrue();
        assertThat(Llsd.of((Instant) null).isUndefined()).isTrue();
        assertThat(Llsd.uri(null).isUndefined()).isTrue();
    }

    @Test
    void longsMustFitLlsdIntegers() {
        assertThat(Llsd.of(5L)).isEqualTo(Llsd.of(5));
        assertThatThrownBy(() -> Llsd.of(1L << 40)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsignedNumbersTravelAsBigEndianBinary() {
        long handle = (256000L << 32) | 512000L;
        Llsd h = Llsd.ofU64(handle);
        assertThat(h.asBinary()).hasSize(8).startsWith(0, 3, 0xE8, 0);
        assertThat(h.asLong()).isEqualTo(handle);
        assertThat(Llsd.ofU64(-1L).asLong()).isEqualTo(-1L);
        assertThat(Llsd.ofU32(0xFFFFFFFFL).asBinary()).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
        assertThat(Llsd.ofU32(0xFFFFFFFFL).asLong()).isEqualTo(0xFFFFFFFFL);
        assertThat(Llsd.of(-5).asLong()).isEqualTo(-5L);
        assertThat(Llsd.of("12345678901").asLong()).isEqualTo(12345678901L);
        assertThat(Llsd.of(3e10).asLong()).isEqualTo(30_000_000_000L);
        assertThat(Llsd.of(new byte[9]).asLong()).isZero();
        assertThat(Llsd.of(true).asLong()).isEqualTo(1L);
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> LlsdLimits.DEFAULT.withMaxDepth(LlsdLimits.MAX_DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LlsdLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LlsdLimits.DEFAULT.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LlsdLimits.DEFAULT.withMaxElements(5).maxElements()).isEqualTo(5);
    }
}
