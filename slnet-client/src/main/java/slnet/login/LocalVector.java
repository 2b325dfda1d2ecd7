package slnet.login;

/**
 * A position or direction in region-local coordinates, as given by the login reply.
 *
 * @param x east
 * @param y north
 * @param z up
 */
public record LocalVector(double x, double y, double z) {
    /** The zero vector. */
    public static final LocalVector ZERO = new LocalVector(0, 0, 0);
}
