package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * The agent stood up from a seat or from the ground.
 *
 * @param seat the object it sat on, or empty for the ground
 * @param at when the client learnt it
 */
public record AgentStood(Optional<UUID> seat, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AgentStood {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(at, "at");
    }
}
