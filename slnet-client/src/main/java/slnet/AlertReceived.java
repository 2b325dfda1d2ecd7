package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;
import slnet.protocol.llsd.Llsd;

/**
 * The simulator showed the agent an alert ({@code AlertMessage}): a text, and for alerts the viewer
 * knows by name (its notifications), that name and its parameters. A region restart warning also
 * arrives as a {@link RegionRestartScheduled}.
 *
 * @param message the alert's text (empty when the named notification carries it)
 * @param notificationId the viewer notification it names, e.g. {@code RegionRestartMinutes}, or empty
 * @param parameters the notification's parameters (LLSD; undefined when none or unreadable)
 * @param at when it arrived
 */
public record AlertReceived(String message, String notificationId, Llsd parameters, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AlertReceived {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(at, "at");
    }
}
