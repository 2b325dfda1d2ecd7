package slnet.world;

import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector4;

/**
 * Decoders of the binary motion blocks (little-endian).
 *
 * <p>{@code ObjectUpdate.ObjectData.ObjectData} is told apart by its length alone, as the viewer
 * does: 76 bytes (a 16-byte collision plane, then position, velocity, acceleration, rotation as the
 * x, y, z of a unit quaternion with w >= 0, and angular velocity, all F32) and 60 (the same without
 * the plane); 48 (plane) and 32: U16 quantised, position x and y over -128..384 (half a region
 * beyond each edge), z over -256..768, velocity, acceleration and angular velocity over -256..256,
 * rotation x, y, z, w over -1..1; 16: the same as single bytes.
 *
 * <p>{@code ImprovedTerseObjectUpdate.ObjectData.Data}: local id U32, state U8, is-avatar U8, a
 * collision plane (16 bytes) only for avatars, position F32x3, then U16 quantised velocity over
 * -128..128, acceleration over -64..64, rotation over -1..1 and angular velocity over -64..64:
 * 44 bytes, 60 for an avatar. Trailing bytes are ignored (the viewer reads only what it knows).
 *
 * <p>Quantised values decode as the viewer's {@code U16_to_F32}: a value within one step of zero
 * is exactly zero. Rotations are normalised (an all-zero one becomes the identity).
 */
public final class ObjectMotions {
    /** Full precision with collision plane. */
    public static final int FULL_AVATAR = 76;
    /** Full precision. */
    public static final int FULL = 60;
    /** U16 quantised with collision plane. */
    public static final int QUANTISED_AVATAR = 48;
    /** U16 quantised. */
    public static final int QUANTISED = 32;
    /** U8 quantised. */
    public static final int BYTES = 16;
    /** A terse block without collision plane. */
    public static final int TERSE = 44;
    /** A terse block with collision plane (an avatar). */
    public static final int TERSE_AVATAR = 60;

    private static final float REGION = 256f;
    private static final float MIN_HEIGHT = -256f;
    private static final float MAX_HEIGHT = 768f;

    private ObjectMotions() {
    }

    /**
     * Decodes the motion block of a full update.
     *
     * @param block {@code ObjectUpdate.ObjectData.ObjectData}
     * @return the motion
     * @throws ObjectDecodeException if its length is none of 76, 60, 48, 32, 16
     */
    public static ObjectMotion decodeFull(Bytes block) throws ObjectDecodeException {
        int n = block.length();
        switch (n) {
            case FULL_AVATAR, FULL -> {
                int at = 0;
                Vector4 plane = null;
                if (n == FULL_AVATAR) {
                    plane = new Vector4(f(block, 0), f(block, 4), f(block, 8), f(block, 12));
                    at = 16;
                }
                return new ObjectMotion(v3(block, at), v3(block, at + 12), v3(block, at + 24),
                        unit(Quaternion.fromWire(f(block, at + 36), f(block, at + 40), f(block, at + 44))),
                        v3(block, at + 48), plane);
            }
            case QUANTISED_AVATAR, QUANTISED -> {
                int at = 0;
                Vector4 plane = null;
                if (n == QUANTISED_AVATAR) {
                    plane = new Vector4(f(block, 0), f(block, 4), f(block, 8), f(block, 12));
                    at = 16;
                }
                Vector3 pos = new Vector3(u16(block, at, -0.5f * REGION, 1.5f * REGION),
                        u16(block, at + 2, -0.5f * REGION, 1.5f * REGION), u16(block, at + 4, MIN_HEIGHT, MAX_HEIGHT));
                Vector3 vel = u16v(block, at + 6, REGION);
                Vector3 acc = u16v(block, at + 12, REGION);
                Quaternion rot = unit(new Quaternion(u16(block, at + 18, -1, 1), u16(block, at + 20, -1, 1),
                        u16(block, at + 22, -1, 1), u16(block, at + 24, -1, 1)));
                return new ObjectMotion(pos, vel, acc, rot, u16v(block, at + 26, REGION), plane);
            }
            case BYTES -> {
                Vector3 pos = new Vector3(u8(block, 0, -0.5f * REGION, 1.5f * REGION),
                        u8(block, 1, -0.5f * REGION, 1.5f * REGION), u8(block, 2, MIN_HEIGHT, MAX_HEIGHT));
                Vector3 vel = new Vector3(u8(block, 3, -REGION, REGION), u8(block, 4, -REGION, REGION),
                        u8(block, 5, -REGION, REGION));
                Vector3 acc = new Vector3(u8(block, 6, -REGION, REGION), u8(block, 7, -REGION, REGION),
                        u8(block, 8, -REGION, REGION));
                Quaternion rot = unit(new Quaternion(u8(block, 9, -1, 1), u8(block, 10, -1, 1), u8(block, 11, -1, 1),
                        u8(block, 12, -1, 1)));
                Vector3 omega = new Vector3(u8(block, 13, -REGION, REGION), u8(block, 14, -REGION, REGION),
                        u8(block, 15, -REGION, REGION));
                return new ObjectMotion(pos, vel, acc, rot, omega, null);
            }
            default -> throw new ObjectDecodeException(ObjectDecodeException.Reason.BAD_LENGTH, 0,
                    "motion block of " + n + " bytes (76, 60, 48, 32 or 16 expected)");
        }
    }

