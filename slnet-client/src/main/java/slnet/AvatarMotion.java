package slnet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Reads an avatar's position out of the binary motion blocks of object updates (little-endian):
 * {@code ObjectUpdate.ObjectData.ObjectData} (76 bytes with a collision plane first, 60 without)
 * and {@code ImprovedTerseObjectUpdate.ObjectData.Data} (local id U32, state U8, is-avatar U8, a
 * 16-byte collision plane only for avatars, then the position). Lengths are checked before reading;
 * anything else yields null.
 */
final class AvatarMotion {
    private static final int FULL_WITH_PLANE = 76;
    private static final int FULL_WITHOUT_PLANE = 60;
    private static final int TERSE_HEADER = 6;
    private static final int PLANE = 16;
    private static final int VECTOR = 12;

    private AvatarMotion() {
    }

    /** @return the position in an ObjectUpdate block, or null if it is not an avatar-sized block */
    static Vector3 fullUpdatePosition(Bytes block) {
        int at = switch (block.length()) {
            case FULL_WITH_PLANE -> PLANE;
            case FULL_WITHOUT_PLANE -> 0;
            default -> -1;
        };
        return at < 0 ? null : vector(block.toArray(), at);
    }

    /** @return the local id of a terse block, or -1 if too short */
    static long terseLocalId(Bytes block) {
        if (block.length() < TERSE_HEADER) {
            return -1;
        }
        return ByteBuffer.wrap(block.toArray(), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    /** @return the position in a terse block, or null if too short */
    static Vector3 tersePosition(Bytes block) {
        if (block.length() < TERSE_HEADER) {
            return null;
        }
        boolean avatar = block.get(5) != 0;
        int at = TERSE_HEADER + (avatar ? PLANE : 0);
        return block.length() < at + VECTOR ? null : vector(block.toArray(), at);
    }

    /** @return the velocity in an ObjectUpdate block (after the position), or null if not avatar-sized */
    static Vector3 fullUpdateVelocity(Bytes block) {
        int at = switch (block.length()) {
            case FULL_WITH_PLANE -> PLANE + VECTOR;
            case FULL_WITHOUT_PLANE -> VECTOR;
            default -> -1;
        };
        return at < 0 ? null : vector(block.toArray(), at);
    }

    /**
     * @return the velocity in a terse block (three U16 after the position, over -128..128 m/s, as
     *         the viewer reads them: a value within one step of zero is zero), or null if too short
     */
    static Vector3 terseVelocity(Bytes block) {
        if (block.length() < TERSE_HEADER) {
            return null;
        }
        boolean avatar = block.get(5) != 0;
        int at = TERSE_HEADER + (avatar ? PLANE : 0) + VECTOR;
        if (block.length() < at + 6) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(block.toArray()).order(ByteOrder.LITTLE_ENDIAN);
        return new Vector3(dequantise(b.getShort(at)), dequantise(b.getShort(at + 2)), dequantise(b.getShort(at + 4)));
    }

    private static float dequantise(short raw) {
        float step = 256f / 65535f;
        float v = (raw & 0xFFFF) * step - 128f;
        return Math.abs(v) < step ? 0f : v;
    }

    private static Vector3 vector(byte[] bytes, int at) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new Vector3(b.getFloat(at), b.getFloat(at + 4), b.getFloat(at + 8));
    }
}
