package slnet.world;

/** A prim's physical material (the low nibble of {@code Material} on the wire). */
public enum Material {
    /** 0 */ STONE,
    /** 1 */ METAL,
    /** 2 */ GLASS,
    /** 3 */ WOOD,
    /** 4 */ FLESH,
    /** 5 */ PLASTIC,
    /** 6 */ RUBBER,
    /** 7: the legacy "light" material. */ LIGHT,
    /** Any other code. */ UNKNOWN;

    private static final Material[] BY_CODE = {STONE, METAL, GLASS, WOOD, FLESH, PLASTIC, RUBBER, LIGHT};

    /**
     * Returns its material, or {@link #UNKNOWN}.
     *
     * @param code the wire byte
     * @return its material, or {@link #UNKNOWN}
     */
    public static Material fromCode(int code) {
        int c = code & 0x0F;
        return c < BY_CODE.length ? BY_CODE[c] : UNKNOWN;
    }
}
