package slnet.protocol.types;

/**
 * A 3-component double-precision vector ({@code LLVector3d}), used for global positions.
 *
 * @param x the x component
 * @param y the y component
 * @param z the z component
 */
public record Vector3d(double x, double y, double z) {
    /** The zero vector. */
    public static final Vector3d ZERO = new Vector3d(0, 0, 0);
}
