package slnet.time;

import java.time.Duration;

/**
 * Waits for a while on the calling thread: the one way the login (between redirects) and the event
 * queue and capability services (between retries) spend time on their own. Injected so that tests
 * run those waits on a manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for the duration.
     *
     * @param duration how long
     * @throws InterruptedException if the waiting thread is interrupted (as closing its owner does)
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns a sleeper on the real clock ({@link Thread#sleep(Duration)}).
     *
     * @return a sleeper on the real clock ({@link Thread#sleep(Duration)})
     */
    static Sleeper system() {
        return Thread::sleep;
    }
}
