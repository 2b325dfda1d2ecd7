package slnet.world;

/** What kind of thing an object is: the {@code PCode} of its object update. */
public enum PCode {
    /** A prim (box, cylinder, sculpt, mesh...): code 9. */
    PRIM(9),
    /** An avatar: code 47. */
    AVATAR(47),
    /** Linden grass: code 95. */
    GRASS(95),
    /** A Linden tree of the newer kind: code 111. */
    NEW_TREE(111),
    /** A particle system without a prim: code 143. */
    PARTICLE_SYSTEM(143),
    /** A legacy Linden tree: code 255. */
    TREE(255),
    /** Any other code. */
    UNKNOWN(-1);

    private final int code;

    PCode(int code) {
        this.code = code;
    }

    /**
     * Returns the wire code, or -1 for {@link #UNKNOWN}.
     *
     * @return the wire code, or -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * Returns its kind, or {@link #UNKNOWN}.
     *
     * @param code a wire code (U8)
     * @return its kind, or {@link #UNKNOWN}
     */
    public static PCode fromCode(int code) {
        return switch (code & 0xFF) {
            case 9 -> PRIM;
            case 47 -> AVATAR;
            case 95 -> GRASS;
            case 111 -> NEW_TREE;
            case 143 -> PARTICLE_SYSTEM;
            case 255 -> TREE;
            default -> UNKNOWN;
        };
    }
}
