package slnet;

/**
 * The kind of a local chat line, as the protocol numbers it ({@code ChatFromViewer.Type},
 * {@code ChatFromSimulator.ChatType}). Whisper, normal and shout differ in range (10, 20 and 100 m).
 */
public enum ChatType {
    /** Heard within 10 m. */
    WHISPER(0),
    /** Heard within 20 m. */
    NORMAL(1),
    /** Heard within 100 m. */
    SHOUT(2),
    /** The speaker started typing; carries no text. */
    START_TYPING(4),
    /** The speaker stopped typing; carries no text. */
    STOP_TYPING(5),
    /** A script debug message. */
    DEBUG(6),
    /** Said to the whole region (llRegionSay). */
    REGION(7),
    /** Said by an object to its owner only. */
    OWNER(8),
    /** A value this library does not know. */
    UNKNOWN(-1);

    private final int code;

    ChatType(int code) {
        this.code = code;
    }

    /**
     * Returns the wire value, or -1 for {@link #UNKNOWN}.
     *
     * @return the wire value, or -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * Maps a wire value.
     *
     * @param code the wire value
     * @return its type, or {@link #UNKNOWN}
     */
    public static ChatType fromCode(int code) {
        for (ChatType type : values()) {
            if (type.code == code && type != UNKNOWN) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
