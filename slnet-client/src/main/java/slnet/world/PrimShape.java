package slnet.world;

/**
 * A prim's shape: path and profile parameters, as the raw wire values and unpacked the way the
 * viewer unpacks them ({@code LLVolumeParams}): cuts in units of 1/50000, scale as
 * {@code (200 - raw) / 100}, shear, twist, radius offset, taper and skew in units of 1/100
 * (signed), revolutions as {@code 1 + raw * 0.015}, hollow in units of 1/50000.
 *
 * @param pathCurve path curve code (0x10 line, 0x20 circle, 0x30 circle 2, 0x80 flexible)
 * @param profileCurve profile curve code (low nibble: 0 circle, 1 square, 2 isosceles triangle,
 *     3 equilateral triangle, 4 right triangle, 5 half circle; high nibble: hole type)
 * @param pathBegin raw U16
 * @param pathEnd raw U16
 * @param pathScaleX raw U8
 * @param pathScaleY raw U8
 * @param pathShearX raw U8 (read as signed)
 * @param pathShearY raw U8 (read as signed)
 * @param pathTwist raw S8
 * @param pathTwistBegin raw S8
 * @param pathRadiusOffset raw S8
 * @param pathTaperX raw S8
 * @param pathTaperY raw S8
 * @param pathRevolutions raw U8
 * @param pathSkew raw S8
 * @param profileBegin raw U16
 * @param profileEnd raw U16
 * @param profileHollow raw U16
 */
public record PrimShape(int pathCurve, int profileCurve, int pathBegin, int pathEnd, int pathScaleX, int pathScaleY,
                        int pathShearX, int pathShearY, int pathTwist, int pathTwistBegin, int pathRadiusOffset,
                        int pathTaperX, int pathTaperY, int pathRevolutions, int pathSkew, int profileBegin,
                        int profileEnd, int profileHollow) {
    private static final float CUT_QUANTUM = 0.00002f;
    private static final float SCALE_QUANTUM = 0.01f;
    private static final float REV_QUANTUM = 0.015f;
    private static final float HOLLOW_QUANTUM = 0.00002f;

    /**
     * Returns where the path starts, 0..1.
     *
     * @return where the path starts, 0..1
     */
    public float pathBeginCut() {
        return pathBegin * CUT_QUANTUM;
    }

    /**
     * Returns where the path ends, 0..1.
     *
     * @return where the path ends, 0..1
     */
    public float pathEndCut() {
        return (50000 - pathEnd) * CUT_QUANTUM;
    }

    /**
     * Returns the path's x scale (taper at the top), 0..1 (2 for a few shapes).
     *
     * @return the path's x scale (taper at the top), 0..1 (2 for a few shapes)
     */
    public float pathScaleXValue() {
        return (200 - pathScaleX) * SCALE_QUANTUM;
    }

    /**
     * Returns the path's y scale.
     *
     * @return the path's y scale
     */
    public float pathScaleYValue() {
        return (200 - pathScaleY) * SCALE_QUANTUM;
    }

    /**
     * Returns the x shear, -0.5..0.5.
     *
     * @return the x shear, -0.5..0.5
     */
    public float pathShearXValue() {
        return (byte) pathShearX * SCALE_QUANTUM;
    }

    /**
     * Returns the y shear, -0.5..0.5.
     *
     * @return the y shear, -0.5..0.5
     */
    public float pathShearYValue() {
        return (byte) pathShearY * SCALE_QUANTUM;
    }

    /**
     * Returns the twist at the end, in turns, -1..1.
     *
     * @return the twist at the end, in turns, -1..1
     */
    public float pathTwistValue() {
        return pathTwist * SCALE_QUANTUM;
    }

    /**
     * Returns the twist at the start, in turns.
     *
     * @return the twist at the start, in turns
     */
    public float pathTwistBeginValue() {
        return pathTwistBegin * SCALE_QUANTUM;
    }

    /**
     * Returns the radius offset.
     *
     * @return the radius offset
     */
    public float pathRadiusOffsetValue() {
        return pathRadiusOffset * SCALE_QUANTUM;
    }

    /**
     * Returns the x taper, -1..1.
     *
     * @return the x taper, -1..1
     */
    public float pathTaperXValue() {
        return pathTaperX * SCALE_QUANTUM;
    }

    /**
     * Returns the y taper, -1..1.
     *
     * @return the y taper, -1..1
     */
    public float pathTaperYValue() {
        return pathTaperY * SCALE_QUANTUM;
    }

    /**
     * Returns revolutions, 1..4.
     *
     * @return revolutions, 1..4
     */
    public float pathRevolutionsValue() {
        return 1 + pathRevolutions * REV_QUANTUM;
    }

    /**
     * Returns skew.
     *
     * @return skew
     */
    public float pathSkewValue() {
        return pathSkew * SCALE_QUANTUM;
    }

    /**
     * Returns where the profile starts, 0..1.
     *
     * @return where the profile starts, 0..1
     */
    public float profileBeginCut() {
        return profileBegin * CUT_QUANTUM;
    }

    /**
     * Returns where the profile ends, 0..1.
     *
     * @return where the profile ends, 0..1
     */
    public float profileEndCut() {
        return (50000 - profileEnd) * CUT_QUANTUM;
    }

    /**
     * Returns the hollow, 0..0.99.
     *
     * @return the hollow, 0..0.99
     */
    public float profileHollowValue() {
        return profileHollow * HOLLOW_QUANTUM;
    }

    /**
     * Returns the name of the basic shape the viewer would show for these curves.
     *
     * @return the name of the basic shape the viewer would show for these curves
     */
    public String basicShape() {
        int profile = profileCurve & 0x0F;
        int path = pathCurve & 0xF0;
        boolean line = path == 0x10 || path == 0x80;
        return switch (profile) {
            case 0 -> line ? "cylinder" : "torus";
            case 1 -> line ? "box" : "tube";
            case 2, 3, 4 -> line ? "prism" : "ring";
            case 5 -> line ? "half-cylinder" : "sphere";
            default -> "unknown";
        };
    }
}
