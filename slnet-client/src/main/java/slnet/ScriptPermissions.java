package slnet;

import java.util.Objects;

/**
 * The permissions a script may ask for ({@code llRequestPermissions}), as the bits of a
 * {@code ScriptQuestion}, and the policy that answers such questions.
 */
public final class ScriptPermissions {
    /** Take money from the agent ({@code PERMISSION_DEBIT}). */
    public static final int DEBIT = 0x2;
    /** Take the agent's controls ({@code PERMISSION_TAKE_CONTROLS}). */
    public static final int TAKE_CONTROLS = 0x4;
    /** Animate the avatar ({@code PERMISSION_TRIGGER_ANIMATION}). */
    public static final int TRIGGER_ANIMATION = 0x10;
    /** Attach the object to the avatar ({@code PERMISSION_ATTACH}). */
    public static final int ATTACH = 0x20;
    /** Link and unlink the agent's objects ({@code PERMISSION_CHANGE_LINKS}). */
    public static final int CHANGE_LINKS = 0x80;
    /** Read the camera's position ({@code PERMISSION_TRACK_CAMERA}). */
    public static final int TRACK_CAMERA = 0x400;
    /** Move the camera ({@code PERMISSION_CONTROL_CAMERA}). */
    public static final int CONTROL_CAMERA = 0x800;
    /** Teleport the agent ({@code PERMISSION_TELEPORT}). */
    public static final int TELEPORT = 0x1000;
    /** Act for the agent within an experience ({@code PERMISSION_EXPERIENCE}'s bit). */
    public static final int EXPERIENCE = 0x2000;
    /** Manage estate access lists silently ({@code PERMISSION_SILENT_ESTATE_MANAGEMENT}). */
    public static final int SILENT_ESTATE_MANAGEMENT = 0x4000;
    /** Replace the avatar's default animations ({@code PERMISSION_OVERRIDE_ANIMATIONS}). */
    public static final int OVERRIDE_ANIMATIONS = 0x8000;
    /** Return the agent's objects ({@code PERMISSION_RETURN_OBJECTS}). */
    public static final int RETURN_OBJECTS = 0x10000;

    private ScriptPermissions() {
    }

    /**
     * Decides which of the permissions a script asks for to grant. Called on the circuit's dispatch
     * thread: keep it quick.
     */
    @FunctionalInterface
    public interface Policy {
        /** Grants nothing: what a bot should do unless it knows the object. */
        Policy DENY_ALL = question -> 0;

        /**
         * Returns the bits to grant; bits not asked for are ignored.
         *
         * @param question what was asked ({@link ScriptQuestionReceived#granted()} is 0 here)
         * @return the bits to grant; bits not asked for are ignored
         */
        int grant(ScriptQuestionReceived question);

        /**
         * Grants at most these permissions, to any object.
         *
         * @param allowed the bits a script may get
         * @return the policy
         */
        static Policy allowing(int allowed) {
            return question -> question.questions() & allowed;
        }

        /**
         * Grants at most these permissions, to objects of one owner (by the name the simulator gives).
         *
         * @param ownerName the owner's name, "First Last"
         * @param allowed the bits a script of theirs may get
         * @return the policy
         */
        static Policy allowingOwner(String ownerName, int allowed) {
            Objects.requireNonNull(ownerName, "ownerName");
            return question -> question.ownerName().equalsIgnoreCase(ownerName) ? question.questions() & allowed : 0;
        }
    }
}
