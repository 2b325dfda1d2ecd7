package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The client received an instant message.
 *
 * @param message the message
 * @param at when
 */
public record ImReceived(InstantMessage message, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ImReceived {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
