package slnet.login;

import java.time.Duration;

/**
 * Waits before following a login redirect. Injected so tests run without real waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, with {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
