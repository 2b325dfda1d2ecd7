package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EventDispatcherTest {
    @Test
    void deliversInOrderOnTheExecutorAndDropsPastTheBound() {
        List<Runnable> pending = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        EventDispatcher<String> dispatcher = new EventDispatcher<>(seen::add, pending::add, 3);
        for (int i = 0; i < 5; i++) {
            dispatcher.post("e" + i);
        }
        assertThat(seen).isEmpty();
        assertThat(pending).hasSize(1);
        assertThat(dispatcher.dropped()).isEqualTo(2);
        pending.remove(0).run();
        assertThat(seen).containsExactly("e0", "e1", "e2");
        dispatcher.post("e5");
        pending.remove(0).run();
        assertThat(seen).containsExactly("e0", "e1", "e2", "e5");
    }

    @Test
    @Timeout(5)
    void aBlockedListenerNeverBlocksThePoster() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            EventDispatcher<String> dispatcher = new EventDispatcher<>(event -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(event);
            }, executor, 10);
            for (int i = 0; i < 100; i++) {
                dispatcher.post("e" + i); // returns at once although the listener is stuck
            }
            assertThat(dispatcher.dropped()).isGreaterThanOrEqualTo(89);
            release.countDown();
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).startsWith("e0").hasSizeLessThanOrEqualTo(11);
    }

    @Test
    void aThrowingListenerDoesNotStopDelivery() {
        List<String> seen = new ArrayList<>();
        EventDispatcher<String> dispatcher = new EventDispatcher<>(event -> {
            seen.add(event);
            throw new IllegalStateException("listener bug");
        }, Runnable::run, 10);
        dispatcher.post("a");
        dispatcher.post("b");
        assertThat(seen).containsExactly("a", "b");
    }
}
