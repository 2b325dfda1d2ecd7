package slnet.world;

import java.util.Objects;
import java.util.UUID;
import slnet.protocol.types.Vector3;

/**
 * A parcel of land, as the simulator's {@code ParcelProperties} describes it (over the event queue
 * on current simulators). Immutable snapshot.
 *
 * @param regionHandle the region it is in
 * @param localId the parcel's id within the region
 * @param name its name
 * @param description its description
 * @param ownerId its owner (a group's id when group-owned)
 * @param groupOwned whether a group owns it
 * @param groupId the group it is set to
 * @param flags the parcel flags (allow fly 0x1, allow scripts 0x2, for sale 0x4, ... use access list
 *     0x100, sound local 0x8000, ...)
 * @param area square meters
 * @param musicUrl the streaming music URL, empty for none
 * @param mediaUrl the media URL, empty for none
 * @param salePrice the price when for sale
 * @param category the parcel's category code
 * @param aabbMin the south-west-bottom corner of its bounding box, region meters
 * @param aabbMax the north-east-top corner
 * @param maxPrims how many prims it may hold
 * @param totalPrims how many it holds
 * @param landingPoint where teleports land, zero for anywhere
 */
public record Parcel(long regionHandle, int localId, String name, String description, UUID ownerId,
                     boolean groupOwned, UUID groupId, int flags, int area, String musicUrl, String mediaUrl,
                     int salePrice, int category, Vector3 aabbMin, Vector3 aabbMax, int maxPrims, int totalPrims,
                     Vector3 landingPoint) {

    /** The flag: anyone may fly here. */
    public static final int FLAG_ALLOW_FLY = 0x1;
    /** The flag: outside scripts may run here. */
    public static final int FLAG_ALLOW_OTHER_SCRIPTS = 0x2;
    /** The flag: the parcel is for sale. */
    public static final int FLAG_FOR_SALE = 0x4;

    /** Checks that nothing is null. */
    public Parcel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(musicUrl, "musicUrl");
        Objects.requireNonNull(mediaUrl, "mediaUrl");
        Objects.requireNonNull(aabbMin, "aabbMin");
        Objects.requireNonNull(aabbMax, "aabbMax");
        Objects.requireNonNull(landingPoint, "landingPoint");
    }

    /**
     * Returns whether it is set.
     *
     * @param flag one of the {@code FLAG_} values (or any parcel flag bit)
     * @return whether it is set
     */
    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }
}
