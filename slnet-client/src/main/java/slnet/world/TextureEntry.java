package slnet.world;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import slnet.protocol.types.Bytes;

/**
 * An object's textures: a default face and the faces that override it. On the wire each attribute
 * (texture, colour, repeats, offsets, rotation, material, media, glow, material id) is a default
 * value followed by {@code (face bitfield, value)} pairs ending with a zero bitfield; a bitfield is
 * 7 bits per byte, most significant first, the high bit saying another byte follows. Colours
 * travel inverted ({@code 255 - value}). Faces past {@link #MAX_FACES} are ignored, as the viewer
 * does; an attribute section that is entirely absent (the field ended) keeps its defaults.
 *
 * @param defaultFace the values of every face not overridden
 * @param faces the faces with at least one override, by face number
 */
public record TextureEntry(TextureFace defaultFace, Map<Integer, TextureFace> faces) {
    /** Faces a texture entry can address (the viewer's limit). */
    public static final int MAX_FACES = 45;
    /** A bitfield longer than this many bytes is rejected. */
    private static final int MAX_BITFIELD_BYTES = 7;
    private static final float TWO_PI = (float) (2 * Math.PI);

    /** No textures at all (an empty field). */
    public static final TextureEntry EMPTY = new TextureEntry(new TextureFace(-1, new UUID(0, 0), 1, 1, 1, 1,
            1, 1, 0, 0, 0, 0, 0, false, 0, 0, null), Map.of());

    /** Keeps the map unmodifiable. */
    public TextureEntry {
        faces = Collections.unmodifiableMap(new TreeMap<>(faces));
    }

    /**
     * Returns its settings: its overrides or the default face.
     *
     * @param face a face number
     * @return its settings: its overrides or the default face
     */
    public TextureFace face(int face) {
        TextureFace f = faces.get(face);
        return f != null ? f : defaultFace;
    }

    /**
     * Decodes a {@code TextureEntry} field.
     *
     * @param field the bytes
     * @return the entry; {@link #EMPTY} for an empty field
     * @throws ObjectDecodeException if the bytes end inside a value or a bitfield is too long
     */
    public static TextureEntry decode(Bytes field) throws ObjectDecodeException {
        if (field.length() == 0) {
            return EMPTY;
        }
        return decode(new BlockReader(field));
    }

    static TextureEntry decode(BlockReader r) throws ObjectDecodeException {
        int n = MAX_FACES + 1; // slot MAX_FACES holds the default
        UUID[] texture = new UUID[n];
        int[] color = new int[n];
        float[] repeatU = new float[n];
        float[] repeatV = new float[n];
        float[] offsetU = new float[n];
        float[] offsetV = new float[n];
        float[] rotation = new float[n];
        int[] material = new int[n];
        int[] media = new int[n];
        int[] glow = new int[n];
        UUID[] materialId = new UUID[n];
        long[] touched = {0};
        int d = MAX_FACES;

        texture[d] = r.uuid("default texture");
        java.util.Arrays.fill(texture, 0, d, texture[d]);
        for (long bits; (bits = bitfield(r)) != 0; ) {
            UUID v = r.uuid("face texture");
            apply(bits, touched, i -> texture[i] = v);
        }
        java.util.Arrays.fill(color, 0xFFFFFFFF); // the wire's inverted zero: white, opaque
        java.util.Arrays.fill(repeatU, 1);
        java.util.Arrays.fill(repeatV, 1);
        if (r.remaining() > 0) {
            int c = ~r.u32("default colour");
            java.util.Arrays.fill(color, c);
            for (long bits; (bits = bitfield(r)) != 0; ) {
                int v = ~r.u32("face colour");
                apply(bits, touched, i -> color[i] = v);
            }
        }
        if (r.remaining() > 0) {
            floats(r, repeatU, touched, "repeat U");
        }
        if (r.remaining() > 0) {
            floats(r, repeatV, touched, "repeat V");
        }
        if (r.remaining() > 0) {
            shorts(r, offsetU, touched, 1f / 32767f, "offset U");
        }
        if (r.remaining() > 0) {
            shorts(r, offsetV, touched, 1f / 32767f, "offset V");
        }
        if (r.remaining() > 0) {
            shorts(r, rotation, touched, TWO_PI / 32768f, "rotation");
        }
        if (r.remaining() > 0) {
            bytes(r, material, touched, "material");
        }
        if (r.remaining() > 0) {
            bytes(r, media, touched, "media");
        }
        if (r.remaining() > 0) {
            bytes(r, glow, touched, "glow");
        }
        if (r.remaining() >= 16) {
            UUID dm = r.uuid("default material id");
            java.util.Arrays.fill(materialId, dm);
            for (long bits; (bits = bitfield(r)) != 0; ) {
                UUID v = r.uuid("face material id");
                apply(bits, touched, i -> materialId[i] = v);
            }
        }
        TextureFace def = face(-1, d, texture, color, repeatU, repeatV, offsetU, offsetV, rotation, material, media,
                glow, materialId);
        Map<Integer, TextureFace> faces = new TreeMap<>();
        for (int i = 0; i < MAX_FACES; i++) {
            if ((touched[0] & (1L << i)) != 0) {
                faces.put(i, face(i, i, texture, color, repeatU, repeatV, offsetU, offsetV, rotation, material, media,
                        glow, materialId));
            }
        }
        return new TextureEntry(def, faces);
    }

