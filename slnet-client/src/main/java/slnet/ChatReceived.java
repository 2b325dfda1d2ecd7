package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The client heard a line of local chat (typing notices included only if the client is configured
 * to publish them).
 *
 * @param message the chat line
 * @param at when
 */
public record ChatReceived(ChatMessage message, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ChatReceived {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
