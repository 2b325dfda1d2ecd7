package slnet.protocol.types;

/**
 * A 4-component single-precision vector ({@code LLVector4}).
 *
 * @param x the x component
 * @param y the y component
 * @param z the z component
 * @param w the w component
 */
public record Vector4(float x, float y, float z, float w) {
    /** The zero vector. */
    public static final Vector4 ZERO = new Vector4(0, 0, 0, 0);
}
