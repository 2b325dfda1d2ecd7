package slnet.world;

/**
 * Counters of a {@link World}, since it was made.
 *
 * @param fullUpdates object blocks of {@code ObjectUpdate} applied
 * @param compressedUpdates object blocks of {@code ObjectUpdateCompressed} applied
 * @param terseUpdates object blocks of {@code ImprovedTerseObjectUpdate} applied to a known object
 * @param terseUnknown terse blocks for objects not known (dropped; the viewer asks for them)
 * @param cachedHits {@code ObjectUpdateCached} blocks whose object and CRC were known
 * @param cacheMissesRequested objects asked for with {@code RequestMultipleObjects}
 * @param kills objects removed by {@code KillObject} (children included)
 * @param rejected blocks that did not decode (counted and dropped)
 * @param objects objects known now, over all regions
 */
public record WorldStats(long fullUpdates, long compressedUpdates, long terseUpdates, long terseUnknown,
                         long cachedHits, long cacheMissesRequested, long kills, long rejected, int objects) {
}
