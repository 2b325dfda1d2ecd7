package slnet.world;

import java.util.Objects;

/**
 * What a simulator's {@code RegionInfo} tells of its region (the answer to {@code RequestRegionInfo},
 * shown in the viewer's region and estate window). Immutable.
 *
 * @param regionHandle the region
 * @param name the region's name
 * @param estateId its estate
 * @param parentEstateId the estate's parent (1 for the mainland)
 * @param regionFlags the region flags (block terraform 0x40, sandbox 0x100, no fly 0x80000 ...)
 * @param regionFlagsExtended the 64-bit region flags, when the simulator sends them (else the 32-bit ones)
 * @param simAccess maturity: 13 general, 21 moderate, 42 adult
 * @param maxAgents how many avatars it admits
 * @param waterHeight the water level, meters
 * @param productSku the region product's SKU, empty when not told
 * @param productName the region product's name (e.g. "Estate / Full Region"), empty when not told
 * @param useEstateSun whether the region follows its estate's sun
 * @param sunHour the fixed sun hour, when it does not
 */
public record RegionDetails(long regionHandle, String name, int estateId, int parentEstateId, int regionFlags,
                            long regionFlagsExtended, int simAccess, int maxAgents, float waterHeight,
                            String productSku, String productName, boolean useEstateSun, float sunHour) {
    /** Checks that nothing is null. */
    public RegionDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(productSku, "productSku");
        Objects.requireNonNull(productName, "productName");
    }
}
