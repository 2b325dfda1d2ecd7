package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.caps.CapabilityException;
import slnet.handler.MessagePath;
import slnet.network.CapabilitiesGranted;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.RegionCrossed;
import slnet.network.TeleportException;
import slnet.network.TeleportFailed;
import slnet.network.TeleportFinished;
import slnet.network.TeleportProgressed;
import slnet.network.TeleportStarted;
import slnet.network.TracedPacket;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.DisableSimulator;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;
import slnet.testing.LeakCheckExtension;

/**
 * A client on a three-region grid over real UDP and HTTP on loopback: Alpha (1000,1000) and Beta
 * (1001,1000) are neighbours, Gamma (1010,1010) is far from both. Neighbours, teleports, crossings
 * and capability faults, all seen through the client's events.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class RegionsTest {
    private static final Vector3 LOOK_NORTH = new Vector3(0, 1, 0);

    private final List<TracedPacket> trace = Collections.synchronizedList(new ArrayList<>());
    private TestGrid grid;
    private Client alice;
    private Simulator alpha;
    private Simulator beta;
    private Simulator gamma;
    private EventStream events;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).region("Alpha", 1000, 1000).region("Beta", 1001, 1000)
                .region("Gamma", 1010, 1010).homeRegion("Alpha").circuitConfig(E2e.FAST_SIM)
                .pollHold(java.time.Duration.ofMillis(500)).start();
        alpha = grid.simulator("Alpha");
        beta = grid.simulator("Beta");
        gamma = grid.simulator("Gamma");
        alice = Client.create(slnet.ClientConfig.builder().network(E2e.network().packetTap(trace::add).build()).build());
        events = alice.events().events();
    }

    @AfterEach
    void stop() {
        alice.close();
        grid.close();
    }

    private void connect() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
    }

    private void awaitCircuit(InetSocketAddress address) throws Exception {
        events.awaitEvent(NetworkEvent.CircuitConnected.class, e -> e.simulator().equals(address), WAIT);
    }

    private void awaitCapabilities(InetSocketAddress address) throws Exception {
        events.awaitEvent(CapabilitiesGranted.class, e -> e.simulator().equals(address), WAIT);
    }

    private void awaitCircuits(InetSocketAddress... addresses) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!alice.network().circuitAddresses().equals(java.util.Set.of(addresses))
                && System.nanoTime() < deadline) {
            Thread.sleep(10); // circuits close on their own threads after the event that closed them
        }
        assertThat(alice.network().circuitAddresses()).containsExactlyInAnyOrder(addresses);
    }

    @Test
    void neighbourAppearsWithItsCapabilitiesAndDisappearsWhenOutOfView() throws Exception {
        connect();
        awaitCapabilities(alpha.address());
        awaitCircuit(beta.address());
        awaitCapabilities(beta.address());
        assertThat(alice.network().circuitAddresses()).containsExactlyInAnyOrder(alpha.address(), beta.address());
        assertThat(beta.awaitChildAgent(ALICE.agentId(), WAIT).inRegion()).isFalse();
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Alpha");

        // The primary region's capabilities are callable with LLSD in and out.
        var caps = alice.capabilities().orElseThrow();
        assertThat(caps.granted().has("EventQueueGet")).isTrue();
        assertThatThrownBy(() -> caps.post("NoSuchCapability", Llsd.undef())).isInstanceOf(CapabilityException.class);

        // EnableSimulator arrived over the event queue, dispatched on its path and traced as such.
        assertThat(alice.handlers().stats().toString()).isNotEmpty();
        List<TracedPacket> traced;
        synchronized (trace) {
            traced = List.copyOf(trace);
        }
        assertThat(traced).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(MessagePath.EVENT_QUEUE);
            assertThat(p.messageName()).isEqualTo("EnableSimulator");
        });

        // Gamma sees neither: both go out of view.
        alice.teleport("Gamma", new Vector3(100, 60, 30), LOOK_NORTH).get(10, TimeUnit.SECONDS);
        // Either may go first.
        java.util.Set<InetSocketAddress> lost = new java.util.HashSet<>();
        while (lost.size() < 2) {
            lost.add(events.awaitEvent(NetworkEvent.CircuitLost.class, WAIT).simulator());
        }
        assertThat(lost).containsExactlyInAnyOrder(alpha.address(), beta.address());
        awaitCircuits(gamma.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
    }

    @Test
    void teleportThereAndBackHome() throws Exception {
        List<Class<?>> seen = Collections.synchronizedList(new ArrayList<>());
        alice.events().subscribe(e -> seen.add(e.getClass()));
        connect();
        Vector3 there = new Vector3(100, 60, 30);
        TeleportFinished finished = alice.teleport("gamma", there, LOOK_NORTH).get(10, TimeUnit.SECONDS);
        assertThat(finished.regionName()).isEqualTo("Gamma");
        assertThat(finished.regionHandle()).isEqualTo(gamma.region().handle());
        assertThat(finished.position()).isEqualTo(there);
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Gamma");
        assertThat(alice.position().orElseThrow().position()).isEqualTo(there);
        assertThat(alice.position().orElseThrow().regionHandle()).isEqualTo(gamma.region().handle());
        assertThat(events.awaitEvent(TeleportStarted.class, WAIT).flags()).isEqualTo(1 << 4);
        assertThat(events.awaitEvent(TeleportProgressed.class, WAIT).message()).isNotEmpty();
        events.awaitEvent(TeleportFinished.class, WAIT);
        gamma.awaitAgentInRegion(ALICE.agentId(), WAIT);
        awaitCapabilities(gamma.address());
        awaitCircuits(gamma.address());
        assertThat(alice.network().primaryCircuit()).contains(gamma.address());

        // Chat goes to the new region.
        alice.chat().say("hello from Gamma");

        TeleportFinished home = alice.teleportHome().get(10, TimeUnit.SECONDS);
        assertThat(home.regionName()).isEqualTo("Alpha");
        assertThat(home.position()).isEqualTo(alpha.region().spawn());
        alpha.awaitAgentInRegion(ALICE.agentId(), WAIT);
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Alpha");
        // Back in Alpha: Beta is announced again.
        awaitCircuit(beta.address());
        awaitCircuits(alpha.address(), beta.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        List<Class<?>> seenNow;
        synchronized (seen) { // the subscriber may still be adding (a late CircuitLost)
            seenNow = List.copyOf(seen);
        }
        assertThat(seenNow).contains(TeleportStarted.class, TeleportProgressed.class, TeleportFinished.class,
                CapabilitiesGranted.class, NetworkEvent.CircuitConnected.class, NetworkEvent.CircuitLost.class);

        alice.disconnect();
        alpha.awaitAgentGone(ALICE.agentId(), WAIT);
    }

    @Test
    void aTeleportFinishNoTeleportWaitsForMovesNothing() throws Exception {
        // The viewer drops a redundant TeleportFinish; a late event-queue delivery must not send
        // the agent off to another region.
        connect();
        awaitCapabilities(alpha.address());
        CountDownLatch handled = new CountDownLatch(1);
        alice.handlers().register(slnet.protocol.messages.TeleportFinish.class, (m, c) -> handled.countDown());
        grid.capabilities(ALICE.agentId(), "Alpha").orElseThrow().enqueue(new slnet.protocol.messages.TeleportFinish(new slnet.protocol.messages.TeleportFinish.Info(
                ALICE.agentId(), 0, (java.net.Inet4Address) gamma.address().getAddress(), gamma.address().getPort(),
                gamma.region().handle(), slnet.protocol.types.Bytes.ofString(""), 13, 1 << 4)));
        // Our handler runs after the client's own: once it ran, a move would have opened its circuit.
        assertThat(handled.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(alice.network().circuitAddresses()).doesNotContain(gamma.address());
        assertThat(alice.network().primaryCircuit()).contains(alpha.address());
        // A teleport asked for afterwards works as ever.
        assertThat(alice.teleport("Gamma", new Vector3(100, 60, 30), LOOK_NORTH).get(10, TimeUnit.SECONDS).regionName())
                .isEqualTo("Gamma");
    }

    @Test
    void aTeleportStraightBackKeepsTheNewCircuitAndLogoutIsAnswered() throws Exception {
        // `slnet demo` teleports away and straight back: the first move's clean-up, still running
        // when the second move arrived, closed the home region's new circuit as "no longer a
        // neighbour" of the first destination, and the logout that followed was never answered.
        connect();
        for (int round = 0; round < 3; round++) {
            alice.teleport("Gamma", new Vector3(100, 60, 30), LOOK_NORTH).get(10, TimeUnit.SECONDS);
            // The clean-up is done when the caller hears of the arrival, not some time after.
            assertThat(alice.network().circuitAddresses()).containsExactly(gamma.address());
            alice.teleportHome().get(10, TimeUnit.SECONDS);
            assertThat(alice.network().circuitAddresses()).contains(alpha.address()).doesNotContain(gamma.address());
            assertThat(alice.network().primaryCircuit()).contains(alpha.address());
        }
        alice.disconnect();
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).isEqualTo("logged out");
    }

    @Test
    void teleportToAnUnknownRegionFailsCleanly() throws Exception {
        connect();
        assertThatThrownBy(() -> alice.teleport("Atlantis", new Vector3(1, 2, 3), LOOK_NORTH).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TeleportException.class)
                .hasMessageContaining("Atlantis");
        long nowhere = ((long) (1005 * 256) << 32) | (1005 * 256);
        assertThatThrownBy(() -> alice.teleport(nowhere, new Vector3(1, 2, 3), LOOK_NORTH).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TeleportException.class)
                .hasMessageContaining("no_host");
        assertThat(events.awaitEvent(TeleportFailed.class, WAIT).reason()).isEqualTo("no_host");
        assertThatThrownBy(() -> alice.teleportToLandmark(java.util.UUID.randomUUID()).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(TeleportException.class).hasMessageContaining("nolandmark_tp");
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Alpha");
        assertThat(alpha.agent(ALICE.agentId()).orElseThrow().inRegion()).isTrue();
        // And a real teleport still works afterwards.
        alice.teleport(gamma.region().handle(), new Vector3(5, 5, 5), LOOK_NORTH).get(10, TimeUnit.SECONDS);
    }

    @Test
    void teleportToANeighbourPromotesItsChildCircuitAndKeepsTheOldRegionAsNeighbour() throws Exception {
        connect();
        awaitCircuit(beta.address());
        awaitCapabilities(beta.address());
        TeleportFinished finished = alice.teleport("Beta", new Vector3(30, 40, 50), LOOK_NORTH)
                .get(10, TimeUnit.SECONDS);
        assertThat(finished.regionName()).isEqualTo("Beta");
        assertThat(finished.simulator()).isEqualTo(beta.address());
        beta.awaitAgentInRegion(ALICE.agentId(), WAIT);
        assertThat(alice.network().primaryCircuit()).contains(beta.address());
        assertThat(alice.network().circuitAddresses()).containsExactlyInAnyOrder(alpha.address(), beta.address());
        assertThat(beta.receivedMessages(ALICE.agentId())).containsOnlyOnce("UseCircuitCode");
        assertThat(alpha.awaitChildAgent(ALICE.agentId(), WAIT).inRegion()).isFalse();
        assertThat(alice.position().orElseThrow().position()).isEqualTo(new Vector3(30, 40, 50));
    }

    @Test
    void crossingIntoTheNeighbourSwitchesThePrimaryCircuit() throws Exception {
        connect();
        awaitCircuit(beta.address());
        awaitCapabilities(beta.address());
        alpha.moveAgent(ALICE.agentId(), new Vector3(258, 100, 25));
        RegionCrossed crossed = events.awaitEvent(RegionCrossed.class, WAIT);
        assertThat(crossed.regionName()).isEqualTo("Beta");
        assertThat(crossed.regionHandle()).isEqualTo(beta.region().handle());
        assertThat(crossed.position()).isEqualTo(new Vector3(2, 100, 25));
        beta.awaitAgentInRegion(ALICE.agentId(), WAIT);
        assertThat(alice.network().primaryCircuit()).contains(beta.address());
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Beta");
        assertThat(alice.position().orElseThrow().regionHandle()).isEqualTo(beta.region().handle());
        // Alpha stays as a neighbour.
        assertThat(alice.network().circuitAddresses()).contains(alpha.address());
        assertThat(alpha.awaitChildAgent(ALICE.agentId(), WAIT).inRegion()).isFalse();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alice.capabilities().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(alice.capabilities()).isPresent();
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
    }

    @Test
    void aNeighbourThatDiesIsLostWithoutTakingTheSessionDown() throws Exception {
        connect();
        awaitCircuit(beta.address());
        awaitCapabilities(beta.address());
        beta.killAbruptly();
        NetworkEvent.CircuitLost lost = events.awaitEvent(NetworkEvent.CircuitLost.class,
                e -> e.simulator().equals(beta.address()), WAIT);
        assertThat(lost.reason()).contains("no packets");
        awaitCircuits(alpha.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        alice.chat().say("still here");
        events.awaitEvent(slnet.ChatReceived.class, c -> c.message().text().equals("still here"), WAIT);
    }

    @Test
    void anEventQueueThatKeepsAnswering502StillDeliversLater() throws Exception {
        grid.openCapabilities(ALICE.agentId(), "Alpha").failNextPolls(25, 502);
        // Registered before connecting, and awaited itself: the neighbour's circuit can be up (its
        // handshake runs on its own thread) before a lower-priority handler of the same
        // EnableSimulator has run, and the message can arrive before a handler registered later.
        CompletableFuture<MessagePath> enabled = new CompletableFuture<>();
        alice.handlers().register(EnableSimulator.class, (m, c) -> enabled.complete(c.path()));
        connect();
        assertThat(enabled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(MessagePath.EVENT_QUEUE);
        awaitCircuit(beta.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
    }

    @Test
    void aDisableSimulatorFromTheRegionLeftThatIsHandledAcrossTheSwitchEndsNothing() throws Exception {
        // The ordering a busy machine produced: Alpha's DisableSimulator is taken up on its circuit
        // while Alpha is still primary, and decided on after Gamma's arrival made Gamma primary.
        // Handlers hold both threads at those points, so the ordering is certain.
        connect();
        CountDownLatch disableTakenUp = new CountDownLatch(1);
        CompletableFuture<TeleportFinished> teleported = new CompletableFuture<>();
        alice.handlers().register(DisableSimulator.class, (m, c) -> {
            if (c.circuit().remoteAddress().equals(alpha.address())) {
                disableTakenUp.countDown();
                awaitQuietly(teleported);
            }
        });
        alice.handlers().register(AgentMovementComplete.class, (m, c) -> {
            if (c.circuit().remoteAddress().equals(gamma.address())) {
                awaitQuietly(disableTakenUp);
            }
        });
        alice.teleport(gamma.region().handle(), new Vector3(5, 5, 5), LOOK_NORTH).whenComplete((f, e) -> {
            if (e != null) {
                teleported.completeExceptionally(e);
            } else {
                teleported.complete(f);
            }
        });
        assertThat(teleported.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).regionName()).isEqualTo("Gamma");
        assertThat(disableTakenUp.getCount()).isZero();
        events.awaitEvent(NetworkEvent.CircuitLost.class, e -> e.simulator().equals(alpha.address()), WAIT);
        awaitCircuits(gamma.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        assertThat(alice.region().orElseThrow().name()).isEqualTo("Gamma");
    }

    @Test
    void theRegionLeftLettingGoBeforeTeleportFinishEndsNothing() throws Exception {
        alpha.setDisableBeforeTeleportFinish(true);
        connect();
        TeleportFinished finished = alice.teleport(gamma.region().handle(), new Vector3(5, 5, 5), LOOK_NORTH)
                .get(10, TimeUnit.SECONDS);
        assertThat(finished.regionName()).isEqualTo("Gamma");
        gamma.awaitAgentInRegion(ALICE.agentId(), WAIT);
        assertThat(events.awaitEvent(NetworkEvent.CircuitLost.class, e -> e.simulator().equals(alpha.address()),
                WAIT).reason()).isEqualTo("simulator disabled the circuit");
        awaitCircuits(gamma.address());
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        assertThat(alice.network().primaryCircuit()).contains(gamma.address());
        alice.chat().say("made it");
        gamma.awaitMessage(ALICE.agentId(), "ChatFromViewer", WAIT);
    }

    @Test
    void aTeleportThatFailsAfterTheRegionLeftLetGoEndsTheSession() throws Exception {
        alpha.setDisableBeforeTeleportFinish(true);
        connect();
        // Gamma dies once the teleport is under way (TeleportProgress comes before Alpha lets go and
        // before TeleportFinish is queued): the agent has left Alpha and never reaches Gamma.
        alice.handlers().register(slnet.protocol.messages.TeleportProgress.class, (m, c) -> gamma.killAbruptly());
        assertThatThrownBy(() -> alice.teleport(gamma.region().handle(), new Vector3(5, 5, 5), LOOK_NORTH)
                .get(15, TimeUnit.SECONDS)).cause().isInstanceOf(TeleportException.class)
                .hasMessageContaining("could not enter the destination");
        NetworkEvent.Disconnected gone = events.awaitEvent(NetworkEvent.Disconnected.class, WAIT);
        assertThat(gone.reason()).startsWith("lost between regions");
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }

    private static void awaitQuietly(java.util.concurrent.Future<?> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // the test's own assertions report it
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDeadCapabilityServerLeavesTheUdpSessionUp() throws Exception {
        connect();
        awaitCapabilities(alpha.address());
        var caps = alice.capabilities().orElseThrow();
        grid.killCapsServer();
        assertThatThrownBy(() -> caps.post("SimulatorFeatures", Llsd.undef())).isInstanceOf(CapabilityException.class);
        alpha.moveAgent(ALICE.agentId(), new Vector3(50, 50, 25));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!alice.position().map(p -> p.position().equals(new Vector3(50, 50, 25))).orElse(false)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(alice.position().orElseThrow().position()).isEqualTo(new Vector3(50, 50, 25));
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        // The event queue's failures are reported, and it keeps trying.
        assertThat(events.awaitEvent(NetworkEvent.ErrorOccurred.class,
                e -> e.description().startsWith("event queue of " + alpha.address()), WAIT).cause())
                .isInstanceOf(CapabilityException.class);
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        // A teleport needs the event queue for its TeleportFinish: it fails by timeout, the session stays.
        alice.disconnect();
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }
}
