package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.circuit.CircuitConfig;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.time.ExecutorScheduler;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SimulatorLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");

    private static SessionInfo login(TestGrid grid, AuthenticationService auth) throws Exception {
        return auth.login(LoginCredentials.of("Alice", "Tester", "alice-pw").withGrid(Grid.custom(grid.loginUri())));
    }

    @Test
    void closingTheGridLeavesNoThreadOrSocket() throws Exception {
        ThreadLeakCheck leaks = new ThreadLeakCheck();
        TestGrid grid = TestGrid.builder().account(ALICE).start();
        InetSocketAddress simAddress = grid.simulator().address();
        try (AuthenticationService auth = AuthenticationService.builder().build()) {
            SessionInfo s = login(grid, auth);
            try (ScriptedViewer v = new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(), s.circuitCode(),
                    CircuitConfig.defaults())) {
                v.handshake(WAIT);
                grid.simulator().awaitAgentInRegion(ALICE.agentId(), WAIT);
                grid.close();
                grid.close();
            }
        }
        assertThat(grid.simulator().agents()).isEmpty();
        leaks.assertNoNewThreads();
        // The port is free again: the socket was released.
        try (DatagramChannel rebound = DatagramChannel.open().bind(simAddress)) {
            assertThat(rebound.getLocalAddress()).isEqualTo(simAddress);
        }
    }

    @Test
    void anInjectedSchedulerIsUsedButNotClosed() throws Exception {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("slnet-test-injected")) {
            Simulator sim = Simulator.builder().scheduler(scheduler).start();
            sim.close();
            CompletableFuture<Void> ran = new CompletableFuture<>();
            scheduler.schedule(() -> ran.complete(null), 0);
            ran.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void invalidRegionIsRejectedBeforeBinding() {
        ThreadLeakCheck leaks = new ThreadLeakCheck();
        assertThatThrownBy(() -> Simulator.builder().regionCorner(100, 256).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> TestGrid.builder().regionCorner(-256, 0).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RegionSettings("R", 256000, 256512, java.util.UUID.randomUUID(), 20, Vector3.ZERO).handle())
                .isEqualTo(0x0003E800_0003EA00L);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(leaks::assertNoNewThreads);
    }

    @Test
    void strayDatagramsAreCountedAndDropped() throws Exception {
        try (Simulator sim = Simulator.builder().start(); DatagramChannel stray = DatagramChannel.open()) {
            stray.send(ByteBuffer.wrap(new byte[] {0x40, 0, 0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, 0, 1}),
                    sim.address());
            stray.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), sim.address());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sim.strayDatagrams() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sim.strayDatagrams()).isEqualTo(2);
            assertThat(sim.rejectedCircuitCodes()).isZero();
            assertThat(sim.agents()).isEmpty();
        }
    }

    @Test
    void agentUpdatesAreToleratedAndLogged() throws Exception {
        try (TestGrid grid = TestGrid.builder().account(ALICE).regionName("Testville").start();
                AuthenticationService auth = AuthenticationService.builder().build()) {
            assertThat(grid.account("alice", "tester")).isEqualTo(ALICE);
            assertThat(grid.simulator().region().name()).isEqualTo("Testville");
            SessionInfo s = login(grid, auth);
            try (ScriptedViewer v = new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(), s.circuitCode(),
                    CircuitConfig.defaults())) {
                v.handshake(WAIT);
                v.circuit.send(new AgentUpdate(new AgentUpdate.AgentData(s.agentId(), s.sessionId(),
                        Quaternion.IDENTITY, Quaternion.IDENTITY, 0, new Vector3(128, 128, 25), new Vector3(1, 0, 0),
                        new Vector3(0, 1, 0), new Vector3(0, 0, 1), 64f, 0, 0)));
                grid.simulator().awaitMessage(s.agentId(), "AgentUpdate", WAIT);
                assertThat(grid.simulator().receivedMessages())
                        .contains(new ReceivedMessage(s.agentId(), "AgentUpdate"));
                assertThat(grid.simulator().agent(s.agentId())).get().extracting(AgentPresence::inRegion)
                        .isEqualTo(true);
            }
        }
    }

    @Test
    void listenerHearsAgentsComeAndGo() throws Exception {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulatorListener listener = new SimulatorListener() {
            @Override
            public void circuitAccepted(AgentSession session) {
                heard.add("accepted " + session.fullName());
            }

            @Override
            public void agentEntered(AgentPresence agent) {
                heard.add("entered " + agent.fullName());
            }

            @Override
            public void agentLeft(AgentPresence agent, String reason) {
                heard.add("left " + agent.fullName() + ": " + reason);
            }
        };
        try (TestGrid grid = TestGrid.builder().account(ALICE).simulatorListener(listener).start();
                AuthenticationService auth = AuthenticationService.builder().build()) {
            SessionInfo s = login(grid, auth);
            try (ScriptedViewer v = new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(), s.circuitCode(),
                    CircuitConfig.defaults())) {
                v.handshake(WAIT);
                v.logout();
                v.await(slnet.protocol.messages.LogoutReply.class, WAIT);
                grid.simulator().awaitAgentGone(s.agentId(), WAIT);
            }
        }
        assertThat(heard).containsExactly("accepted Alice Tester", "entered Alice Tester",
                "left Alice Tester: logged out");
    }
}
