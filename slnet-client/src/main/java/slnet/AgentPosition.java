package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.protocol.types.Vector3;

/**
 * Where the client's own avatar is, from {@code AgentMovementComplete} and the simulator's object
 * updates for it. Immutable.
 *
 * @param regionHandle the region it is in
 * @param position region-local meters
 * @param at when the client learnt it
 */
public record AgentPosition(long regionHandle, Vector3 position, Instant at) {
    /** Checks that nothing is null. */
    public AgentPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
    }
}
