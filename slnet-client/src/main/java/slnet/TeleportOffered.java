package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * Someone offered the agent a teleport to where they are (a lure): follow it with
 * {@link Lures#accept}, refuse with {@link Lures#decline}, or let it be.
 *
 * @param fromId who offers
 * @param fromName their name as the grid gave it
 * @param message the offer's text
 * @param lureId the offer's id, which the answer names
 * @param godlike true for a god's summons, which the viewer follows without asking
 * @param at when it arrived
 */
public record TeleportOffered(UUID fromId, String fromName, String message, UUID lureId, boolean godlike,
                              Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public TeleportOffered {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lureId, "lureId");
        Objects.requireNonNull(at, "at");
    }
}
