package slnet.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when a test says so: a public test aid. Tasks run on the
 * thread that calls {@link #advanceBy}, in due order (ties in scheduling order), each seeing
 * {@link #nanoTime()} equal to its due time. Tasks may schedule further tasks, which run in the same
 * advance if they fall due within it. Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long order;
    private long tasksRun;

    /** Creates a scheduler whose clock starts at an arbitrary non-zero origin, to catch code assuming 0. */
    public ManualScheduler() {
        this(1_000_000_000_000L);
    }

    /**
     * Creates a scheduler.
     *
     * @param startNs the clock's initial reading
     */
    public ManualScheduler(long startNs) {
        this.now = startNs;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized ScheduledTask schedule(Runnable task, long delayNs) {
        Entry entry = new Entry(now + Math.max(0, delayNs), order++, task);
        queue.add(entry);
        return () -> {
            synchronized (ManualScheduler.this) {
                queue.remove(entry);
            }
        };
    }

    /**
     * Moves time forward, running every task that falls due, in order.
     *
     * @param ns how far, in nanoseconds
     */
    public void advanceBy(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + ns);
        }
        long target;
        synchronized (this) {
            target = now + ns;
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNs > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.dueNs;
                tasksRun++;
            }
            next.task.run();
        }
    }

    /**
     * Moves time forward.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        advanceBy(duration.toNanos());
    }

    /** Runs the tasks already due without moving time. */
    public void runDue() {
        advanceBy(0);
    }

    /**
     * Returns how many tasks have run so far: how often the code under test woke up.
     *
     * @return how many tasks have run so far: how often the code under test woke up
     */
    public synchronized long tasksRun() {
        return tasksRun;
    }

    /**
     * Returns how many tasks are scheduled and not yet run.
     *
     * @return how many tasks are scheduled and not yet run
     */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    private record Entry(long dueNs, long order, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(dueNs, other.dueNs);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
