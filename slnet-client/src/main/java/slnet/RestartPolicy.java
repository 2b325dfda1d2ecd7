package slnet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import slnet.protocol.types.Vector3;

/**
 * What the client does when the region it is in warns of a restart ({@link RegionRestartScheduled}).
 * {@link #stay()} (the default) does nothing: the agent goes down with the region, and the network
 * manager's reconnect policy decides whether it logs in again. {@link #evacuateTo} teleports the agent
 * to a fallback region before the restart, once no more than {@link #margin()} is left, then, from
 * the restart's time on, tries every {@link #retryInterval()} to teleport back to where it stood,
 * giving up after {@link #maxWait()}. Each step is a {@link RestartEvacuation} event. Immutable.
 *
 * @param fallbackRegion the region to wait in, or empty to stay
 * @param fallbackPosition where in it
 * @param margin leave when this much time is left before the restart (at once if less was announced)
 * @param retryInterval how long between attempts to go back
 * @param maxWait how long after the restart to keep trying
 */
public record RestartPolicy(Optional<String> fallbackRegion, Vector3 fallbackPosition, Duration margin,
                            Duration retryInterval, Duration maxWait) {
    private static final Vector3 MIDDLE = new Vector3(128, 128, 25);

    /** Checks the values. */
    public RestartPolicy {
        Objects.requireNonNull(fallbackRegion, "fallbackRegion");
        Objects.requireNonNull(fallbackPosition, "fallbackPosition");
        if (margin.isNegative() || retryInterval.isNegative() || retryInterval.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("margin and maxWait must not be negative, retryInterval positive");
        }
    }

    /**
     * Goes down with the region (the default).
     *
     * @return the policy
     */
    public static RestartPolicy stay() {
        return new RestartPolicy(Optional.empty(), MIDDLE, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMinutes(10));
    }

    /**
     * Waits out a restart in another region: leaves 30 s before it, tries every 10 s to come back,
     * for 10 minutes.
     *
     * @param region the fallback region's name
     * @param position where in it
     * @return the policy
     */
    public static RestartPolicy evacuateTo(String region, Vector3 position) {
        return new RestartPolicy(Optional.of(Objects.requireNonNull(region, "region")), position,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    /**
     * The same policy with other timings.
     *
     * @param leaveMargin leave when this much time is left before the restart
     * @param retry how long between attempts to go back
     * @param giveUpAfter how long after the restart to keep trying
     * @return the policy
     */
    public RestartPolicy withTimings(Duration leaveMargin, Duration retry, Duration giveUpAfter) {
        return new RestartPolicy(fallbackRegion, fallbackPosition, leaveMargin, retry, giveUpAfter);
    }
}
