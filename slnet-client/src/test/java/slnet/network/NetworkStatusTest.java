package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.network.NetworkStatus.AUTHENTICATING;
import static slnet.network.NetworkStatus.CONNECTED;
import static slnet.network.NetworkStatus.CONNECTING;
import static slnet.network.NetworkStatus.DISCONNECTED;
import static slnet.network.NetworkStatus.DISCONNECTING;
import static slnet.network.NetworkStatus.IDLE;
import static slnet.network.NetworkStatus.RECONNECTING;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkStatusTest {

    /** The table written out independently of the enum, so a change to either is noticed. */
    private static final Map<NetworkStatus, Set<NetworkStatus>> LEGAL = Map.of(
            IDLE, EnumSet.of(AUTHENTICATING),
            AUTHENTICATING, EnumSet.of(CONNECTING, DISCONNECTING, DISCONNECTED),
            CONNECTING, EnumSet.of(CONNECTED, DISCONNECTING, DISCONNECTED),
            CONNECTED, EnumSet.of(RECONNECTING, DISCONNECTING, DISCONNECTED),
            RECONNECTING, EnumSet.of(AUTHENTICATING, CONNECTING, DISCONNECTING, DISCONNECTED),
            DISCONNECTING, EnumSet.of(DISCONNECTED),
            DISCONNECTED, EnumSet.of(AUTHENTICATING));

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (NetworkStatus from : NetworkStatus.values()) {
            for (NetworkStatus to : NetworkStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("allPairs")
    void everyPairFollowsTheTable(NetworkStatus from, NetworkStatus to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
        List<NetworkEvent> events = new ArrayList<>();
        NetworkStatusTracker tracker = trackerAt(from, events);
        events.clear();

        if (legal) {
            assertThat(tracker.moveTo(to)).isEqualTo(from);
            assertThat(tracker.status()).isEqualTo(to);
            assertThat(events).containsExactly(new NetworkEvent.StatusChanged(from, to, T0));
        } else {
            assertThatThrownBy(() -> tracker.moveTo(to))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(to.name());
            assertThatThrownBy(() -> tracker.moveIf(from, to))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from.name() + " -> " + to.name());
            assertThat(tracker.status()).isEqualTo(from);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void everyStatusIsReachableFromIdle() {
        Set<NetworkStatus> seen = EnumSet.of(IDLE);
        List<NetworkStatus> frontier = new ArrayList<>(List.of(IDLE));
        while (!frontier.isEmpty()) {
            for (NetworkStatus next : frontier.remove(0).successors()) {
                if (seen.add(next)) {
                    frontier.add(next);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(NetworkStatus.values());
    }

    @Test
    void moveIfFailsQuietlyWhenTheStatusMovedOn() {
        List<NetworkEvent> events = new ArrayList<>();
        NetworkStatusTracker tracker = new NetworkStatusTracker(events::add, CLOCK);
        assertThat(tracker.moveIf(IDLE, AUTHENTICATING)).isTrue();
        assertThat(tracker.moveIf(IDLE, AUTHENTICATING)).isFalse();
        assertThat(tracker.status()).isEqualTo(AUTHENTICATING);
        assertThat(events).hasSize(1);
    }

    @Test
    @Timeout(10)
    void racingThreadsCannotBothWin() throws Exception {
        for (int round = 0; round < 200; round++) {
            List<NetworkEvent> events = new CopyOnWriteArrayList<>();
            NetworkStatusTracker tracker = trackerAt(CONNECTED, events);
            events.clear();
            AtomicInteger winners = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> racers = new ArrayList<>();
            for (NetworkStatus target : List.of(RECONNECTING, DISCONNECTING, DISCONNECTED)) {
                racers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (tracker.moveIf(CONNECTED, target)) {
                        winners.incrementAndGet();
                    }
                }));
            }
            start.countDown();
            for (Thread racer : racers) {
                racer.join();
            }
            assertThat(winners).hasValue(1);
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void statusReadsDoNotBlockAndToStringShowsIt() {
        NetworkStatusTracker tracker = new NetworkStatusTracker(e -> { }, CLOCK);
        assertThat(tracker.status()).isEqualTo(IDLE);
        assertThat(tracker).hasToString("NetworkStatusTracker[IDLE]");
        assertThat(CONNECTED.hasSession()).isTrue();
        assertThat(DISCONNECTED.hasSession()).isFalse();
    }

    /** Walks a legal path from IDLE to {@code target}. */
    private static NetworkStatusTracker trackerAt(NetworkStatus target, List<NetworkEvent> events) {
        NetworkStatusTracker tracker = new NetworkStatusTracker(events::add, CLOCK);
        List<NetworkStatus> path = switch (target) {
            case IDLE -> List.of();
            case AUTHENTICATING -> List.of(AUTHENTICATING);
            case CONNECTING -> List.of(AUTHENTICATING, CONNECTING);
            case CONNECTED -> List.of(AUTHENTICATING, CONNECTING, CONNECTED);
            case RECONNECTING -> List.of(AUTHENTICATING, CONNECTING, CONNECTED, RECONNECTING);
            case DISCONNECTING -> List.of(AUTHENTICATING, CONNECTING, DISCONNECTING);
            case DISCONNECTED -> List.of(AUTHENTICATING, DISCONNECTED);
        };
        path.forEach(tracker::moveTo);
        return tracker;
    }
}
