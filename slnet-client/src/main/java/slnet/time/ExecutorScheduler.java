package slnet.time;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on real time: one daemon platform thread runs every task, in due order.
 * Closing it stops the thread; tasks not yet run are dropped.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    /**
     * Starts a scheduler.
     *
     * @param threadName the name of its thread
     */
    public ExecutorScheduler(String threadName) {
        // The thread serves whoever schedules: it inherits nothing (no MDC) from the one that started it.
        executor = new ScheduledThreadPoolExecutor(1, runnable -> Thread.ofPlatform().name(threadName).daemon(true)
                .inheritInheritableThreadLocals(false).unstarted(runnable));
        // Circuits cancel and re-arm timers constantly; without this cancelled tasks pile up.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public ScheduledTask schedule(Runnable task, long delayNs) {
        var future = executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("scheduled task failed", e);
            }
        }, Math.max(0, delayNs), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread and waits briefly for a running task to finish; idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
