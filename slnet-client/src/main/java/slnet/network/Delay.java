package slnet.network;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before a reconnect attempt: a strategy, so the spacing can be tuned or replaced
 * without touching the reconnect logic. Attempts are numbered from 1 and the numbering starts over
 * after a successful reconnect. Implementations must be thread-safe and pure (same attempt, same
 * delay), which keeps them testable on a manual clock.
 */
@FunctionalInterface
public interface Delay {

    /**
     * Returns the wait before an attempt.
     *
     * @param attempt the attempt, from 1
     * @return the delay, zero or positive
     */
    Duration before(int attempt);

    /**
     * The same delay before every attempt.
     *
     * @param delay the delay
     * @return the strategy
     */
    static Delay constant(Duration delay) {
        requireNonNegative(delay, "delay");
        return attempt -> delay;
    }

    /**
     * Doubles the delay after each attempt, from {@code initial} up to {@code max}.
     *
     * @param initial the delay before the first attempt
     * @param max the cap
     * @return the strategy
     */
    static Delay exponential(Duration initial, Duration max) {
        requireNonNegative(initial, "initial");
        requireNonNegative(max, "max");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
        return attempt -> {
            int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
            Duration d = initial.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 || d.isNegative() ? max : d;
        };
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
