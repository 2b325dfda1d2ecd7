package slnet;

/** Who said a chat line ({@code ChatFromSimulator.SourceType}). */
public enum ChatSourceType {
    /** The simulator itself. */
    SYSTEM,
    /** An avatar. */
    AGENT,
    /** An object (a script). */
    OBJECT,
    /** A value this library does not know. */
    UNKNOWN;

    /**
     * Maps a wire value.
     *
     * @param code 0, 1 or 2
     * @return the source type, or {@link #UNKNOWN}
     */
    public static ChatSourceType fromCode(int code) {
        return switch (code) {
            case 0 -> SYSTEM;
            case 1 -> AGENT;
            case 2 -> OBJECT;
            default -> UNKNOWN;
        };
    }
}
