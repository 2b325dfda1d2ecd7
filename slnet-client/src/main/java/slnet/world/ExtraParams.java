package slnet.world;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * An object's extra parameters ({@code ExtraParams} field): a U8 count, then per parameter a U16
 * type, a U32 size and that many bytes. Flexible (0x10), light (0x20), sculpt and mesh (0x30) and
 * light image (0x40) are decoded; others are kept as bytes by type.
 *
 * @param flexible the flexible-path parameters, or null
 * @param light the light, or null
 * @param sculpt the sculpt map or mesh, or null
 * @param lightImage the projector texture, or null
 * @param others the parameters of other types, raw, by type
 */
public record ExtraParams(Flexible flexible, Light light, Sculpt sculpt, LightImage lightImage,
                          Map<Integer, Bytes> others) {
    /** No parameters. */
    public static final ExtraParams NONE = new ExtraParams(null, null, null, null, Map.of());
    /** The viewer's bound on one parameter's size. */
    public static final int MAX_PARAM_SIZE = 4096;
    private static final int FLEXIBLE = 0x10;
    private static final int LIGHT = 0x20;
    private static final int SCULPT = 0x30;
    private static final int LIGHT_IMAGE = 0x40;

    /** Keeps the map unmodifiable. */
    public ExtraParams {
        others = Collections.unmodifiableMap(new TreeMap<>(others));
    }

    /**
     * Returns true if the object is a mesh (a sculpt of type 5).
     *
     * @return true if the object is a mesh (a sculpt of type 5)
     */
    public boolean isMesh() {
        return sculpt != null && sculpt.type() == Sculpt.MESH;
    }

    /**
     * Flexible-path parameters.
     *
     * @param softness 0..3
     * @param tension 0..10
     * @param drag 0..10
     * @param gravity -10..10
     * @param wind 0..10
     * @param force a constant force
     */
    public record Flexible(int softness, float tension, float drag, float gravity, float wind, Vector3 force) {
    }

    /**
     * A point light.
     *
     * @param red 0..1
     * @param green 0..1
     * @param blue 0..1
     * @param intensity 0..1 (the colour's alpha)
     * @param radius meters
     * @param cutoff the cone's cutoff
     * @param falloff 0..2
     */
    public record Light(float red, float green, float blue, float intensity, float radius, float cutoff, float falloff) {
    }

    /**
     * A sculpt map or mesh asset.
     *
     * @param textureId the sculpt texture or mesh asset
     * @param type 1 sphere, 2 torus, 3 plane, 4 cylinder, 5 mesh
     * @param inverted turned inside out (flag 0x40)
     * @param mirrored mirrored (flag 0x80)
     */
    public record Sculpt(UUID textureId, int type, boolean inverted, boolean mirrored) {
        /** The type code of a mesh. */
        public static final int MESH = 5;
    }

    /**
     * A projector light's texture.
     *
     * @param textureId the texture
     * @param fieldOfView radians
     * @param focus meters
     * @param ambiance 0..1
     */
    public record LightImage(UUID textureId, float fieldOfView, float focus, float ambiance) {
    }

    /**
     * Decodes an {@code ExtraParams} field.
     *
     * @param field the bytes
     * @return the parameters; {@link #NONE} for an empty field
     * @throws ObjectDecodeException if a size exceeds what is there or a known parameter is short
     */
    public static ExtraParams decode(Bytes field) throws ObjectDecodeException {
        if (field.length() == 0) {
            return NONE;
        }
        return decode(new BlockReader(field));
    }

    static ExtraParams decode(BlockReader r) throws ObjectDecodeException {
        int count = r.u8("parameter count");
        Flexible flexible = null;
        Light light = null;
        Sculpt sculpt = null;
        LightImage lightImage = null;
        Map<Integer, Bytes> others = new TreeMap<>();
        for (int p = 0; p < count; p++) {
            int type = r.u16("parameter type");
            int size = r.u32("parameter size");
            if (size < 0 || size > MAX_PARAM_SIZE || size > r.remaining()) {
                throw new ObjectDecodeException(ObjectDecodeException.Reason.BAD_COUNT, r.position() - 4,
                        "parameter 0x" + Integer.toHexString(type) + " claims " + Integer.toUnsignedString(size)
                                + " bytes, " + r.remaining() + " left");
            }
            int end = r.position() + size;
            switch (type) {
                case FLEXIBLE -> {
                    need(size, 16, type, r);
                    int b0 = r.u8("flexible");
                    int b1 = r.u8("flexible");
                    int b2 = r.u8("flexible");
                    int b3 = r.u8("flexible");
                    flexible = new Flexible((b0 & 0x80) >> 6 | (b1 & 0x80) >> 7, (b0 & 0x7F) / 10f, (b1 & 0x7F) / 10f,
                            b2 / 10f - 10f, b3 / 10f, r.vector3("flexible force"));
                }
                case LIGHT -> {
                    need(size, 16, type, r);
                    int red = r.u8("light");
                    int green = r.u8("light");
                    int blue = r.u8("light");
                    int alpha = r.u8("light");
                    light = new Light(red / 255f, green / 255f, blue / 255f, alpha / 255f, r.f32("light radius"),
                            r.f32("light cutoff"), r.f32("light falloff"));
                }
                case SCULPT -> {
                    need(size, 17, type, r);
                    UUID texture = r.uuid("sculpt texture");
                    int t = r.u8("sculpt type");
                    sculpt = new Sculpt(texture, t & 0x07, (t & 0x40) != 0, (t & 0x80) != 0);
                }
                case LIGHT_IMAGE -> {
                    need(size, 28, type, r);
                    lightImage = new LightImage(r.uuid("light image texture"), r.f32("fov"), r.f32("focus"),
                            r.f32("ambiance"));
                }
                default -> others.put(type, r.bytes(size, "parameter"));
            }
            r.skip(end - r.position(), "parameter rest");
        }
        return new ExtraParams(flexible, light, sculpt, lightImage, others);
    }

    private static void need(int size, int needed, int type, BlockReader r) throws ObjectDecodeException {
        if (size < needed) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.TRUNCATED, r.position(),
                    "parameter 0x" + Integer.toHexString(type) + " has " + size + " bytes, needs " + needed);
        }
    }
}
