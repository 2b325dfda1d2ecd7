package slnet.network;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a {@link NetworkManager} logs in again after losing its primary circuit.
 *
 * <p>Each attempt is a fresh login (a new session), spaced by {@link #delay()}. An attempt that
 * fails because the grid still reports the agent present ({@code presence}: the old session has not
 * timed out on the grid yet), or because the login service is unreachable or down, is followed by
 * the next one; any other login failure, or a failed region handshake, ends the loop with
 * {@code Disconnected}. Off by default: a lost session then goes straight to {@code Disconnected}.
 *
 * @param maxAttempts how many logins to try; 0 turns reconnecting off
 * @param delay the spacing between attempts
 */
public record ReconnectPolicy(int maxAttempts, Delay delay) {

    /** No reconnecting: losing the primary circuit ends the session. */
    public static final ReconnectPolicy DISABLED = new ReconnectPolicy(0, Delay.constant(Duration.ZERO));

    /** Validates. */
    public ReconnectPolicy {
        Objects.requireNonNull(delay, "delay");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
    }

    /**
     * A policy with exponential spacing from 5 s up to 2 minutes, long enough for a grid to notice
     * the old session is gone.
     *
     * @param maxAttempts how many logins to try, at least 1
     * @return the policy
     */
    public static ReconnectPolicy attempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        return new ReconnectPolicy(maxAttempts, Delay.exponential(Duration.ofSeconds(5), Duration.ofMinutes(2)));
    }

    /**
     * Tells whether reconnecting is on.
     *
     * @return true if at least one attempt is allowed
     */
    public boolean enabled() {
        return maxAttempts > 0;
    }
}
