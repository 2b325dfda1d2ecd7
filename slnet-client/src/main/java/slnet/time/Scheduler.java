package slnet.time;

/**
 * Runs tasks after a delay, and tells the time those delays are measured in. Tasks of one scheduler
 * never run concurrently with each other.
 */
public interface Scheduler extends Clock {
    /**
     * Schedules a task to run once.
     *
     * @param task what to run; an exception it throws is logged and does not stop the scheduler
     * @param delayNs how long from now, in nanoseconds (0 or less: as soon as possible)
     * @return a handle to cancel it
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler is closed
     */
    ScheduledTask schedule(Runnable task, long delayNs);
}
