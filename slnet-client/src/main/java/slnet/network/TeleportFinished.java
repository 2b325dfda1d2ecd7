package slnet.network;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import slnet.protocol.types.Vector3;

/**
 * The agent arrived in the teleport's destination ({@code AgentMovementComplete} on the new primary
 * circuit, or {@code TeleportLocal} within the region).
 *
 * @param regionName the destination region's name (empty if it never said)
 * @param regionHandle the destination's handle
 * @param simulator the destination simulator's address
 * @param position where the agent is, region-local
 * @param at when
 */
public record TeleportFinished(String regionName, long regionHandle, InetSocketAddress simulator, Vector3 position,
                               Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public TeleportFinished {
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
    }
}
