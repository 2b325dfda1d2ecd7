package slnet.protocol.types;

/**
 * A 3-component single-precision vector ({@code LLVector3}).
 *
 * @param x the x component
 * @param y the y component
 * @param z the z component
 */
public record Vector3(float x, float y, float z) {
    /** The zero vector. */
    public static final Vector3 ZERO = new Vector3(0, 0, 0);
}
