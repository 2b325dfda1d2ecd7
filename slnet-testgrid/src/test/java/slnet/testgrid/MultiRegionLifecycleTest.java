package slnet.testgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.messages.TeleportFailed;
import slnet.protocol.messages.TeleportLocationRequest;
import slnet.protocol.messages.TeleportProgress;
import slnet.protocol.types.Vector3;
import slnet.testgrid.sim.GridMap;
import slnet.testgrid.sim.RegionSettings;
import slnet.testgrid.sim.Simulator;
import slnet.testgrid.sim.ThreadLeakCheck;

/** Building, closing and degraded modes of a multi-region {@link TestGrid}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiRegionLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "secret");

    private static TestGrid.Builder threeRegions() {
        return TestGrid.builder().account(ALICE).region("Alpha", 1000, 1000).region("Beta", 1001, 1000)
                .region("Gamma", 1010, 1010).pollHold(Duration.ofMillis(500));
    }

    private static void arrive(GridViewer viewer, Simulator sim) throws Exception {
        viewer.connect(sim.address());
        viewer.await("udp:" + sim.region().name(), "RegionHandshake", WAIT);
        viewer.completeMovement(sim.address());
        viewer.awaitMessage("udp:" + sim.region().name(), AgentMovementComplete.class, WAIT);
        sim.awaitAgentInRegion(viewer.session.agentId(), WAIT);
    }

    @Test
    void closeLeavesNoThreadsOrSockets() throws Exception {
        ThreadLeakCheck leaks = new ThreadLeakCheck();
        TestGrid grid = threeRegions().start();
        List<InetSocketAddress> udp = grid.simulators().stream().map(Simulator::address).toList();
        int capsPort = grid.capsServer().orElseThrow().baseUri().getPort();
        try (GridViewer viewer = GridViewer.login(grid, ALICE)) {
            viewer.startEventQueue("Alpha", viewer.session.seedCapability().orElseThrow());
            arrive(viewer, grid.simulator("Alpha"));
            viewer.awaitMessage("eq:Alpha", EnableSimulator.class, WAIT);
            viewer.connect(grid.simulator("Beta").address());
            viewer.await("eq:Alpha", "EstablishAgentCommunication", WAIT);
        }
        grid.close();
        grid.close();
        leaks.assertNoNewThreads();
        for (InetSocketAddress a : udp) {
            try (DatagramSocket rebound = new DatagramSocket(a)) {
                assertThat(rebound.getLocalPort()).isEqualTo(a.getPort());
            }
        }
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.setReuseAddress(true);
            rebound.bind(new InetSocketAddress(udp.get(0).getAddress(), capsPort));
        }
    }

    @Test
    void badRegionLayoutsAreRefusedAndLeaveNothingRunning() throws Exception {
        ThreadLeakCheck leaks = new ThreadLeakCheck();
        assertThatThrownBy(() -> TestGrid.builder().region("A", 1, 1).region("a", 2, 2).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two regions named");
        assertThatThrownBy(() -> TestGrid.builder().region("A", 1, 1).region("B", 1, 1).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already runs");
        assertThatThrownBy(() -> TestGrid.builder().region("A", 1, 1).startRegion("Nowhere").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> TestGrid.builder().regionCorner(100, 256).start())
                .isInstanceOf(IllegalArgumentException.class);
        leaks.assertNoNewThreads();
    }

    @Test
    void neighboursAreTheEightAround() {
        RegionSettings centre = settings(10, 10);
        assertThat(GridMap.adjacent(centre, settings(11, 11))).isTrue();
        assertThat(GridMap.adjacent(centre, settings(9, 10))).isTrue();
        assertThat(GridMap.adjacent(centre, settings(10, 10))).isFalse();
        assertThat(GridMap.adjacent(centre, settings(12, 10))).isFalse();
    }

    private static RegionSettings settings(int x, int y) {
        return new RegionSettings("r", x * 256, y * 256, java.util.UUID.randomUUID(), 20, Vector3.ZERO);
    }

    @Test
    void singleRegionGridHandsOutARealSeed() throws Exception {
        try (TestGrid grid = TestGrid.builder().account(ALICE).regionName("Testville").start();
                GridViewer viewer = GridViewer.login(grid, ALICE)) {
            assertThat(grid.simulators()).containsExactly(grid.simulator());
            assertThat(viewer.session.seedCapability()).contains(
                    grid.capabilities(ALICE.agentId(), "Testville").orElseThrow().seedUri());
            assertThat(viewer.startEventQueue("Testville", viewer.session.seedCapability().orElseThrow()).byName())
                    .containsKey("EventQueueGet");
        }
    }

    @Test
    void withoutCapabilitiesNothingUdpBlacklistedIsSentOverUdp() throws Exception {
        try (TestGrid grid = threeRegions().capabilities(false).start();
                GridViewer viewer = GridViewer.login(grid, ALICE)) {
            assertThat(grid.capsServer()).isEmpty();
            assertThat(grid.capabilities(ALICE.agentId(), "Alpha")).isEmpty();
            Simulator alpha = grid.simulator("Alpha");
            arrive(viewer, alpha);
            long nowhere = ((long) (2000 * 256) << 32) | (2000 * 256);
            viewer.send(alpha.address(), teleport(viewer, nowhere));
            TeleportFailed failed = viewer.awaitMessage("udp:Alpha", TeleportFailed.class, WAIT);
            assertThat(failed.info().reason().asString()).isEqualTo("no_host");
            viewer.send(alpha.address(), teleport(viewer, grid.simulator("Gamma").region().handle()));
            viewer.awaitMessage("udp:Alpha", TeleportProgress.class, WAIT);
            // Alpha let the agent go, which is when the finish would have been sent; one more round
            // trip on the circuit and it would have arrived: still none.
            alpha.awaitChildAgent(ALICE.agentId(), WAIT);
            viewer.send(alpha.address(), new slnet.protocol.messages.AgentThrottle(
                    new slnet.protocol.messages.AgentThrottle.AgentData(ALICE.agentId(), viewer.session.sessionId(),
                            viewer.session.circuitCode()),
                    new slnet.protocol.messages.AgentThrottle.Throttle(0, slnet.protocol.types.Bytes.EMPTY)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(viewer.names("udp:Alpha")).containsSubsequence("AgentMovementComplete", "TeleportFailed",
                    "TeleportStart", "TeleportProgress").doesNotContain("EnableSimulator", "TeleportFinish");
            assertThat(viewer.names("eq:Alpha")).isEmpty();
        }
    }

    private static TeleportLocationRequest teleport(GridViewer viewer, long handle) {
        return new TeleportLocationRequest(new TeleportLocationRequest.AgentData(ALICE.agentId(),
                viewer.session.sessionId()), new TeleportLocationRequest.Info(handle, new Vector3(10, 10, 10),
                        new Vector3(1, 0, 0)));
    }

    @Test
    void anAgentThatNeverArrivesIsDisabledAfterTheGrace() throws Exception {
        try (TestGrid grid = threeRegions().departureGrace(Duration.ofMillis(300)).start();
                GridViewer viewer = GridViewer.login(grid, ALICE)) {
            Simulator alpha = grid.simulator("Alpha");
            viewer.startEventQueue("Alpha", viewer.session.seedCapability().orElseThrow());
            arrive(viewer, alpha);
            viewer.send(alpha.address(), new TeleportLocationRequest(new TeleportLocationRequest.AgentData(
                    ALICE.agentId(), viewer.session.sessionId()), new TeleportLocationRequest.Info(
                            grid.simulator("Gamma").region().handle(), new Vector3(10, 10, 10), new Vector3(1, 0, 0))));
            viewer.awaitMessage("eq:Alpha", TeleportFinish.class, WAIT);
            assertThat(alpha.awaitChildAgent(ALICE.agentId(), WAIT).inRegion()).isFalse();
            viewer.await("udp:Alpha", "DisableSimulator", WAIT);
            alpha.awaitAgentGone(ALICE.agentId(), WAIT);
        }
    }
}
