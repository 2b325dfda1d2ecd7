package slnet.network;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A reconnect attempt was scheduled after the primary circuit was lost (see {@link ReconnectPolicy}).
 *
 * @param attempt the attempt, from 1
 * @param delay how long until it starts
 * @param at when it was scheduled
 */
public record ReconnectScheduled(int attempt, Duration delay, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ReconnectScheduled {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(at, "at");
    }
}
