package slnet.testgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.caps.EventQueueEvent;
import slnet.caps.EventQueueSink;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.CrossedRegion;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.TeleportFailed;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.messages.TeleportLandmarkRequest;
import slnet.protocol.messages.TeleportLocationRequest;
import slnet.protocol.messages.TeleportProgress;
import slnet.protocol.messages.TeleportStart;
import slnet.protocol.types.Vector3;
import slnet.testgrid.sim.Simulator;

/**
 * Neighbours, teleports and crossings on a three-region grid, driven by a scripted viewer over
 * real UDP and HTTP on loopback. Alpha (1000,1000) and Beta (1001,1000) are neighbours; Gamma
 * (1010,1010) is far from both.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiRegionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "secret");
    private static final int VIA_LOCATION = 1 << 4;
    private static final int VIA_HOME = 1 << 5;
    private static final int FINISHED_VIA_NEW_SIM = 1 << 28;

    private TestGrid grid;
    private GridViewer viewer;
    private Simulator alpha;
    private Simulator beta;
    private Simulator gamma;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).region("Alpha", 1000, 1000).region("Beta", 1001, 1000)
                .region("Gamma", 1010, 1010).pollHold(Duration.ofMillis(500)).start();
        alpha = grid.simulator("Alpha");
        beta = grid.simulator("Beta");
        gamma = grid.simulator("Gamma");
        viewer = GridViewer.login(grid, ALICE);
    }

    @AfterEach
    void stop() {
        if (viewer != null) {
            viewer.close();
        }
        grid.close();
    }

    private UUID agent() {
        return ALICE.agentId();
    }

    /** Login to Alpha: event queue, circuit, handshake; returns AgentMovementComplete. */
    private AgentMovementComplete arriveInAlpha() throws Exception {
        assertThat(viewer.session.simulator()).isEqualTo(alpha.address());
        viewer.startEventQueue("Alpha", viewer.session.seedCapability().orElseThrow());
        viewer.connect(alpha.address());
        viewer.await("udp:Alpha", "RegionHandshake", WAIT);
        viewer.completeMovement(alpha.address());
        AgentMovementComplete done = viewer.awaitMessage("udp:Alpha", AgentMovementComplete.class, WAIT);
        alpha.awaitAgentInRegion(agent(), WAIT); // the simulator's side of it may trail the viewer's
        return done;
    }

    private static String ipAndPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Test
    void loginSeedIsRealAndGrantsTheEventQueue() throws Exception {
        var seed = viewer.session.seedCapability().orElseThrow();
        assertThat(seed).isEqualTo(grid.capabilities(agent(), "Alpha").orElseThrow().seedUri());
        var granted = viewer.startEventQueue("Alpha", seed);
        assertThat(granted.byName()).containsKeys("EventQueueGet", "SimulatorFeatures", "GetDisplayNames");
    }

    @Test
    void neighboursAppearAndDisappear() throws Exception {
        arriveInAlpha();

        EnableSimulator enable = viewer.awaitMessage("eq:Alpha", EnableSimulator.class, WAIT);
        assertThat(enable.simulatorInfo().handle()).isEqualTo(beta.region().handle());
        assertThat(enable.simulatorInfo().ip()).isEqualTo(beta.address().getAddress());
        assertThat(enable.simulatorInfo().port()).isEqualTo(beta.address().getPort());

        // The viewer connects a child circuit: UseCircuitCode without CompleteAgentMovement.
        viewer.connect(beta.address());
        viewer.await("udp:Beta", "RegionHandshake", WAIT);
        assertThat(beta.awaitChildAgent(agent(), WAIT).inRegion()).isFalse();

        EventQueueEvent.LlsdEvent establish = (EventQueueEvent.LlsdEvent) viewer
                .await("eq:Alpha", "EstablishAgentCommunication", WAIT).event();
        Llsd body = establish.body();
        assertThat(body.get("agent-id").asUuid()).isEqualTo(agent());
        assertThat(body.get("sim-ip-and-port").asString()).isEqualTo(ipAndPort(beta.address()));
        var betaSeed = grid.capabilities(agent(), "Beta").orElseThrow().seedUri();
        assertThat(body.get("seed-capability").asString()).isEqualTo(betaSeed.toString());
        viewer.startEventQueue("Beta", betaSeed);

        // Gamma is no neighbour: never announced.
        assertThat(viewer.names("eq:Alpha")).containsExactly("EnableSimulator", "EstablishAgentCommunication");
        assertThat(alpha.agent(agent()).orElseThrow().inRegion()).isTrue();
        assertThat(beta.agent(agent()).orElseThrow().inRegion()).isFalse();

        // Logging out of the root region: the neighbour disables its child circuit.
        viewer.send(alpha.address(), new LogoutRequest(new LogoutRequest.AgentData(agent(),
                viewer.session.sessionId())));
        viewer.await("udp:Alpha", "LogoutReply", WAIT);
        viewer.await("udp:Beta", "DisableSimulator", WAIT);
        alpha.awaitAgentGone(agent(), WAIT);
        beta.awaitAgentGone(agent(), WAIT);
        assertThat(viewer.queueStops.get("Beta").get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.GONE);
    }

    @Test
    void teleportThereAndBack() throws Exception {
        arriveInAlpha();
        Vector3 there = new Vector3(100, 60, 30);
        Vector3 lookNorth = new Vector3(0, 1, 0);
        viewer.send(alpha.address(), new TeleportLocationRequest(new TeleportLocationRequest.AgentData(agent(),
                viewer.session.sessionId()), new TeleportLocationRequest.Info(gamma.region().handle(), there, lookNorth)));

        TeleportStart start = viewer.awaitMessage("udp:Alpha", TeleportStart.class, WAIT);
        assertThat(start.info().teleportFlags()).isEqualTo(VIA_LOCATION);
        TeleportProgress progress = viewer.awaitMessage("udp:Alpha", TeleportProgress.class, WAIT);
        assertThat(progress.agentData().agentID()).isEqualTo(agent());
        TeleportFinish finish = viewer.awaitMessage("eq:Alpha", TeleportFinish.class, WAIT);
        var info = finish.info();
        assertThat(info.agentID()).isEqualTo(agent());
        assertThat(info.regionHandle()).isEqualTo(gamma.region().handle());
        assertThat(info.simIP()).isEqualTo(gamma.address().getAddress());
        assertThat(info.simPort()).isEqualTo(gamma.address().getPort());
        assertThat(info.teleportFlags()).isEqualTo(VIA_LOCATION | FINISHED_VIA_NEW_SIM);
        var gammaSeed = grid.capabilities(agent(), "Gamma").orElseThrow().seedUri();
        assertThat(info.seedCapability().asString()).isEqualTo(gammaSeed.toString());
        assertThat(viewer.indexOf("udp:Alpha", "TeleportStart"))
                .isLessThan(viewer.indexOf("udp:Alpha", "TeleportProgress"))
                .isLessThan(viewer.indexOf("eq:Alpha", "TeleportFinish"));

        // Arrival: the same circuit code on the destination, then CompleteAgentMovement.
        viewer.startEventQueue("Gamma", gammaSeed);
        viewer.connect(gamma.address());
        viewer.await("udp:Gamma", "RegionHandshake", WAIT);
        viewer.completeMovement(gamma.address());
        AgentMovementComplete arrived = viewer.awaitMessage("udp:Gamma", AgentMovementComplete.class, WAIT);
        assertThat(arrived.data().position()).isEqualTo(there);
        assertThat(arrived.data().lookAt()).isEqualTo(lookNorth);
        assertThat(arrived.data().regionHandle()).isEqualTo(gamma.region().handle());
        gamma.awaitAgentInRegion(agent(), WAIT);

        // Gamma is far from Alpha: Alpha disables the old circuit and drops the agent and its queue.
        viewer.await("udp:Alpha", "DisableSimulator", WAIT);
        alpha.awaitAgentGone(agent(), WAIT);
        assertThat(viewer.queueStops.get("Alpha").get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.GONE);
        viewer.disconnect(alpha.address());
        assertThat(alpha.receivedMessages(agent())).containsSubsequence("UseCircuitCode", "CompleteAgentMovement",
                "TeleportLocationRequest");
        assertThat(gamma.receivedMessages(agent())).containsSubsequence("UseCircuitCode", "CompleteAgentMovement");
        assertThat(grid.grid().rootOf(agent())).contains(gamma);

        // And back home (a zero landmark), which is Alpha.
        viewer.send(gamma.address(), new TeleportLandmarkRequest(new TeleportLandmarkRequest.Info(agent(),
                viewer.session.sessionId(), new UUID(0, 0))));
        assertThat(viewer.awaitMessage("udp:Gamma", TeleportStart.class, WAIT).info().teleportFlags())
                .isEqualTo(VIA_HOME);
        viewer.awaitMessage("udp:Gamma", TeleportProgress.class, WAIT);
        TeleportFinish home = viewer.awaitMessage("eq:Gamma", TeleportFinish.class, WAIT);
        assertThat(home.info().regionHandle()).isEqualTo(alpha.region().handle());
        assertThat(home.info().teleportFlags()).isEqualTo(VIA_HOME | FINISHED_VIA_NEW_SIM);
        viewer.startEventQueue("Alpha", java.net.URI.create(home.info().seedCapability().asString()));
        viewer.connect(alpha.address());
        // A new circuit to Alpha: its handshake is the second RegionHandshake from there.
        viewer.awaitNth("udp:Alpha", "RegionHandshake", 2, WAIT);
        viewer.completeMovement(alpha.address());
        AgentMovementComplete back = (AgentMovementComplete) viewer.awaitNth("udp:Alpha", "AgentMovementComplete", 2,
                WAIT).message();
        assertThat(back.data().position()).isEqualTo(alpha.region().spawn());
        assertThat(back.data().lookAt()).isEqualTo(new Vector3(1, 0, 0));
        alpha.awaitAgentInRegion(agent(), WAIT);
        viewer.await("udp:Gamma", "DisableSimulator", WAIT);
        gamma.awaitAgentGone(agent(), WAIT);
        assertThat(gamma.receivedMessages(agent())).endsWith("TeleportLandmarkRequest");
    }

    @Test
    void teleportToAnUnknownRegionFails() throws Exception {
        arriveInAlpha();
        long nowhere = ((long) (1005 * 256) << 32) | (1005 * 256);
        viewer.send(alpha.address(), new TeleportLocationRequest(new TeleportLocationRequest.AgentData(agent(),
                viewer.session.sessionId()), new TeleportLocationRequest.Info(nowhere, new Vector3(1, 2, 3),
                        new Vector3(1, 0, 0))));
        TeleportFailed failed = viewer.awaitMessage("eq:Alpha", TeleportFailed.class, WAIT);
        assertThat(failed.info().agentID()).isEqualTo(agent());
        assertThat(failed.info().reason().asString()).isEqualTo("no_host");

        viewer.send(alpha.address(), new TeleportLandmarkRequest(new TeleportLandmarkRequest.Info(agent(),
                viewer.session.sessionId(), UUID.randomUUID())));
        viewer.await("eq:Alpha", "TeleportFailed",
                g -> ((TeleportFailed) g.message()).info().reason().asString().equals("nolandmark_tp"), WAIT);
        assertThat(viewer.names("udp:Alpha")).doesNotContain("TeleportStart");
        assertThat(alpha.agent(agent()).orElseThrow().inRegion()).isTrue();
    }

    @Test
    void crossingIntoANeighbourByMoveAgent() throws Exception {
        arriveInAlpha();
        viewer.awaitMessage("eq:Alpha", EnableSimulator.class, WAIT);
        viewer.connect(beta.address());
        viewer.await("eq:Alpha", "EstablishAgentCommunication", WAIT);
        var betaSeed = grid.capabilities(agent(), "Beta").orElseThrow().seedUri();
        viewer.startEventQueue("Beta", betaSeed);

        // West edge has no region: the agent stays.
        alpha.moveAgent(agent(), new Vector3(-3, 100, 25));
        assertThat(alpha.agent(agent()).orElseThrow().inRegion()).isTrue();

        alpha.moveAgent(agent(), new Vector3(258, 100, 25));
        CrossedRegion crossed = viewer.awaitMessage("eq:Alpha", CrossedRegion.class, WAIT);
        assertThat(crossed.agentData().agentID()).isEqualTo(agent());
        assertThat(crossed.agentData().sessionID()).isEqualTo(viewer.session.sessionId());
        assertThat(crossed.regionData().regionHandle()).isEqualTo(beta.region().handle());
        assertThat(crossed.regionData().simIP()).isEqualTo(beta.address().getAddress());
        assertThat(crossed.regionData().simPort()).isEqualTo(beta.address().getPort());
        assertThat(crossed.regionData().seedCapability().asString()).isEqualTo(betaSeed.toString());
        assertThat(crossed.info().position()).isEqualTo(new Vector3(2, 100, 25));
        assertThat(crossed.info().lookAt()).isEqualTo(new Vector3(1, 0, 0));

        viewer.completeMovement(beta.address());
        AgentMovementComplete arrived = viewer.awaitMessage("udp:Beta", AgentMovementComplete.class, WAIT);
        assertThat(arrived.data().position()).isEqualTo(new Vector3(2, 100, 25));
        assertThat(arrived.data().regionHandle()).isEqualTo(beta.region().handle());
        beta.awaitAgentInRegion(agent(), WAIT);
        assertThat(alpha.awaitChildAgent(agent(), WAIT).inRegion()).isFalse();

        // The new root announces its neighbour, where the viewer already has a child circuit.
        EnableSimulator back = viewer.awaitMessage("eq:Beta", EnableSimulator.class, WAIT);
        assertThat(grid.grid().rootOf(agent())).contains(beta);
        assertThat(back.simulatorInfo().handle()).isEqualTo(alpha.region().handle());
        Llsd establish = ((EventQueueEvent.LlsdEvent) viewer.await("eq:Beta", "EstablishAgentCommunication", WAIT)
                .event()).body();
        assertThat(establish.get("sim-ip-and-port").asString()).isEqualTo(ipAndPort(alpha.address()));
        assertThat(establish.get("seed-capability").asString())
                .isEqualTo(grid.capabilities(agent(), "Alpha").orElseThrow().seedUri().toString());
    }

    @Test
    void eventQueueSurvivesA502Storm() throws Exception {
        // The storm is set before the queue starts: its first poll, held open, must not escape it.
        grid.capabilities(agent(), "Alpha").orElseThrow().failNextPolls(25, 502);
        viewer.startEventQueue("Alpha", viewer.session.seedCapability().orElseThrow());
        viewer.connect(alpha.address());
        viewer.await("udp:Alpha", "RegionHandshake", WAIT);
        viewer.completeMovement(alpha.address());
        viewer.awaitMessage("udp:Alpha", AgentMovementComplete.class, WAIT);
        EnableSimulator enable = viewer.awaitMessage("eq:Alpha", EnableSimulator.class, WAIT);
        assertThat(enable.simulatorInfo().handle()).isEqualTo(beta.region().handle());
        assertThat(viewer.eventQueue("Alpha").polls()).isGreaterThan(25);
        assertThat(viewer.eventQueue("Alpha").isRunning()).isTrue();
    }

    @Test
    void aDeadCapabilityServerLeavesTheCircuitsAlone() throws Exception {
        arriveInAlpha();
        viewer.awaitMessage("eq:Alpha", EnableSimulator.class, WAIT);
        long pollsBefore = viewer.eventQueue("Alpha").polls();
        grid.killCapsServer();
        alpha.moveAgent(agent(), new Vector3(50, 50, 25));
        viewer.await("udp:Alpha", "ImprovedTerseObjectUpdate", WAIT);
        assertThat(alpha.agent(agent()).orElseThrow().inRegion()).isTrue();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (viewer.eventQueue("Alpha").polls() < pollsBefore + 3 && System.nanoTime() < deadline) {
            Thread.sleep(10); // waiting for the client's retries against the dead server
        }
        assertThat(viewer.eventQueue("Alpha").polls()).isGreaterThanOrEqualTo(pollsBefore + 3);
        // Cut connections and refusals are no 404: the queue backs off and keeps trying.
        assertThat(viewer.eventQueue("Alpha").isRunning()).isTrue();
        assertThat(viewer.queueStops.get("Alpha")).isNotDone();
    }

    @Test
    void teleportToANeighbourReusesTheChildCircuitAndKeepsTheOldRegionAsChild() throws Exception {
        arriveInAlpha();
        viewer.connect(beta.address());
        viewer.await("eq:Alpha", "EstablishAgentCommunication", WAIT);
        var slow = grid.capabilities(agent(), "Beta").orElseThrow();
        viewer.startEventQueue("Beta", slow.seedUri());
        viewer.send(alpha.address(), new TeleportLocationRequest(new TeleportLocationRequest.AgentData(agent(),
                viewer.session.sessionId()), new TeleportLocationRequest.Info(beta.region().handle(),
                        new Vector3(30, 40, 50), new Vector3(0, 1, 0))));
        TeleportFinish finish = viewer.awaitMessage("eq:Alpha", TeleportFinish.class, WAIT);
        assertThat(finish.info().seedCapability().asString()).isEqualTo(slow.seedUri().toString());
        viewer.completeMovement(beta.address()); // no new UseCircuitCode: the child circuit is there
        AgentMovementComplete arrived = viewer.awaitMessage("udp:Beta", AgentMovementComplete.class, WAIT);
        assertThat(arrived.data().position()).isEqualTo(new Vector3(30, 40, 50));
        beta.awaitAgentInRegion(agent(), WAIT);
        assertThat(alpha.awaitChildAgent(agent(), WAIT).inRegion()).isFalse();
        viewer.awaitMessage("eq:Beta", EnableSimulator.class, WAIT);
        assertThat(viewer.names("udp:Alpha")).doesNotContain("DisableSimulator");
        assertThat(beta.receivedMessages(agent())).containsOnlyOnce("UseCircuitCode");
    }

    @Test
    void walkingAcrossTheBorderWithoutAChildCircuit() throws Exception {
        arriveInAlpha();
        var betaCaps = grid.openCapabilities(agent(), "Beta");
        betaCaps.failNextPolls(3, 502); // armed before the seed is handed out
        assertThat(alpha.walkAgent(agent(), new Vector3(300, 128, 25), 4)).isTrue();
        CrossedRegion crossed = viewer.awaitMessage("eq:Alpha", CrossedRegion.class, WAIT);
        assertThat(crossed.regionData().seedCapability().asString()).isEqualTo(betaCaps.seedUri().toString());
        assertThat(crossed.info().position().x()).isBetween(0f, 256f);
        assertThat(viewer.names("udp:Alpha")).contains("ImprovedTerseObjectUpdate");
        viewer.startEventQueue("Beta", betaCaps.seedUri());
        viewer.connect(beta.address());
        viewer.await("udp:Beta", "RegionHandshake", WAIT);
        viewer.completeMovement(beta.address());
        viewer.awaitMessage("udp:Beta", AgentMovementComplete.class, WAIT);
        beta.awaitAgentInRegion(agent(), WAIT);
        // The destination expected the arrival: no EstablishAgentCommunication for it on Alpha's queue.
        viewer.awaitMessage("eq:Beta", EnableSimulator.class, WAIT);
        assertThat(viewer.names("eq:Alpha")).doesNotContain("EstablishAgentCommunication");
        assertThatThrownBy(() -> alpha.walkAgent(agent(), new Vector3(1, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void teleportWithinTheRegionIsLocal() throws Exception {
        arriveInAlpha();
        Vector3 there = new Vector3(20, 30, 40);
        viewer.send(alpha.address(), new TeleportLocationRequest(new TeleportLocationRequest.AgentData(agent(),
                viewer.session.sessionId()), new TeleportLocationRequest.Info(alpha.region().handle(), there,
                        new Vector3(0, -1, 0))));
        viewer.awaitMessage("udp:Alpha", TeleportStart.class, WAIT);
        var local = viewer.awaitMessage("udp:Alpha", slnet.protocol.messages.TeleportLocal.class, WAIT);
        assertThat(local.info().position()).isEqualTo(there);
        assertThat(local.info().lookAt()).isEqualTo(new Vector3(0, -1, 0));
        viewer.await("udp:Alpha", "ImprovedTerseObjectUpdate", WAIT);
        assertThat(alpha.agent(agent()).orElseThrow().position()).isEqualTo(there);
        assertThat(viewer.names("eq:Alpha")).doesNotContain("TeleportFinish");
    }
}
