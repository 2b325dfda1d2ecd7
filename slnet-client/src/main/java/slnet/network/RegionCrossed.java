package slnet.network;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import slnet.protocol.types.Vector3;

/**
 * The agent walked (or flew) into a neighbouring region ({@code CrossedRegion}) and that region's
 * circuit became the primary one.
 *
 * @param regionName the new region's name (empty if it never said)
 * @param regionHandle the new region's handle
 * @param simulator its simulator's address
 * @param position where the agent is in it, region-local
 * @param at when
 */
public record RegionCrossed(String regionName, long regionHandle, InetSocketAddress simulator, Vector3 position,
                            Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public RegionCrossed {
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
    }
}
