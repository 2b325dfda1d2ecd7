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

    @Test
    void chatIsRelayedByRangeIncludingTheSpeaker() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        ScriptedViewer bob = arrive(BOB);
        Simulator sim = grid.simulator();

        alice.chat("hello", 1);
        ChatFromSimulator heardByAlice = alice.await(ChatFromSimulator.class, WAIT);
        ChatFromSimulator heardByBob = bob.await(ChatFromSimulator.class, WAIT);
        for (ChatFromSimulator heard : List.of(heardByAlice, heardByBob)) {
            assertThat(heard.chatData().fromName().asString()).isEqualTo("Alice Tester");
            assertThat(heard.chatData().sourceID()).isEqualTo(ALICE.agentId());
            assertThat(heard.chatData().ownerID()).isEqualTo(ALICE.agentId());
            assertThat(heard.chatData().sourceType()).isEqualTo(1);
            assertThat(heard.chatData().chatType()).isEqualTo(1);
            assertThat(heard.chatData().audible()).isEqualTo(1);
            assertThat(heard.chatData().message().asString()).isEqualTo("hello");
        }

        Vector3 far = new Vector3(128 + 50, 128, 25);
        sim.moveAgent(BOB.agentId(), far);
        ImprovedTerseObjectUpdate moved = bob.await(ImprovedTerseObjectUpdate.class, WAIT);
        assertThat(AvatarBlobs.position(moved.objectData().get(0).data())).isEqualTo(far);
        assertThat(alice.await(ImprovedTerseObjectUpdate.class, WAIT).objectData().get(0).data())
                .isEqualTo(moved.objectData().get(0).data());

        alice.chat("psst", 0);
        alice.chat("can you hear me", 1);
        alice.chat("HEY", 2);
        // Sent in order on one circuit: once the shout is in, the whisper and the say would have been too.
        while (!bob.all(ChatFromSimulator.class).stream().anyMatch(c -> c.chatData().chatType() == 2)) {
            bob.await(ChatFromSimulator.class, WAIT);
        }
        assertThat(bob.all(ChatFromSimulator.class)).extracting(c -> c.chatData().message().asString())
                .containsExactly("hello", "HEY");
        alice.await(ChatFromSimulator.class, WAIT);
        alice.await(ChatFromSimulator.class, WAIT);
        alice.await(ChatFromSimulator.class, WAIT);
        assertThat(alice.all(ChatFromSimulator.class)).extracting(c -> c.chatData().message().asString())
                .containsExactly("hello", "psst", "can you hear me", "HEY");
    }

    @Test
    void objectChatIsHeardInRange() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        java.util.UUID box = java.util.UUID.randomUUID();
        grid.simulator().sayAsObject(box, "Box", new Vector3(130, 128, 25), 1, "I am a box");
        ChatFromSimulator heard = alice.await(ChatFromSimulator.class, WAIT);
        assertThat(heard.chatData().sourceType()).isEqualTo(2);
        assertThat(heard.chatData().sourceID()).isEqualTo(box);
        assertThat(heard.chatData().fromName().asString()).isEqualTo("Box");
    }

    @Test
    void newcomerSeesThoseAlreadyThereAndEveryoneSeesTheNewcomer() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        alice.await(ObjectUpdate.class, WAIT); // her own avatar
        ScriptedViewer bob = arrive(BOB);
        assertThat(alice.await(ObjectUpdate.class, WAIT).objectData().get(0).fullID()).isEqualTo(BOB.agentId());
        List<java.util.UUID> seenByBob = new ArrayList<>();
        seenByBob.add(bob.await(ObjectUpdate.class, WAIT).objectData().get(0).fullID());
        seenByBob.add(bob.await(ObjectUpdate.class, WAIT).objectData().get(0).fullID());
        assertThat(seenByBob).containsExactlyInAnyOrder(ALICE.agentId(), BOB.agentId());
        assertThat(grid.simulator().agents()).extracting(AgentPresence::agentId)
                .containsExactly(ALICE.agentId(), BOB.agentId());
    }

    @Test
    void instantMessageReachesItsAddresseeOnly() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        ScriptedViewer bob = arrive(BOB);
        alice.instantMessage(java.util.UUID.randomUUID(), "to nobody").get(5, TimeUnit.SECONDS);
        alice.instantMessage(BOB.agentId(), "hi Bob").get(5, TimeUnit.SECONDS);
        ImprovedInstantMessage im = bob.await(ImprovedInstantMessage.class, WAIT);
        assertThat(im.agentData().agentID()).isEqualTo(ALICE.agentId());
        assertThat(im.agentData().sessionID()).isEqualTo(new java.util.UUID(0, 0));
        assertThat(im.messageBlock().fromAgentName().asString()).isEqualTo("Alice Tester");
        assertThat(im.messageBlock().toAgentID()).isEqualTo(BOB.agentId());
        assertThat(im.messageBlock().dialog()).isZero();
        assertThat(im.messageBlock().message().asString()).isEqualTo("hi Bob");
        assertThat(im.messageBlock().regionID()).isEqualTo(grid.simulator().region().regionId());
        assertThat(bob.all(ImprovedInstantMessage.class)).hasSize(1);
        assertThat(alice.all(ImprovedInstantMessage.class)).isEmpty();
    }

    @Test
    void logoutIsAnsweredAndTheOthersSeeTheAvatarGo() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        ScriptedViewer bob = arrive(BOB);
        int aliceLocalId = grid.simulator().agent(ALICE.agentId()).orElseThrow().localId();
        alice.logout();
        LogoutReply reply = alice.await(LogoutReply.class, WAIT);
        assertThat(reply.agentData().agentID()).isEqualTo(ALICE.agentId());
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        KillObject kill = bob.await(KillObject.class, WAIT);
        assertThat(kill.objectData().get(0).id()).isEqualTo(aliceLocalId);
        assertThat(grid.simulator().agents()).extracting(AgentPresence::agentId).containsExactly(BOB.agentId());
    }

    @Test
    void logoutWithoutReplyJustDropsTheAgent() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        grid.simulator().setLogoutReplyEnabled(false);
        alice.logout();
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        assertThatThrownBy(() -> alice.await(LogoutReply.class, Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class);
        // The simulator's side is closed: the viewer's circuit hears nothing more and times out.
        alice.awaitEvent(CircuitEvent.CircuitTimedOut.class, WAIT);
    }

    @Test
    void kickSendsKickUserAndDropsTheAgent() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        grid.simulator().kick(ALICE.agentId(), "behave");
        KickUser kick = alice.await(KickUser.class, WAIT);
        assertThat(kick.userInfo().agentID()).isEqualTo(ALICE.agentId());
        assertThat(kick.userInfo().reason().asString()).isEqualTo("behave");
        assertThat(kick.targetBlock().targetPort()).isEqualTo(alice.localPort());
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        assertThatThrownBy(() -> grid.simulator().kick(ALICE.agentId(), "again"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void killedSimulatorMakesTheViewerCircuitTimeOut() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        grid.simulator().killAbruptly();
        CircuitEvent.CircuitTimedOut timedOut = alice.awaitEvent(CircuitEvent.CircuitTimedOut.class, WAIT);
        assertThat(timedOut.silence()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(alice.all(KickUser.class)).isEmpty();
        assertThat(alice.all(LogoutReply.class)).isEmpty();
        assertThat(grid.simulator().agents()).isEmpty();
        grid.simulator().killAbruptly(); // idempotent, as is close() afterwards
    }

    @Test
    void spoofedChatIsNotRelayed() throws Exception {
        ScriptedViewer alice = arrive(ALICE);
        ScriptedViewer bob = arrive(BOB);
        // Bob's circuit claiming to be Alice: dropped.
        bob.circuit.sendReliable(new slnet.protocol.messages.ChatFromViewer(
                new slnet.protocol.messages.ChatFromViewer.AgentData(ALICE.agentId(), bob.sessionId),
                new slnet.protocol.messages.ChatFromViewer.ChatData(slnet.protocol.types.Bytes.ofString("fake"), 1, 0)))
                .get(5, TimeUnit.SECONDS);
        bob.chat("real", 1);
        assertThat(alice.await(ChatFromSimulator.class, WAIT).chatData().message().asString()).isEqualTo("real");
    }
}
