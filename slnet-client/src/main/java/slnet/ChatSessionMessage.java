package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A message said in a chat session: a group's chat or a conference ({@code ImprovedInstantMessage}
 * with dialog {@link ImDialog#SESSION_SEND}).
 *
 * @param sessionId the session (for a group chat, the group's id)
 * @param group true if the session is one of the agent's groups
 * @param sessionName the group's name, or the session's name as sent, or empty
 * @param fromId who said it
 * @param fromName their name
 * @param text what they said
 * @param at when the client received it
 */
public record ChatSessionMessage(UUID sessionId, boolean group, String sessionName, UUID fromId, String fromName,
                                 String text, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ChatSessionMessage {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
