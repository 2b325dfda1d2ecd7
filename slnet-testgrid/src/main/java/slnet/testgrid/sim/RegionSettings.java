package slnet.testgrid.sim;

import java.util.Objects;
import java.util.UUID;

/**
 * What a simulator tells viewers about its region.
 *
 * @param name        the region name
 * @param cornerX     global x of the south-west corner, meters (a multiple of 256)
 * @param cornerY     global y of the south-west corner, meters (a multiple of 256)
 * @param regionId    the region's id
 * @param waterHeight water level, meters
 * @param spawn       where arriving avatars stand, region coordinates
 */
public record RegionSettings(String name, int cornerX, int cornerY, UUID regionId, float waterHeight,
        slnet.protocol.types.Vector3 spawn) {

    /** Validates the corner and rejects nulls. */
    public RegionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(spawn, "spawn");
        if (cornerX < 0 || cornerY < 0 || cornerX % 256 != 0 || cornerY % 256 != 0) {
            throw new IllegalArgumentException("region corner must be non-negative multiples of 256, not ("
                    + cornerX + ", " + cornerY + ")");
        }
    }

    /**
     * Returns the region handle: the corner's x in the high 32 bits and y in the low 32, meters.
     *
     * @return the region handle: the corner's x in the high 32 bits and y in the low 32, meters
     */
    public long handle() {
        return ((long) cornerX << 32) | (cornerY & 0xFFFF_FFFFL);
    }
}
