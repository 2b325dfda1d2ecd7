package slnet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LeakCheckExtensionTest {

    @Test
    void reportsAnSlnetThreadStillRunningAfterTheGracePeriod() throws InterruptedException {
        Set<Thread> before = LeakCheckExtension.liveThreads();
        CountDownLatch release = new CountDownLatch(1);
        Thread leaker = Thread.ofPlatform().name("slnet-leaker").daemon(true).start(() -> await(release));
        try {
            assertThat(LeakCheckExtension.awaitLeaked(before, Duration.ofMillis(50))).containsExactly(leaker);
        } finally {
            release.countDown();
            leaker.join();
        }
    }

    @Test
    void reportsANonDaemonThreadWhateverItsName() throws InterruptedException {
        Set<Thread> before = LeakCheckExtension.liveThreads();
        CountDownLatch release = new CountDownLatch(1);
        Thread leaker = Thread.ofPlatform().name("worker").daemon(false).start(() -> await(release));
        try {
            assertThat(LeakCheckExtension.awaitLeaked(before, Duration.ofMillis(50))).containsExactly(leaker);
        } finally {
            release.countDown();
            leaker.join();
        }
    }

    @Test
    void ignoresOtherDaemonThreadsAndThreadsThatEndWithinTheGracePeriod() throws InterruptedException {
        Set<Thread> before = LeakCheckExtension.liveThreads();
        CountDownLatch release = new CountDownLatch(1);
        Thread foreignDaemon = Thread.ofPlatform().name("pool-x").daemon(true).start(() -> await(release));
        Thread ending = Thread.ofPlatform().name("slnet-ending").daemon(true).start(() -> sleep(100));
        try {
            assertThat(LeakCheckExtension.awaitLeaked(before, Duration.ofSeconds(5))).isEmpty();
            assertThat(ending.isAlive()).isFalse();
        } finally {
            release.countDown();
            foreignDaemon.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
