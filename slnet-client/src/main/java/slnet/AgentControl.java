package slnet;

import java.util.Set;

/**
 * The controls an agent holds down, as the viewer sends them in {@code AgentUpdate}'s control flags
 * (the bit values are the viewer's {@code AGENT_CONTROL_*}). The simulator moves the avatar along
 * its body rotation while they are held.
 */
public enum AgentControl {
    /** Forward (W, up arrow). */
    FORWARD(0x1),
    /** Backward (S, down arrow). */
    BACK(0x2),
    /** Strafe left. */
    LEFT(0x4),
    /** Strafe right. */
    RIGHT(0x8),
    /** Up: jump, or rise when flying. */
    UP(0x10),
    /** Down: crouch, or sink when flying. */
    DOWN(0x20),
    /** Run instead of walk while moving forward. */
    FAST_FORWARD(0x400),
    /** Fly. */
    FLY(0x2000),
    /** Stop at once. */
    STOP(0x4000),
    /** Turn left (the viewer's yaw key). */
    TURN_LEFT(0x2000000),
    /** Turn right. */
    TURN_RIGHT(0x4000000),
    /** Away from the keyboard. */
    AWAY(0x8000000);

    /** Sent once to stand up from a seat or the ground. */
    static final int STAND_UP = 0x10000;
    /** Sent once to sit down on the ground. */
    static final int SIT_ON_GROUND = 0x20000;

    private final int bit;

    AgentControl(int bit) {
        this.bit = bit;
    }

    /**
     * The control's bit in {@code AgentUpdate.ControlFlags}.
     *
     * @return the bit
     */
    public int bit() {
        return bit;
    }

    /**
     * The control flags of a set of controls.
     *
     * @param controls the controls held
     * @return their bits or'ed together
     */
    public static int flags(Set<AgentControl> controls) {
        int flags = 0;
        for (AgentControl control : controls) {
            flags |= control.bit;
        }
        return flags;
    }
}