    /**
     * A decoded terse block.
     *
     * @param localId the object's local id
     * @param state its state byte
     * @param avatar whether the block carried an avatar's collision plane
     * @param motion the motion
     */
    public record TerseMotion(int localId, int state, boolean avatar, ObjectMotion motion) {
    }

    /**
     * Decodes a terse block into a new value (the store applies blocks in place instead, see
     * {@link #applyTerse}).
     *
     * @param data {@code ImprovedTerseObjectUpdate.ObjectData.Data}
     * @return the decoded block
     * @throws ObjectDecodeException if it is shorter than its kind needs
     */
    public static TerseMotion decodeTerse(Bytes data) throws ObjectDecodeException {
        MutableMotion m = new MutableMotion();
        int localId = terseLocalId(data);
        applyTerse(data, m);
        return new TerseMotion(localId, data.get(4) & 0xFF, data.get(5) != 0, m.toMotion());
    }

    /**
     * @param data a terse block
     * @return its local id
     * @throws ObjectDecodeException if shorter than the id, state and avatar bytes
     */
    static int terseLocalId(Bytes data) throws ObjectDecodeException {
        if (data.length() < 6) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.TRUNCATED, 0,
                    "terse block of " + data.length() + " bytes");
        }
        return BlockReader.intAt(data, 0);
    }

    /** Writes a terse block's motion into {@code m} without allocating; checks the length first. */
    static void applyTerse(Bytes data, MutableMotion m) throws ObjectDecodeException {
        int n = data.length();
        if (n < 6) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.TRUNCATED, 0, "terse block of " + n + " bytes");
        }
        boolean avatar = data.get(5) != 0;
        int at = 6;
        int needed = avatar ? TERSE_AVATAR : TERSE;
        if (n < needed) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.TRUNCATED, n,
                    "terse block of " + n + " bytes, " + needed + " needed" + (avatar ? " for an avatar" : ""));
        }
        if (avatar) {
            m.hasPlane = true;
            m.planeX = f(data, 6);
            m.planeY = f(data, 10);
            m.planeZ = f(data, 14);
            m.planeW = f(data, 18);
            at = 22;
        }
        m.px = f(data, at);
        m.py = f(data, at + 4);
        m.pz = f(data, at + 8);
        m.vx = u16(data, at + 12, -128, 128);
        m.vy = u16(data, at + 14, -128, 128);
        m.vz = u16(data, at + 16, -128, 128);
        m.ax = u16(data, at + 18, -64, 64);
        m.ay = u16(data, at + 20, -64, 64);
        m.az = u16(data, at + 22, -64, 64);
        m.setRotation(u16(data, at + 24, -1, 1), u16(data, at + 26, -1, 1), u16(data, at + 28, -1, 1),
                u16(data, at + 30, -1, 1));
        m.wx = u16(data, at + 32, -64, 64);
        m.wy = u16(data, at + 34, -64, 64);
        m.wz = u16(data, at + 36, -64, 64);
    }

    static float u16(Bytes b, int at, float lower, float upper) {
        float delta = upper - lower;
        float v = BlockReader.u16At(b, at) * (1f / 65535f) * delta + lower;
        return Math.abs(v) < delta * (1f / 65535f) ? 0f : v;
    }

    private static float u8(Bytes b, int at, float lower, float upper) {
        float delta = upper - lower;
        float v = (b.get(at) & 0xFF) * (1f / 255f) * delta + lower;
        return Math.abs(v) < delta * (1f / 255f) ? 0f : v;
    }

    private static Vector3 u16v(Bytes b, int at, float range) {
        return new Vector3(u16(b, at, -range, range), u16(b, at + 2, -range, range), u16(b, at + 4, -range, range));
    }

    private static float f(Bytes b, int at) {
        return BlockReader.floatAt(b, at);
    }

    private static Vector3 v3(Bytes b, int at) {
        return new Vector3(f(b, at), f(b, at + 4), f(b, at + 8));
    }

    static Quaternion unit(Quaternion q) {
        double norm = Math.sqrt((double) q.x() * q.x() + (double) q.y() * q.y() + (double) q.z() * q.z()
                + (double) q.w() * q.w());
        if (!(norm > 1e-6) || Double.isInfinite(norm)) {
            return Quaternion.IDENTITY;
        }
        return new Quaternion((float) (q.x() / norm), (float) (q.y() / norm), (float) (q.z() / norm),
                (float) (q.w() / norm));
    }
}