    private static TextureFace face(int index, int i, UUID[] texture, int[] color, float[] repeatU, float[] repeatV,
                                    float[] offsetU, float[] offsetV, float[] rotation, int[] material, int[] media,
                                    int[] glow, UUID[] materialId) {
        int c = color[i];
        return new TextureFace(index, texture[i], (c & 0xFF) / 255f, (c >>> 8 & 0xFF) / 255f, (c >>> 16 & 0xFF) / 255f,
                (c >>> 24) / 255f, repeatU[i], repeatV[i], offsetU[i], offsetV[i], rotation[i], material[i] & 0x1F,
                material[i] >>> 6 & 0x03, (material[i] & 0x20) != 0, media[i], glow[i] / 255f, materialId[i]);
    }

    private interface FaceSetter {
        void set(int face);
    }

    private static void apply(long bits, long[] touched, FaceSetter setter) {
        long inRange = bits & ((1L << MAX_FACES) - 1);
        touched[0] |= inRange;
        for (long b = inRange; b != 0; b &= b - 1) {
            setter.set(Long.numberOfTrailingZeros(b));
        }
    }

    private static void floats(BlockReader r, float[] values, long[] touched, String what) throws ObjectDecodeException {
        float def = r.f32("default " + what);
        java.util.Arrays.fill(values, def);
        for (long bits; (bits = bitfield(r)) != 0; ) {
            float v = r.f32("face " + what);
            apply(bits, touched, i -> values[i] = v);
        }
    }

    private static void shorts(BlockReader r, float[] values, long[] touched, float scale, String what)
            throws ObjectDecodeException {
        float def = r.s16("default " + what) * scale;
        java.util.Arrays.fill(values, def);
        for (long bits; (bits = bitfield(r)) != 0; ) {
            float v = r.s16("face " + what) * scale;
            apply(bits, touched, i -> values[i] = v);
        }
    }

    private static void bytes(BlockReader r, int[] values, long[] touched, String what) throws ObjectDecodeException {
        int def = r.u8("default " + what);
        java.util.Arrays.fill(values, def);
        for (long bits; (bits = bitfield(r)) != 0; ) {
            int v = r.u8("face " + what);
            apply(bits, touched, i -> values[i] = v);
        }
    }

    /** Reads a face bitfield; 0 ends a section (also when the field ends, as the viewer reads it). */
    private static long bitfield(BlockReader r) throws ObjectDecodeException {
        if (r.remaining() == 0) {
            return 0;
        }
        long bits = 0;
        for (int n = 0; ; n++) {
            if (n == MAX_BITFIELD_BYTES) {
                throw new ObjectDecodeException(ObjectDecodeException.Reason.BAD_VALUE, r.position(),
                        "face bitfield longer than " + MAX_BITFIELD_BYTES + " bytes");
            }
            int b = r.u8("face bitfield");
            bits = bits << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return bits;
            }
        }
    }
}
