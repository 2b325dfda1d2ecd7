package slnet.caps;

import java.time.Duration;

/**
 * Waits: the one place the event queue loop spends time on its own, injected so tests can run
 * the backoff on a manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for the duration.
     *
     * @param duration how long
     * @throws InterruptedException if the waiting thread is interrupted (as {@code close()} does)
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper on the real clock ({@link Thread#sleep(Duration)}) */
    static Sleeper system() {
        return Thread::sleep;
    }
}
