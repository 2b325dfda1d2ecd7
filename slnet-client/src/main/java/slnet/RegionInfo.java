package slnet;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * The region the agent is in, as the handshake told it. Immutable snapshot.
 *
 * @param name the region's name, from {@code RegionHandshake}
 * @param handle the region handle: global corner x and y in meters packed as {@code (x << 32) | y}
 * @param simulator the simulator's UDP address
 * @param regionId the region's id from {@code RegionHandshake}
 */
public record RegionInfo(String name, long handle, InetSocketAddress simulator, UUID regionId) {
    /** Checks that nothing is null. */
    public RegionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(regionId, "regionId");
    }

    /**
     * Returns the global x of the region's corner, meters.
     *
     * @return the global x of the region's corner, meters
     */
    public long globalX() {
        return handle >>> 32;
    }

    /**
     * Returns the global y of the region's corner, meters.
     *
     * @return the global y of the region's corner, meters
     */
    public long globalY() {
        return handle & 0xFFFF_FFFFL;
    }
}
