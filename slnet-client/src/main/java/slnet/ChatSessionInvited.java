package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A chat session the agent has not joined has a message for it ({@code ChatterBoxInvitation} on the
 * event queue): someone started a conference with the agent, or spoke in a group chat the agent had
 * not joined. The message it carries is not repeated as a {@link ChatSessionMessage}. Join with
 * {@link ChatSessions#join}; the client joins its own groups' sessions by itself.
 *
 * @param sessionId the session
 * @param group true if the session is one of the agent's groups
 * @param sessionName the group's or session's name, or empty
 * @param fromId who spoke
 * @param fromName their name
 * @param text what they said
 * @param at when the client received it
 */
public record ChatSessionInvited(UUID sessionId, boolean group, String sessionName, UUID fromId, String fromName,
                                 String text, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ChatSessionInvited {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
