package slnet.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A teleport moved on a step ({@code TeleportProgress}).
 *
 * @param message the simulator's progress text, e.g. {@code sending_dest}
 * @param flags the teleport flags
 * @param at when
 */
public record TeleportProgressed(String message, int flags, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public TeleportProgressed {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
