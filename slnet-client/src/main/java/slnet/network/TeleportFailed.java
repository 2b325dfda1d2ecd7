package slnet.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A teleport did not happen: the grid refused it ({@code TeleportFailed}), the destination could
 * not be reached, or no answer came in time. The agent stays where it was.
 *
 * @param reason the grid's reason key (e.g. {@code no_host}) or a description
 * @param at when
 */
public record TeleportFailed(String reason, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public TeleportFailed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
