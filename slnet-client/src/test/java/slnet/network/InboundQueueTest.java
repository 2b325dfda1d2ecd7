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
}
