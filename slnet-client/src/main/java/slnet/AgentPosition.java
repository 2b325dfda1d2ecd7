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
 * @param velocity meters a second, as the simulator last sent it (zero standing, or when not known)
 * @param at when the client learnt it
 */
public record AgentPosition(long regionHandle, Vector3 position, Vector3 velocity, Instant at) {
    /**
     * Checks that nothing is null.
     *
     * @param regionHandle the region it is in
     * @param position region-local meters
     * @param velocity meters a second
     * @param at when the client learnt it
     */
    public AgentPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(at, "at");
    }
}
