package slnet.testgrid.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * The binary motion blocks simulators pack into object updates for an avatar, little-endian as on
 * the wire. Stateless.
 *
 * <ul>
 *   <li>{@code ObjectUpdate.ObjectData.ObjectData}, 76 bytes: collision plane (4 floats), then
 *       position, velocity, acceleration, rotation (x, y, z of a unit quaternion) and angular
 *       velocity (3 floats each).</li>
 *   <li>{@code ImprovedTerseObjectUpdate.ObjectData.Data}, 60 bytes: local id (U32), state (U8),
 *       is-avatar (U8, 1), collision plane (4 floats), position (3 floats), then velocity (range
 *       &plusmn;128), acceleration (&plusmn;64), rotation (4 components, &plusmn;1) and angular
 *       velocity (&plusmn;64) as U16 values mapping the range linearly onto 0..65535.</li>
 * </ul>
 */
final class AvatarBlobs {
    /** Length of the full-precision avatar block of {@code ObjectUpdate}. */
    static final int OBJECT_DATA_LENGTH = 76;
    /** Length of an avatar's terse update block. */
    static final int TERSE_LENGTH = 60;

    private AvatarBlobs() {
    }

    /** An avatar standing still at a position, upright, with a default ground plane. */
    static Bytes objectData(Vector3 position) {
        ByteBuffer b = ByteBuffer.allocate(OBJECT_DATA_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        putCollisionPlane(b);
        putVector(b, position);
        putVector(b, Vector3.ZERO); // velocity
        putVector(b, Vector3.ZERO); // acceleration
        putVector(b, Vector3.ZERO); // rotation: identity, w implied
        putVector(b, Vector3.ZERO); // angular velocity
        return Bytes.unsafeWrap(b.array());
    }

    /** A terse update for an avatar standing still at a position. */
    static Bytes terse(int localId, Vector3 position) {
        return terse(localId, position, Vector3.ZERO);
    }

    /** A terse update for an avatar at a position, moving at a velocity (meters a second). */
    static Bytes terse(int localId, Vector3 position, Vector3 velocity) {
        ByteBuffer b = ByteBuffer.allocate(TERSE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(localId);
        b.put((byte) 0); // state
        b.put((byte) 1); // is avatar: a collision plane follows
        putCollisionPlane(b);
        putVector(b, position);
        putQuantised(b, velocity.x(), 128);
        putQuantised(b, velocity.y(), 128);
        putQuantised(b, velocity.z(), 128);
        for (int i = 0; i < 3; i++) {
            putQuantised(b, 0, 64);
        }
        putQuantised(b, 0, 1);
        putQuantised(b, 0, 1);
        putQuantised(b, 0, 1);
        putQuantised(b, 1, 1); // rotation w: identity
        for (int i = 0; i < 3; i++) {
            putQuantised(b, 0, 64);
        }
        return Bytes.unsafeWrap(b.array());
    }

    /** Reads the position out of either block; for tests and sanity checks. */
    static Vector3 position(Bytes block) {
        ByteBuffer b = ByteBuffer.wrap(block.toArray()).order(ByteOrder.LITTLE_ENDIAN);
        int at = switch (block.length()) {
            case OBJECT_DATA_LENGTH -> 16;
            case TERSE_LENGTH -> 6 + 16;
            default -> throw new IllegalArgumentException("not an avatar block: " + block.length() + " bytes");
        };
        return new Vector3(b.getFloat(at), b.getFloat(at + 4), b.getFloat(at + 8));
    }

    /** The plane the avatar stands on: normal straight up, through the origin. */
    private static void putCollisionPlane(ByteBuffer b) {
        b.putFloat(0).putFloat(0).putFloat(1).putFloat(0);
    }

    private static void putVector(ByteBuffer b, Vector3 v) {
        b.putFloat(v.x()).putFloat(v.y()).putFloat(v.z());
    }

    private static void putQuantised(ByteBuffer b, float value, float range) {
        float clamped = Math.max(-range, Math.min(range, value));
        int q = Math.round((clamped + range) / (2 * range) * 65535f);
        b.putShort((short) q);
    }
}
