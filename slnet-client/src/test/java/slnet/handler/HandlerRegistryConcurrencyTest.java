package slnet.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.protocol.messages.CompletePingCheck;
import slnet.protocol.messages.StartPingCheck;
import slnet.testing.LeakCheckExtension;

@ExtendWith(LeakCheckExtension.class)
@Timeout(20)
class HandlerRegistryConcurrencyTest {

    private final HandlerRegistry registry = new HandlerRegistry();
    private final HandlerContext udp = TestContexts.udp(null);

    @Test
    void dispatchOnSeveralCircuitsWhileRegisteringAndRemoving() throws Exception {
        AtomicLong stableCalls = new AtomicLong();
        registry.register(StartPingCheck.class, 0, (m, c) -> stableCalls.incrementAndGet());
        int dispatchers = 3;
        int perDispatcher = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int d = 0; d < dispatchers; d++) {
                int id = d;
                work.add(pool.submit(() -> {
                    start.await();
                    StartPingCheck ping = new StartPingCheck(new StartPingCheck.PingID(id, 0));
                    for (int i = 0; i < perDispatcher; i++) {
                        registry.dispatch(ping, udp);
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    Registration churn = registry.register(StartPingCheck.class, i % 3 - 1, (m, c) -> { });
                    Registration all = registry.registerAll((m, c) -> { });
                    churn.remove();
                    all.remove();
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : work) {
                f.get(15, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stableCalls).hasValue((long) dispatchers * perDispatcher);
        HandlerStats stats = registry.stats();
        assertThat(stats.dispatched()).isEqualTo((long) dispatchers * perDispatcher);
        assertThat(stats.failures()).isZero();
        assertThat(registry.hasHandlers(CompletePingCheck.class)).isFalse();
    }

    @Test
    void asyncStagesCompletingOnAnotherThreadAreCounted() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch release = new CountDownLatch(1);
            registry.registerAsync(StartPingCheck.class, (m, c) -> CompletableFuture.runAsync(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (m.pingID().pingID() == 13) {
                    throw new IllegalStateException("expected by the test");
                }
            }, worker));
            for (int i = 10; i < 15; i++) {
                registry.dispatch(new StartPingCheck(new StartPingCheck.PingID(i, 0)), udp);
            }
            // Dispatch returned without waiting for any stage.
            assertThat(registry.stats().handled()).isZero();
            release.countDown();
            CompletableFuture.runAsync(() -> { }, worker).get(5, TimeUnit.SECONDS);
            assertThat(registry.stats().handled()).isEqualTo(4);
            assertThat(registry.stats().failures()).isEqualTo(1);
        } finally {
            worker.shutdownNow();
            assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void dispatchAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation accounting unavailable");
        long[] sum = new long[1];
        for (int p = 0; p < 4; p++) {
            registry.register(StartPingCheck.class, p, (m, c) -> sum[0] += m.pingID().pingID());
        }
        registry.on(StartPingCheck.class).filter((m, c) -> m.pingID().oldestUnacked() == 0).handle((m, c) -> sum[0]++);
        registry.registerAll((m, c) -> sum[0]++);
        StartPingCheck ping = new StartPingCheck(new StartPingCheck.PingID(1, 0));
        CompletePingCheck unhandledType = new CompletePingCheck(new CompletePingCheck.PingID(1));

        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                registry.dispatch(ping, udp);
                registry.dispatch(unhandledType, udp);
            }
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        // 20,000 dispatches: any per-dispatch allocation would be hundreds of kilobytes.
        assertThat(fewest).isLessThan(4096);
        assertThat(sum[0]).isPositive();
    }
}
