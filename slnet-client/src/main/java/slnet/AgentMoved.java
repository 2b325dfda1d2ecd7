package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The client's own avatar moved (or its position was first learnt).
 *
 * @param position where it is now
 * @param at when
 */
public record AgentMoved(AgentPosition position, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AgentMoved {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
    }
}
