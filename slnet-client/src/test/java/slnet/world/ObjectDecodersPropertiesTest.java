package slnet.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import slnet.protocol.types.Bytes;

/**
 * Any bytes give the decoders a typed result or an {@link ObjectDecodeException}, never another
 * exception; and values they must read back, they do.
 */
class ObjectDecodersPropertiesTest {

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(400);
    }

    @Provide
    Arbitrary<byte[]> motionSized() {
        return Arbitraries.of(0, 15, 16, 17, 32, 44, 48, 60, 76, 80).flatMap(n ->
                Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Property(tries = 2000)
    void motionBlocksDecodeOrRejectTyped(@ForAll("motionSized") byte[] bytes) {
        try {
            ObjectMotion m = ObjectMotions.decodeFull(Bytes.copyOf(bytes));
            assertThat(bytes.length).isIn(16, 32, 48, 60, 76);
            double norm = Math.sqrt(m.rotation().x() * m.rotation().x() + m.rotation().y() * m.rotation().y()
                    + m.rotation().z() * m.rotation().z() + m.rotation().w() * m.rotation().w());
            assertThat(norm).isBetween(0.999, 1.001);
        } catch (ObjectDecodeException e) {
            assertThat(e.reason()).isEqualTo(ObjectDecodeException.Reason.BAD_LENGTH);
        }
    }

    @Property(tries = 2000)
    void terseBlocksDecodeOrRejectTyped(@ForAll("anyBytes") byte[] bytes) {
        try {
            ObjectMotions.TerseMotion t = ObjectMotions.decodeTerse(Bytes.copyOf(bytes));
            assertThat(bytes.length).isGreaterThanOrEqualTo(t.avatar() ? 60 : 44);
            assertThat(t.motion().velocity().x()).isBetween(-128f, 128f);
        } catch (ObjectDecodeException e) {
            assertThat(e.reason()).isEqualTo(ObjectDecodeException.Reason.TRUNCATED);
        }
    }

    @Property(tries = 2000)
    void textureEntriesDecodeOrRejectTyped(@ForAll("anyBytes") byte[] bytes) {
        try {
            TextureEntry te = TextureEntry.decode(Bytes.copyOf(bytes));
            assertThat(te.faces().keySet()).allMatch(f -> f >= 0 && f < TextureEntry.MAX_FACES);
        } catch (ObjectDecodeException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
    }

    @Property(tries = 2000)
    void extraParamsDecodeOrRejectTyped(@ForAll("anyBytes") byte[] bytes) {
        try {
            ExtraParams.decode(Bytes.copyOf(bytes));
        } catch (ObjectDecodeException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
    }

    @Property(tries = 3000)
    void compressedBlocksDecodeOrRejectTyped(@ForAll("anyBytes") byte[] bytes, @ForAll int updateFlags) {
        try {
            ObjectUpdateDecoder.decodeCompressed(1L, updateFlags, Bytes.copyOf(bytes));
        } catch (ObjectDecodeException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
    }

    /** A valid compressed head followed by random flags and bytes: the flag-driven parts are exercised. */
    @Property(tries = 3000)
    void compressedBlocksWithAnyFlagsDecodeOrRejectTyped(@ForAll @IntRange(min = 0, max = 0x7FF) int flags,
                                                         @ForAll @Size(max = 300) byte[] tail) {
        ByteBuffer b = ByteBuffer.allocate(84 + tail.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[16]).putInt(42).put((byte) 9).put((byte) 0).putInt(7).put((byte) 3).put((byte) 0);
        b.putFloat(1).putFloat(1).putFloat(1).putFloat(10).putFloat(20).putFloat(30);
        b.putFloat(0).putFloat(0).putFloat(0).putInt(flags).put(new byte[16]).put(tail);
        try {
            WorldObject o = ObjectUpdateDecoder.decodeCompressed(1L, 0, Bytes.copyOf(b.array()));
            assertThat(o.localId()).isEqualTo(42);
            assertThat(o.position().y()).isEqualTo(20f);
        } catch (ObjectDecodeException e) {
            assertThat(e.offset()).isBetween(84, 84 + tail.length);
        }
    }

    @Property(tries = 500)
    void aTextureEntryKeepsWhatItSays(@ForAll @IntRange(min = 0, max = 44) int face, @ForAll long hi, @ForAll long lo) {
        UUID def = new UUID(1, 2);
        UUID other = new UUID(hi, lo);
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        b.putLong(1).putLong(2);
        // bitfield for one face, 7 bits per byte, most significant first
        long bits = 1L << face;
        byte[] field = bitfield(bits);
        b.put(field).putLong(hi).putLong(lo).put((byte) 0);
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        try {
            TextureEntry te = TextureEntry.decode(Bytes.copyOf(bytes));
            assertThat(te.defaultFace().textureId()).isEqualTo(def);
            assertThat(te.face(face).textureId()).isEqualTo(other);
            assertThat(te.face((face + 1) % TextureEntry.MAX_FACES).textureId()).isEqualTo(def);
            assertThat(te.faces()).containsOnlyKeys(face);
        } catch (ObjectDecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bitfield(long bits) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(bits) + 6) / 7);
        byte[] out = new byte[groups];
        for (int i = 0; i < groups; i++) {
            int shift = 7 * (groups - 1 - i);
            out[i] = (byte) ((bits >>> shift) & 0x7F | (i < groups - 1 ? 0x80 : 0));
        }
        return out;
    }
}
