package slnet.caps;

import java.time.Duration;

/**
 * The spacing of retries after failures: a strategy, so tests and callers can replace it. Not
 * required to be thread-safe; each {@link EventQueueClient} uses its own from its loop thread.
 */
public interface Backoff {
    /**
     * Returns how long to wait before the next attempt, after one more failure in a row.
     *
     * @return a non-negative delay
     */
    Duration nextDelay();

    /** Forgets past failures, after a success. */
    void reset();
}
