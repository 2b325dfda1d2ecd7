package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * The agent sat down: on an object (the simulator made the avatar the seat's child) or on the ground.
 *
 * @param seat the object sat on, or empty for the ground
 * @param at when the client learnt it
 */
public record AgentSat(Optional<UUID> seat, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AgentSat {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(at, "at");
    }
}
