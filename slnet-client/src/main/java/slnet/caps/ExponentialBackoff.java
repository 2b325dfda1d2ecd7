package slnet.caps;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th failure in a row the ceiling is
 * {@code min(max, initial * multiplier^(n-1))} and the delay is uniform in
 * {@code [ceiling/2, ceiling]}, so many clients that failed together do not retry together yet
 * each still waits at least half the ceiling. Not thread-safe.
 */
public final class ExponentialBackoff implements Backoff {
    private final long initialNs;
    private final long maxNs;
    private final double multiplier;
    private final RandomGenerator random;
    private int failures;

    /**
     * Sets the ceiling after the first failure.
     *
     * @param initial the ceiling after the first failure
     * @param max the largest ceiling
     * @param multiplier how the ceiling grows per failure, at least 1
     * @param random the jitter source (a seeded one in tests)
     * @throws IllegalArgumentException if the durations are not positive, {@code max < initial}
     *     or {@code multiplier < 1}
     */
    public ExponentialBackoff(Duration initial, Duration max, double multiplier, RandomGenerator random) {
        if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0 || !(multiplier >= 1.0)) {
            throw new IllegalArgumentException("need 0 < initial <= max and multiplier >= 1");
        }
        this.initialNs = initial.toNanos();
        this.maxNs = max.toNanos();
        this.multiplier = multiplier;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns 1 s doubling to 30 s, jittered: for the event queue's unexpected errors.
     *
     * @return 1 s doubling to 30 s, jittered: for the event queue's unexpected errors
     */
    public static ExponentialBackoff defaults() {
        return new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, RandomGenerator.getDefault());
    }

    /**
     * Returns the ceiling of the next delay, before jitter.
     *
     * @return the ceiling of the next delay, before jitter
     */
    public Duration nextCeiling() {
        double ceiling = initialNs * Math.pow(multiplier, Math.min(failures, 64));
        return Duration.ofNanos(ceiling >= maxNs ? maxNs : (long) ceiling);
    }

    @Override
    public Duration nextDelay() {
        long ceiling = nextCeiling().toNanos();
        failures++;
        long half = ceiling / 2;
        return Duration.ofNanos(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }

    @Override
    public void reset() {
        failures = 0;
    }
}
