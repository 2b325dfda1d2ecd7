package slnet.testgrid.caps;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import slnet.time.Sleeper;

/**
 * A manual clock for the event queue's backoff: each sleep is recorded, adds to the clock, and
 * either returns at once ({@code automatic}) or waits until the test calls {@link #advance()}.
 */
final class ManualSleeper implements Sleeper {
    private final boolean automatic;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Duration> requested = new LinkedBlockingQueue<>();
    private final Semaphore permits = new Semaphore(0);
    private volatile long nowNs;

    ManualSleeper(boolean automatic) {
        this.automatic = automatic;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        requested.add(duration);
        if (!automatic) {
            permits.acquire();
        }
        nowNs += duration.toNanos();
    }

    /** @return the next sleep the loop asked for, waiting for it up to 5 s */
    Duration nextSleep() throws InterruptedException {
        Duration d = requested.poll(5, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("the loop did not back off");
        }
        return d;
    }

    /** Lets the sleeping loop go on. */
    void advance() {
        permits.release();
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    long nowNs() {
        return nowNs;
    }
}
