package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.circuit.InboundMessage;
import slnet.protocol.messages.StartPingCheck;

/** A circuit's dispatch: in order, one at a time, bounded, and no thread while idle. */
@Timeout(20)
class InboundQueueTest {
    private static InboundMessage message(int id) {
        return new InboundMessage(null, new StartPingCheck(new StartPingCheck.PingID(id, 0)), id, 0);
    }

    private static int id(InboundMessage message) {
        return ((StartPingCheck) message.message()).pingID().pingID();
    }

    @Test
    void deliversInOrderAcrossBurstsAndHoldsNoThreadWhenIdle() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(200);
        try (InboundQueue queue = new InboundQueue("test-dispatch", 1000, m -> {
            seen.add(id(m));
            all.countDown();
        })) {
            for (int burst = 0; burst < 2; burst++) {
                for (int i = 0; i < 100; i++) {
                    queue.onMessage(message(burst * 100 + i));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (seen.size() < (burst + 1) * 100 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).hasSize(200).isSorted();
            queue.join(5_000); // the burst's thread ends once the queue is empty
        }
    }

    @Test
    void aFullQueueDropsAndCounts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (InboundQueue queue = new InboundQueue("test-dispatch", 3, m -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            queue.onMessage(message(0));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue(); // message 0 is being handled
            for (int i = 1; i <= 5; i++) {
                queue.onMessage(message(i));
            }
            assertThat(queue.dropped()).isEqualTo(2);
            release.countDown();
        }
    }

    @Test
    void dropsAreReportedCoalescedOnPowersOfTwoAndAtMostOncePerSecondBetween() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        long[] now = {0};
        List<String> reports = new CopyOnWriteArrayList<>();
        try (InboundQueue queue = new InboundQueue("test-dispatch", 1, m -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, (first, count) -> reports.add(first + "x" + count), () -> now[0])) {
            queue.onMessage(message(0));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue(); // the handler holds the thread
            queue.onMessage(message(1)); // fills the one slot
            for (int i = 2; i < 2 + 100; i++) {
                queue.onMessage(message(i)); // 100 drops within the same instant
            }
            assertThat(queue.dropped()).isEqualTo(100);
            assertThat(reports).containsExactly("StartPingCheckx1", "StartPingCheckx2", "StartPingCheckx4",
                    "StartPingCheckx8", "StartPingCheckx16", "StartPingCheckx32", "StartPingCheckx64");
            queue.onMessage(message(200)); // 101st: neither a power of two nor a second later
            assertThat(reports).hasSize(7);
            now[0] += 1_000_000_000L;
            queue.onMessage(message(201)); // a second on: reported though 102 is no power of two
            assertThat(reports).hasSize(8).last().isEqualTo("StartPingCheckx102");
            queue.onMessage(message(202));
            assertThat(reports).hasSize(8);
            release.countDown();
        }
    }

    @Test
    void aThrowingDropListenerDoesNotStopTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch handled = new CountDownLatch(2);
        try (InboundQueue queue = new InboundQueue("test-dispatch", 1, m -> {
            handled.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, (first, count) -> {
            throw new IllegalStateException("listener bug (expected by the test)");
        }, System::nanoTime)) {
            queue.onMessage(message(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (handled.getCount() == 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            queue.onMessage(message(1));
            queue.onMessage(message(2)); // dropped; the listener throws
            assertThat(queue.dropped()).isEqualTo(1);
            release.countDown();
            assertThat(handled.await(5, TimeUnit.SECONDS)).isTrue(); // message 1 still handled
        }
    }
}
