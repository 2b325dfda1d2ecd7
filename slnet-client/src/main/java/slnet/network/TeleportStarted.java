package slnet.network;

import java.time.Instant;
import java.util.Objects;

/**
 * The simulator started moving the agent ({@code TeleportStart}).
 *
 * @param flags the teleport flags the simulator sent (e.g. via location, via home)
 * @param at when
 */
public record TeleportStarted(int flags, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public TeleportStarted {
        Objects.requireNonNull(at, "at");
    }
}
