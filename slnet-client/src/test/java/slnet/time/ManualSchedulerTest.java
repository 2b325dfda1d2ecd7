package slnet.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ManualSchedulerTest {
    private final ManualScheduler scheduler = new ManualScheduler(0);
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTasksInDueOrderAtTheirDueTime() {
        scheduler.schedule(() -> ran.add("b@" + scheduler.nanoTime()), 20);
        scheduler.schedule(() -> ran.add("a@" + scheduler.nanoTime()), 10);
        scheduler.schedule(() -> ran.add("c@" + scheduler.nanoTime()), 20);
        scheduler.advanceBy(15);
        assertThat(ran).containsExactly("a@10");
        assertThat(scheduler.nanoTime()).isEqualTo(15);
        scheduler.advanceBy(5);
        assertThat(ran).containsExactly("a@10", "b@20", "c@20");
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvance() {
        scheduler.schedule(() -> scheduler.schedule(() -> ran.add("inner@" + scheduler.nanoTime()), 5), 10);
        scheduler.advanceBy(100);
        assertThat(ran).containsExactly("inner@15");
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void cancelledTasksDoNotRun() {
        ScheduledTask task = scheduler.schedule(() -> ran.add("x"), 10);
        task.cancel();
        task.cancel();
        scheduler.advanceBy(20);
        assertThat(ran).isEmpty();
        assertThatThrownBy(() -> scheduler.advanceBy(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(5)
    void executorSchedulerRunsAndCancelsOnItsThread() throws InterruptedException {
        ExecutorScheduler real = new ExecutorScheduler("test-scheduler");
        try {
            CountDownLatch ran = new CountDownLatch(1);
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            real.schedule(() -> {
                throw new IllegalStateException("logged, not fatal");
            }, 0);
            ScheduledTask cancelled = real.schedule(() -> threads.add("cancelled"), 1_000_000);
            cancelled.cancel();
            real.schedule(() -> {
                threads.add(Thread.currentThread().getName());
                ran.countDown();
            }, 2_000_000);
            assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).containsExactly("test-scheduler");
        } finally {
            real.close();
            real.close();
        }
    }
}
