package slnet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * Agents joined or left a chat session ({@code ChatterBoxSessionAgentListUpdates}).
 *
 * @param sessionId the session
 * @param joined who joined
 * @param left who left
 * @param at when the client learnt it
 */
public record ChatSessionMembersChanged(UUID sessionId, List<UUID> joined, List<UUID> left, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null and copies the lists. */
    public ChatSessionMembersChanged {
        Objects.requireNonNull(sessionId, "sessionId");
        joined = List.copyOf(joined);
        left = List.copyOf(left);
        Objects.requireNonNull(at, "at");
    }
}
