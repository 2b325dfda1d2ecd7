package slnet.handler;

/**
 * What a handler may see of the region a message came from. The network manager implements it as
 * a live view: its values fill in as the region handshake arrives. Implementations must be
 * thread-safe.
 */
public interface RegionView {

    /**
     * Returns the region's name.
     *
     * @return the name, or an empty string until the region handshake has told it
     */
    String name();

    /**
     * Returns the region handle: the region's global position, x and y in meters packed as
     * {@code (x << 32) | y}.
     *
     * @return the handle, or 0 until known
     */
    long handle();
}
