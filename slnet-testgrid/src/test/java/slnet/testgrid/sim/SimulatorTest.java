package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitEvent;
import slnet.circuit.CircuitException;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KickUser;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.LogoutReply;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private static final TestAccount BOB = TestAccount.of("Bob", "Tester", "bob-pw");
    /** Short timeouts, so lost circuits are noticed within a test. */
    private static final CircuitConfig FAST = CircuitConfig.builder()
            .initialRetransmitTimeout(Duration.ofMillis(200)).minRetransmitTimeout(Duration.ofMillis(150)).ackFlushDelay(Duration.ofMillis(20))
            .maxRetransmitTimeout(Duration.ofMillis(400)).pingInterval(Duration.ofMillis(200))
            .inactivityTimeout(Duration.ofSeconds(1)).build();

    private TestGrid grid;
    private AuthenticationService auth;
    private final List<ScriptedViewer> viewers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).regionName("Testville").regionCorner(256000, 256512)
                .circuitConfig(FAST).start();
        auth = AuthenticationService.builder().requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        viewers.forEach(ScriptedViewer::close);
        grid.close();
        auth.close();
    }

    private SessionInfo login(TestAccount account) throws Exception {
        return auth.login(LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                .withGrid(Grid.custom(grid.loginUri())));
    }

    private ScriptedViewer viewer(SessionInfo s) throws Exception {
        return track(new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(), s.circuitCode(), FAST));
    }

    private ScriptedViewer track(ScriptedViewer v) {
        viewers.add(v);
        return v;
    }

    private ScriptedViewer arrive(TestAccount account) throws Exception {
        ScriptedViewer v = viewer(login(account));
        v.handshake(WAIT);
        grid.simulator().awaitAgentInRegion(account.agentId(), WAIT);
        return v;
    }

    @Test
    void handshakeFollowsTheOfficialOrderWithRegionFacts() throws Exception {
        SessionInfo s = login(ALICE);
        Simulator sim = grid.simulator();
        assertThat(s.simulator()).isEqualTo(sim.address());
        ScriptedViewer v = viewer(s);

        v.useCircuitCode().get(5, TimeUnit.SECONDS);
        RegionHandshake rh = v.await(RegionHandshake.class, WAIT);
        assertThat(rh.regionInfo().simName().asString()).isEqualTo("Testville");
        assertThat(rh.regionInfo2().regionID()).isEqualTo(sim.region().regionId());
        assertThat(rh.regionInfo().waterHeight()).isEqualTo(20f);
        assertThat(sim.agent(ALICE.agentId())).get().extracting(AgentPresence::inRegion).isEqualTo(false);

        AgentMovementComplete amc = v.completeMovement(WAIT);
        assertThat(amc.agentData().agentID()).isEqualTo(ALICE.agentId());
        assertThat(amc.agentData().sessionID()).isEqualTo(s.sessionId());
        assertThat(amc.data().regionHandle()).isEqualTo(s.regionHandle()).isEqualTo((256000L << 32) | 256512L);
        assertThat(amc.data().position()).isEqualTo(sim.region().spawn());
        assertThat(amc.simData().channelVersion().asString()).isNotEmpty();

        ObjectUpdate avatar = v.await(ObjectUpdate.class, WAIT);
        ObjectUpdate.ObjectData data = avatar.objectData().get(0);
        assertThat(data.pCode()).isEqualTo(47);
        assertThat(data.fullID()).isEqualTo(ALICE.agentId());
        assertThat(AvatarBlobs.position(data.objectData())).isEqualTo(sim.region().spawn());
        assertThat(data.nameValue().asString()).contains("FirstName STRING RW SV Alice", "LastName STRING RW SV Tester");

        AgentPresence here = sim.awaitAgentInRegion(ALICE.agentId(), WAIT);
        assertThat(here.localId()).isEqualTo(data.id());
        assertThat(here.fullName()).isEqualTo("Alice Tester");
        assertThat(sim.receivedMessages(ALICE.agentId()))
                .containsSubsequence("UseCircuitCode", "RegionHandshakeReply", "CompleteAgentMovement");
    }

    @Test
    void unknownCircuitCodeIsIgnoredAndCounted() throws Exception {
        SessionInfo s = login(ALICE);
        ScriptedViewer wrongCode = track(new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(),
                s.circuitCode() + 1, FAST));
        ScriptedViewer wrongSession = track(new ScriptedViewer(s.simulator(), s.agentId(), java.util.UUID.randomUUID(),
                s.circuitCode(), FAST));
        var first = wrongCode.useCircuitCode();
        var second = wrongSession.useCircuitCode();
        // Never acked: the viewer's circuit gives up (resends exhausted or the circuit timed out).
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CircuitException.class);
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CircuitException.class);
        assertThat(wrongCode.names()).isEmpty();
        assertThat(wrongSession.names()).isEmpty();
        assertThat(grid.simulator().rejectedCircuitCodes()).isGreaterThanOrEqualTo(2);
        assertThat(grid.simulator().agents()).isEmpty();
    }
}
