package slnet.time;

/** A task a {@link Scheduler} will run once, unless cancelled first. */
@FunctionalInterface
public interface ScheduledTask {
    /** Cancels the task if it has not started; idempotent, and harmless once it has run. */
    void cancel();
}
