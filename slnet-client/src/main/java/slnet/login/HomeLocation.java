package slnet.login;

/**
 * The agent's home, decoded from the login reply's {@code home} entry.
 *
 * @param regionHandle the home region's handle ({@code (globalX << 32) | globalY}, meters)
 * @param position     region-local position
 * @param lookAt       facing direction
 */
public record HomeLocation(long regionHandle, LocalVector position, LocalVector lookAt) {

    /**
     * Global x of the home region's corner.
     *
     * @return meters
     */
    public long regionX() {
        return regionHandle >>> 32;
    }

    /**
     * Global y of the home region's corner.
     *
     * @return meters
     */
    public long regionY() {
        return regionHandle & 0xFFFF_FFFFL;
    }
}
