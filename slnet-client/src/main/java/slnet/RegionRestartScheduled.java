package slnet;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The region the agent is in warned that it will restart ({@code RegionRestartMinutes} or
 * {@code RegionRestartSeconds} alerts, repeated as the time runs down). A bot that must stay online
 * teleports elsewhere before {@link #restartAt()} and may come back afterwards.
 *
 * @param regionName the region, as the warning names it (empty if it does not)
 * @param in how long until the restart, as the warning says
 * @param restartAt when that is
 * @param at when the warning arrived
 */
public record RegionRestartScheduled(String regionName, Duration in, Instant restartAt, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public RegionRestartScheduled {
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(restartAt, "restartAt");
        Objects.requireNonNull(at, "at");
    }
}
