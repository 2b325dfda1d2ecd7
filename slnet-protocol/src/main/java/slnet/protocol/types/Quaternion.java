package slnet.protocol.types;

/**
 * A rotation quaternion ({@code LLQuaternion}).
 *
 * <p>On the wire only x, y and z of the normalised quaternion travel, with w made non-negative
 * (all four negated first when w &lt; 0, which is the same rotation); w is derived on decode.
 *
 * @param x the x component
 * @param y the y component
 * @param z the z component
 * @param w the w component
 */
public record Quaternion(float x, float y, float z, float w) {
    /** The identity rotation. */
    public static final Quaternion IDENTITY = new Quaternion(0, 0, 0, 1);

    /**
     * Rebuilds a unit quaternion from the x, y, z that travel on the wire.
     *
     * @param x the x component
     * @param y the y component
     * @param z the z component
     * @return the quaternion with {@code w = sqrt(1 - x² - y² - z²)}, or 0 when that is negative
     */
    public static Quaternion fromWire(float x, float y, float z) {
        float t = 1f - (x * x + y * y + z * z);
        return new Quaternion(x, y, z, t > 0f ? (float) Math.sqrt(t) : 0f);
    }

    /**
     * Returns this quaternion normalised and with w &gt;= 0, the form whose x, y, z go on the wire.
     * A zero quaternion becomes the identity; negative zeros become positive ones.
     *
     * @return the wire form
     */
    public Quaternion toWireForm() {
        double norm = Math.sqrt((double) x * x + (double) y * y + (double) z * z + (double) w * w);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return IDENTITY;
        }
        double scale = w < 0 ? -1.0 / norm : 1.0 / norm;
        // "+ 0.0" turns -0.0 into 0.0: the same rotation, and zero bytes zerocode well
        return new Quaternion((float) (x * scale + 0.0), (float) (y * scale + 0.0), (float) (z * scale + 0.0),
                (float) (w * scale + 0.0));
    }

    /**
     * Turns a vector by this rotation (a unit quaternion): {@code v + 2w(q x v) + 2q x (q x v)}.
     *
     * @param v the vector
     * @return the turned vector
     */
    public Vector3 rotate(Vector3 v) {
        float cx = y * v.z() - z * v.y();
        float cy = z * v.x() - x * v.z();
        float cz = x * v.y() - y * v.x();
        return new Vector3(v.x() + 2 * (w * cx + y * cz - z * cy),
                v.y() + 2 * (w * cy + z * cx - x * cz),
                v.z() + 2 * (w * cz + x * cy - y * cx));
    }
}
