package slnet.testgrid.sim;

import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * Walking physics good enough for a viewer's autopilot: an avatar goes along its body rotation
 * while it holds the movement controls, at Second Life's walking, running and flying speeds, stays
 * in the region and, unless flying, at its height. No collisions, gravity or terrain.
 */
final class AvatarPhysics {
    static final int AT_POS = 0x1;
    static final int AT_NEG = 0x2;
    static final int LEFT_POS = 0x4;
    static final int LEFT_NEG = 0x8;
    static final int UP_POS = 0x10;
    static final int UP_NEG = 0x20;
    static final int FAST_AT = 0x400;
    static final int FLY = 0x2000;
    static final int STOP = 0x4000;
    static final int STAND_UP = 0x10000;
    static final int SIT_ON_GROUND = 0x20000;
    static final int NUDGE_AT_POS = 0x80000;
    static final int NUDGE_AT_NEG = 0x100000;
    static final int NUDGE_LEFT_POS = 0x200000;
    static final int NUDGE_LEFT_NEG = 0x400000;
    static final int NUDGE_UP_POS = 0x800000;
    static final int NUDGE_UP_NEG = 0x1000000;
    /** Meters a second. */
    static final float WALK = 3.2f;
    static final float RUN = 5.13f;
    static final float FLY_SPEED = 10f;
    private static final float EDGE = 0.5f;
    private static final float REGION = 256f;
    private static final float CEILING = 4096f;

    private AvatarPhysics() {
    }

    /** True if the flags move the avatar at all. */
    static boolean moving(int flags) {
        if ((flags & STOP) != 0) {
            return false;
        }
        int horizontal = AT_POS | AT_NEG | LEFT_POS | LEFT_NEG | NUDGE_AT_POS | NUDGE_AT_NEG | NUDGE_LEFT_POS
                | NUDGE_LEFT_NEG;
        int vertical = UP_POS | UP_NEG | NUDGE_UP_POS | NUDGE_UP_NEG;
        return (flags & horizontal) != 0 || ((flags & FLY) != 0 && (flags & vertical) != 0);
    }

    /**
     * Where the avatar is after {@code seconds} holding {@code flags}.
     *
     * @param from where it is
     * @param flags the control flags it holds
     * @param body its body rotation
     * @param alwaysRun set by SetAlwaysRun
     * @param seconds the time step
     * @return the new position, inside the region
     */
    static Vector3 step(Vector3 from, int flags, Quaternion body, boolean alwaysRun, float seconds) {
        if (!moving(flags)) {
            return from;
        }
        boolean flying = (flags & FLY) != 0;
        float at = axis(flags, AT_POS | NUDGE_AT_POS, AT_NEG | NUDGE_AT_NEG);
        float left = axis(flags, LEFT_POS | NUDGE_LEFT_POS, LEFT_NEG | NUDGE_LEFT_NEG);
        float up = flying ? axis(flags, UP_POS | NUDGE_UP_POS, UP_NEG | NUDGE_UP_NEG) : 0;
        float speed = flying ? FLY_SPEED : alwaysRun || (flags & FAST_AT) != 0 ? RUN : WALK;
        Vector3 turned = body.rotate(new Vector3(at, left, 0));
        float length = (float) Math.hypot(turned.x(), turned.y());
        float dx = length == 0 ? 0 : turned.x() / length * speed * seconds;
        float dy = length == 0 ? 0 : turned.y() / length * speed * seconds;
        float dz = up * speed * seconds;
        return new Vector3(clamp(from.x() + dx, EDGE, REGION - EDGE), clamp(from.y() + dy, EDGE, REGION - EDGE),
                clamp(from.z() + dz, 0, CEILING));
    }

    private static float axis(int flags, int positive, int negative) {
        return ((flags & positive) != 0 ? 1 : 0) - ((flags & negative) != 0 ? 1 : 0);
    }

    private static float clamp(float v, float min, float max) {
        return Math.max(min, Math.min(max, v));
    }

}
