package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

@ExtendWith(LeakCheckExtension.class)
@Timeout(10)
class NetworkEventBusTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Platform threads named slnet-*, so LeakCheckExtension sees them (it cannot see virtual ones). */
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final ThreadFactory threads = r -> {
        Thread t = Thread.ofPlatform().daemon().name("slnet-events-test-" + numbers.incrementAndGet()).unstarted(r);
        made.add(t);
        return t;
    };
    private final NetworkEventBus bus = new NetworkEventBus(threads);

    @AfterEach
    void closeBus() {
        bus.close();
    }

    private static NetworkEvent disconnected(int n) {
        return new NetworkEvent.Disconnected("reason " + n, T0);
    }

    @Test
    void everySubscriberGetsEveryEventInOrder() throws Exception {
        int subscribers = 20;
        int events = 100;
        List<List<NetworkEvent>> received = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(subscribers);
        for (int i = 0; i < subscribers; i++) {
            List<NetworkEvent> mine = new CopyOnWriteArrayList<>();
            received.add(mine);
            bus.subscribe(e -> {
                mine.add(e);
                if (mine.size() == events) {
                    done.countDown();
                }
            }, events);
        }
        List<NetworkEvent> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            sent.add(disconnected(i));
            bus.publish(sent.get(i));
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        for (List<NetworkEvent> mine : received) {
            assertThat(mine).containsExactlyElementsOf(sent);
        }
        assertThat(bus.published()).isEqualTo(events);
        assertThat(bus.subscriberCount()).isEqualTo(subscribers);
    }

    @Test
    void slowSubscriberDropsWithoutBlockingThePublisherOrOthers() throws Exception {
        CountDownLatch slowEntered = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        Subscription slow = bus.subscribe(e -> {
            slowEntered.countDown();
            try {
                releaseSlow.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, 4);
        EventStream fast = bus.events(1000);

        bus.publish(disconnected(0));
        assertThat(slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
        // The slow listener holds event 0; 4 more fit its buffer; the other 95 are dropped for it alone.
        for (int i = 1; i < 100; i++) {
            bus.publish(disconnected(i));
        }
        assertThat(slow.dropped()).isEqualTo(95);
        assertThat(fast.dropped()).isZero();
        assertThat(fast.delivered()).isEqualTo(100);

        releaseSlow.countDown();
        fast.awaitEvent(NetworkEvent.Disconnected.class, d -> d.reason().equals("reason 99"), WAIT);
        bus.close();
        assertThat(slow.delivered()).isBetween(1L, 5L);
        assertThat(slow.isOpen()).isFalse();
    }

    @Test
    void throwingListenerIsCountedAndKeepsReceiving() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        Subscription subscription = bus.subscribe(e -> {
            if (((NetworkEvent.Disconnected) e).reason().equals("reason 0")) {
                throw new IllegalStateException("boom (expected by the test)");
            }
            second.countDown();
        });
        bus.publish(disconnected(0));
        bus.publish(disconnected(1));
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscription.failures()).isEqualTo(1);
        assertThat(subscription.delivered()).isEqualTo(2);
    }

    @Test
    void closingASubscriptionStopsDeliveryAndItsThreadAndIsIdempotent() throws Exception {
        List<NetworkEvent> got = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(got::add);
        subscription.close();
        subscription.close();
        assertThat(subscription.isOpen()).isFalse();
        assertThat(bus.subscriberCount()).isZero();
        bus.publish(disconnected(0));
        assertThat(made).as("no delivery thread for a closed subscription").isEmpty();
        assertThat(got).isEmpty();
    }

    @Test
    void aListenerMayCloseItsOwnSubscription() throws Exception {
        Subscription[] self = new Subscription[1];
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch subscribed = new CountDownLatch(1);
        self[0] = bus.subscribe(e -> {
            try {
                subscribed.await();
            } catch (InterruptedException ignored) {
                return;
            }
            self[0].close();
            closed.countDown();
        });
        subscribed.countDown();
        bus.publish(disconnected(0));
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        made.get(0).join(5000);
        assertThat(made.get(0).isAlive()).isFalse();
    }

    @Test
    void closeEndsEveryThreadAndRejectsNewSubscribers() throws Exception {
        for (int i = 0; i < 10; i++) {
            bus.subscribe(e -> { });
        }
        assertThat(made).as("an idle subscription holds no thread").isEmpty();
        bus.publish(disconnected(0));
        EventStream stream = bus.events();
        bus.close();
        bus.close();
        assertThat(made).hasSize(10).noneMatch(Thread::isAlive);
        assertThat(stream.isOpen()).isFalse();
        assertThat(bus.isOpen()).isFalse();
        bus.publish(disconnected(1));
        assertThat(bus.published()).as("only what was published while open").isEqualTo(1);
        assertThatThrownBy(() -> bus.subscribe(e -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(bus::events).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeInterruptsAListenerThatNeverReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        bus.subscribe(e -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        bus.publish(disconnected(0));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        bus.close();
        assertThat(made.get(0).isAlive()).isFalse();
    }

    @Test
    void aDeliveryThreadEndsWhenTheBufferIsEmptyAndANewOneKeepsTheOrder() throws Exception {
        List<NetworkEvent> got = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        bus.subscribe(e -> {
            got.add(e);
            first.countDown();
        });
        bus.publish(disconnected(0));
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        made.get(0).join(5000);
        assertThat(made.get(0).isAlive()).as("idle again: the thread ended").isFalse();
        for (int i = 1; i <= 50; i++) {
            bus.publish(disconnected(i));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < 51 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(got).hasSize(51);
        for (int i = 0; i <= 50; i++) {
            assertThat(((NetworkEvent.Disconnected) got.get(i)).reason()).isEqualTo("reason " + i);
        }
    }

    @Test
    void aFactoryThatMakesNoThreadCostsTheEventsNotThePublisher() {
        NetworkEventBus refusing = new NetworkEventBus(r -> null);
        Subscription subscription = refusing.subscribe(e -> { });
        refusing.publish(disconnected(0));
        refusing.publish(disconnected(1));
        assertThat(subscription.failures()).isEqualTo(2);
        assertThat(subscription.delivered()).isZero();
        refusing.close();
    }

    @Test
    void defaultBusUsesVirtualThreadsAndEndsThem() throws Exception {
        Thread[] delivery = new Thread[1];
        CountDownLatch got = new CountDownLatch(1);
        NetworkEventBus virtualBus = new NetworkEventBus();
        virtualBus.subscribe(e -> {
            delivery[0] = Thread.currentThread();
            got.countDown();
        });
        virtualBus.publish(disconnected(0));
        assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
        virtualBus.close();
        assertThat(delivery[0].isVirtual()).isTrue();
        assertThat(delivery[0].getName()).startsWith("slnet-events-");
        assertThat(delivery[0].isAlive()).isFalse();
    }

    @Test
    void eventStreamAwaitsByTypeAndPredicateAndTimesOut() throws Exception {
        EventStream stream = bus.events(8);
        InetSocketAddress sim = new InetSocketAddress("127.0.0.1", 13000);
        bus.publish(new NetworkEvent.StatusChanged(NetworkStatus.IDLE, NetworkStatus.AUTHENTICATING, T0));
        bus.publish(new NetworkEvent.CircuitConnected(sim, T0));
        bus.publish(new NetworkEvent.Connected(new SessionSummary(new UUID(1, 2), "Test Resident", "Sandbox"), T0));

        NetworkEvent.Connected connected = stream.awaitEvent(NetworkEvent.Connected.class,
                c -> c.session().regionName().equals("Sandbox"), WAIT);
        assertThat(connected.session().agentName()).isEqualTo("Test Resident");
        assertThat(stream.poll(Duration.ZERO)).isNull();
        assertThatThrownBy(() -> stream.awaitEvent(NetworkEvent.CircuitLost.class, Duration.ofMillis(20)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("CircuitLost");

        for (int i = 0; i < 10; i++) {
            bus.publish(disconnected(i));
        }
        assertThat(stream.dropped()).isEqualTo(2);
        assertThat(stream.poll(WAIT)).isEqualTo(disconnected(0));
        stream.close();
        stream.close();
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void extensionEventsTravelLikeCoreOnes() throws Exception {
        record TeleportFinished(String region, Instant at) implements NetworkEvent.ExtensionEvent { }
        EventStream stream = bus.events();
        bus.publish(new TeleportFinished("Elsewhere", T0));
        NetworkEvent event = stream.poll(WAIT);
        String described = switch (event) {
            case NetworkEvent.StatusChanged s -> "status";
            case NetworkEvent.Connected c -> "connected";
            case NetworkEvent.CircuitConnected c -> "circuit up";
            case NetworkEvent.CircuitLost c -> "circuit lost";
            case NetworkEvent.Disconnected d -> "disconnected";
            case NetworkEvent.PacketRejected r -> "rejected";
            case NetworkEvent.ErrorOccurred e -> "error";
            case NetworkEvent.ExtensionEvent e -> "extension";
        };
        assertThat(described).isEqualTo("extension");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> bus.subscribe(e -> { }, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.events(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.publish(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NetworkEvent.CircuitLost(null, "x", T0)).isInstanceOf(NullPointerException.class);
        assertThat(new NetworkEvent.ErrorOccurred("no cause", null, T0).cause()).isNull();
    }

    @Test
    void trackerPublishesThroughTheBus() throws Exception {
        EventStream stream = bus.events();
        NetworkStatusTracker tracker = new NetworkStatusTracker(bus::publish, java.time.Clock.systemUTC());
        tracker.moveTo(NetworkStatus.AUTHENTICATING);
        NetworkEvent.StatusChanged changed = stream.awaitEvent(NetworkEvent.StatusChanged.class, WAIT);
        assertThat(changed.from()).isEqualTo(NetworkStatus.IDLE);
        assertThat(changed.to()).isEqualTo(NetworkStatus.AUTHENTICATING);
    }
}
