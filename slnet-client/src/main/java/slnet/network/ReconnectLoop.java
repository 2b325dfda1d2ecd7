package slnet.network;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * Runs reconnect attempts spaced by the policy's {@link Delay}, on a {@link Scheduler} (so tests run
 * it on a manual clock): attempt 1 after {@code delay.before(1)}, then the next after each attempt
 * that asks to retry, until one connects, one gives up, the attempts run out, or it is cancelled.
 * One loop serves one loss: a new loss starts a new loop, which is how the spacing resets after a
 * success. Thread-safe.
 */
final class ReconnectLoop {

    /** What an attempt came to. */
    enum Outcome { CONNECTED, RETRY, GIVE_UP }

    /**
     * An attempt's outcome and, when it did not connect, why.
     *
     * @param outcome what it came to
     * @param reason why, for the final Disconnected
     */
    record Result(Outcome outcome, String reason) {
    }

    /** Runs one attempt; called on the scheduler, so it must hand blocking work off. */
    interface Attempt {
        CompletionStage<Result> run(int attempt);
    }

    private final Scheduler scheduler;
    private final ReconnectPolicy policy;
    private final Attempt attempt;
    private final BiConsumer<Integer, Duration> onScheduled;
    private final Consumer<String> onGaveUp;
    // Guarded by this.
    private int attempts;
    private ScheduledTask task;
    private boolean done;

    /**
     * @param scheduler the timer
     * @param policy how many attempts and their spacing
     * @param attempt runs one attempt
     * @param onScheduled told of each attempt scheduled and its delay
     * @param onGaveUp told once why the loop ended without connecting
     */
    ReconnectLoop(Scheduler scheduler, ReconnectPolicy policy, Attempt attempt,
                  BiConsumer<Integer, Duration> onScheduled, Consumer<String> onGaveUp) {
        this.scheduler = scheduler;
        this.policy = policy;
        this.attempt = attempt;
        this.onScheduled = onScheduled;
        this.onGaveUp = onGaveUp;
    }

    /** Schedules the first attempt. */
    void start() {
        scheduleNext("no attempt allowed");
    }

    private void scheduleNext(String lastReason) {
        int number;
        Duration delay;
        synchronized (this) {
            if (done) {
                return;
            }
            if (attempts >= policy.maxAttempts()) {
                done = true;
                number = -1;
                delay = null;
            } else {
                number = ++attempts;
                delay = policy.delay().before(number);
                task = scheduler.schedule(() -> run(number), delay.toNanos());
            }
        }
        if (number < 0) {
            onGaveUp.accept("gave up reconnecting after " + attempts + " attempt(s): " + lastReason);
        } else {
            onScheduled.accept(number, delay);
        }
    }

    private void run(int number) {
        synchronized (this) {
            if (done) {
                return;
            }
        }
        attempt.run(number).whenComplete((result, failure) -> {
            if (failure != null) {
                finish("reconnect attempt failed: " + failure);
                return;
            }
            switch (result.outcome()) {
                case CONNECTED -> {
                    synchronized (this) {
                        done = true;
                    }
                }
                case RETRY -> scheduleNext(result.reason());
                case GIVE_UP -> finish(result.reason());
            }
        });
    }

    private void finish(String reason) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        onGaveUp.accept(reason);
    }

    /** Stops: no further attempt starts, and nothing more is reported; idempotent. */
    void cancel() {
        synchronized (this) {
            done = true;
            if (task != null) {
                task.cancel();
            }
        }
    }

    /** @return attempts started or scheduled so far */
    synchronized int attempts() {
        return attempts;
    }
}
