package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.circuit.CircuitConfig;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectUpdate;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/**
 * A region's bounded work per event, over real sockets: each viewer is shown at most the view
 * limit of avatars, a departure is told only to who saw the avatar, coarse locations come
 * periodically, and load accounts log in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrowdTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CircuitConfig FAST = CircuitConfig.builder().ackFlushDelay(Duration.ofMillis(20)).build();

    private TestGrid grid;
    private final AuthenticationService auth = AuthenticationService.builder().requestTimeout(WAIT).build();
    private final List<ScriptedViewer> viewers = new ArrayList<>();

    @AfterEach
    void stop() {
        viewers.forEach(ScriptedViewer::close);
        if (grid != null) {
            grid.close();
        }
        auth.close();
    }

    private ScriptedViewer arrive(TestAccount account) throws Exception {
        SessionInfo s = auth.login(LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                .withGrid(Grid.custom(grid.loginUri())));
        ScriptedViewer v = new ScriptedViewer(s.simulator(), s.agentId(), s.sessionId(), s.circuitCode(), FAST);
        viewers.add(v);
        v.handshake(WAIT);
        grid.simulator().awaitAgentInRegion(account.agentId(), WAIT);
        return v;
    }

    private static Set<UUID> avatarsShown(ScriptedViewer v) {
        return v.all(ObjectUpdate.class).stream().flatMap(u -> u.objectData().stream())
                .map(ObjectUpdate.ObjectData::fullID).collect(Collectors.toSet());
    }

    /** Waits for a coarse round that lists {@code count} avatars: sent after everything before it. */
    private static CoarseLocationUpdate awaitCoarse(ScriptedViewer v, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            CoarseLocationUpdate update = v.await(CoarseLocationUpdate.class, WAIT);
            if (update.agentData().size() == count) {
                return update;
            }
        }
        throw new AssertionError("no CoarseLocationUpdate listing " + count);
    }

    @Test
    void loadAccountsLogInAndEachViewerIsShownAtMostTheViewLimit() throws Exception {
        grid = TestGrid.builder().regionName("Crowd").loadAccounts(4).avatarViewLimit(2)
                .coarseLocationInterval(Duration.ofMillis(100)).circuitConfig(FAST).start();
        List<TestAccount> accounts = grid.accounts();
        assertThat(accounts).extracting(a -> a.firstName() + " " + a.lastName() + ":" + a.password())
                .containsExactly("Load Bot1:password", "Load Bot2:password", "Load Bot3:password",
                        "Load Bot4:password");
        List<ScriptedViewer> bots = new ArrayList<>();
        for (TestAccount account : accounts) {
            bots.add(arrive(account));
        }
        for (ScriptedViewer bot : bots) {
            awaitCoarse(bot, 4);
        }
        // Itself and at most two others, whoever arrived when; the last comer sees two, nobody sees it.
        for (ScriptedViewer bot : bots) {
            assertThat(avatarsShown(bot).size()).isBetween(2, 3);
        }
        UUID last = accounts.get(3).agentId();
        assertThat(avatarsShown(bots.get(3))).hasSize(3).contains(last);
        for (ScriptedViewer bot : bots.subList(0, 3)) {
            assertThat(avatarsShown(bot)).doesNotContain(last);
        }

        // Bot2 leaves: only those shown its avatar hear of it; Bot4 saw it.
        int bot2LocalId = grid.simulator().agent(accounts.get(1).agentId()).orElseThrow().localId();
        bots.get(1).logout().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        grid.simulator().awaitAgentGone(accounts.get(1).agentId(), WAIT);
        KillObject kill = bots.get(3).await(KillObject.class, WAIT);
        assertThat(kill.objectData().get(0).id()).isEqualTo(bot2LocalId);
        awaitCoarse(bots.get(2), 3);
    }

    @Test
    void coarseLocationsTellEachAgentItsOwnIndex() throws Exception {
        grid = TestGrid.builder().regionName("Crowd").loadAccounts(2)
                .coarseLocationInterval(Duration.ofMillis(100)).circuitConfig(FAST).start();
        ScriptedViewer first = arrive(grid.accounts().get(0));
        ScriptedViewer second = arrive(grid.accounts().get(1));
        for (ScriptedViewer v : List.of(first, second)) {
            CoarseLocationUpdate update = awaitCoarse(v, 2);
            UUID self = v == first ? grid.accounts().get(0).agentId() : grid.accounts().get(1).agentId();
            assertThat(update.agentData().get(update.index().you()).agentID()).isEqualTo(self);
            assertThat(update.location().get(update.index().you()))
                    .isEqualTo(CoarseLocations.location(grid.simulator().region().spawn()));
        }
    }

    @Test
    void chatReachesOnlyTheAgentsInRangeOfAScatteredCrowd() throws Exception {
        grid = TestGrid.builder().regionName("Crowd").loadAccounts(3).coarseLocationInterval(Duration.ZERO)
                .circuitConfig(FAST).start();
        ScriptedViewer speaker = arrive(grid.accounts().get(0));
        ScriptedViewer near = arrive(grid.accounts().get(1));
        ScriptedViewer far = arrive(grid.accounts().get(2));
        Simulator sim = grid.simulator();
        sim.moveAgent(grid.accounts().get(1).agentId(), new slnet.protocol.types.Vector3(140, 128, 25));
        sim.moveAgent(grid.accounts().get(2).agentId(), new slnet.protocol.types.Vector3(190, 190, 25));
        speaker.chat("hello crowd", 1);
        assertThat(speaker.await(ChatFromSimulator.class, WAIT).chatData().message().asString())
                .startsWith("hello crowd");
        assertThat(near.await(ChatFromSimulator.class, WAIT).chatData().message().asString())
                .startsWith("hello crowd");
        // The far one hears a shout, and heard nothing before it.
        speaker.chat("HELLO", 2);
        assertThat(far.await(ChatFromSimulator.class, WAIT).chatData().message().asString()).startsWith("HELLO");
        assertThat(far.all(ChatFromSimulator.class)).hasSize(1);
    }
}
