package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ImReceived;
import slnet.circuit.CircuitStats;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.network.TeleportFinished;
import slnet.protocol.messages.AlertMessage;
import slnet.protocol.messages.AvatarAppearance;
import slnet.protocol.messages.RegionInfo;
import slnet.protocol.messages.RequestRegionInfo;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.SimulatorQuirks;
import slnet.testing.LeakCheckExtension;

/**
 * A grid whose simulators send what OpenSimulator 0.9 sends (no empty trailing blocks, a stray byte
 * after MapBlockReply): instant messages, chat, teleport by region name, appearance, region info and
 * alerts all get through, and the circuits count what they tolerated while rejecting nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class OlderSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestGrid grid;
    private Client alice;
    private Client bob;
    private final List<NetworkEvent.PacketRejected> rejected = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clients() {
        alice = E2e.client();
        bob = E2e.client();
        for (Client client : List.of(alice, bob)) {
            client.events().subscribe(e -> {
                if (e instanceof NetworkEvent.PacketRejected r) {
                    rejected.add(r);
                }
            });
        }
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        if (grid != null) {
            grid.close();
        }
    }

    private TestGrid.Builder twoRegions() {
        return TestGrid.builder().account(ALICE).account(BOB).homeRegion("Alpha").circuitConfig(E2e.FAST_SIM)
                .pollHold(Duration.ofMillis(500));
    }

    private static RegionInfo askRegionInfo(Client client) throws Exception {
        CompletableFuture<RegionInfo> answer = new CompletableFuture<>();
        try (var registration = client.handlers().register(RegionInfo.class, (m, c) -> answer.complete(m))) {
            client.network().primaryContext().orElseThrow().circuit().send(new RequestRegionInfo(
                    new RequestRegionInfo.AgentData(client.agentId().orElseThrow(),
                            client.network().session().orElseThrow().sessionId())), true);
            return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void everythingAnOlderSimulatorSendsGetsThrough() throws Exception {
        grid = twoRegions().region("Alpha", 1000, 1000).region("Gamma", 1010, 1010).quirks(SimulatorQuirks.OPENSIM_0_9)
                .start();
        CompletableFuture<AvatarAppearance> appearance = new CompletableFuture<>();
        alice.handlers().register(AvatarAppearance.class, (m, c) -> appearance.complete(m));
        CompletableFuture<AlertMessage> alert = new CompletableFuture<>();
        alice.handlers().register(AlertMessage.class, (m, c) -> alert.complete(m));
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        UUID bobId = bob.agentId().orElseThrow();
        UUID aliceId = alice.agentId().orElseThrow();

        // Bob's looks reach Alice (the simulator sends them without AttachmentBlock)
        assertThat(appearance.get(WAIT.toSeconds(), TimeUnit.SECONDS).sender().id()).isEqualTo(bobId);

        // instant messages both ways (no MetaData block), and chat
        try (EventStream bobHears = bob.events().events(); EventStream aliceHears = alice.events().events()) {
            alice.ims().send(bobId, "hello from an old grid");
            ImReceived im = bobHears.awaitEvent(ImReceived.class, WAIT);
            assertThat(im.message().text()).isEqualTo("hello from an old grid");
            assertThat(im.message().fromId()).isEqualTo(aliceId);
            bob.ims().send(aliceId, "and back");
            ImReceived back = aliceHears.awaitEvent(ImReceived.class, WAIT);
            assertThat(back.message().text()).isEqualTo("and back");
            assertThat(back.message().fromId()).isEqualTo(bobId);
            bob.chat().say("said aloud");
            assertThat(aliceHears.awaitEvent(ChatReceived.class, e -> e.message().text().equals("said aloud"), WAIT)
                    .message().sourceId()).isEqualTo(bobId);
        }

        // region info, as estate tools ask for it (no RegionInfo3, RegionInfo5, CombatSettings)
        assertThat(askRegionInfo(alice).regionInfo().simName().asString()).isEqualTo("Alpha");

        // an alert to the whole region (no AlertInfo, no AgentInfo)
        grid.simulator("Alpha").sendAlert("The region restarts in 5 minutes");
        assertThat(alert.get(WAIT.toSeconds(), TimeUnit.SECONDS).alertData().message().asString())
                .isEqualTo("The region restarts in 5 minutes");

        // the map's answer comes with a stray byte after its last block
        long gamma = alice.network().regionHandle("Gamma").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(gamma).isEqualTo(grid.simulator("Gamma").region().handle());
        CircuitStats atAlpha = alice.stats().primaryCircuit().orElseThrow();
        assertThat(atAlpha.tolerated().missingTrailingBlocks()).isPositive();
        assertThat(atAlpha.tolerated().trailingBytes()).isPositive();
        assertThat(atAlpha.tolerated().fieldsReadAsZeros()).isZero();
        assertThat(atAlpha.malformedDropped()).isZero();
        assertThat(bob.stats().primaryCircuit().orElseThrow().tolerated().missingTrailingBlocks()).isPositive();

        // and so teleport by name, which asks the map first
        TeleportFinished finished = alice.teleport("Gamma", new Vector3(100, 60, 30), new Vector3(0, 1, 0))
                .get(15, TimeUnit.SECONDS);
        assertThat(finished.regionName()).isEqualTo("Gamma");
        assertThat(askRegionInfo(alice).regionInfo().simName().asString()).isEqualTo("Gamma");
        assertThat(alice.stats().primaryCircuit().orElseThrow().malformedDropped()).isZero();
        assertThat(bob.stats().primaryCircuit().orElseThrow().malformedDropped()).isZero();
        assertThat(rejected).isEmpty();
    }

    @Test
    void onAGridOfMixedAgesOnlyTheOlderRegionsDepartFromTheTemplate() throws Exception {
        grid = twoRegions().region("Alpha", 1000, 1000).region("Gamma", 1010, 1010, SimulatorQuirks.OPENSIM_0_9)
                .start();
        CompletableFuture<AvatarAppearance> appearance = new CompletableFuture<>();
        alice.handlers().register(AvatarAppearance.class, (m, c) -> appearance.complete(m));
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));

        // Alpha speaks the template to the byte: appearance, region info and the map's answer all exact
        appearance.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(askRegionInfo(alice).regionInfo().simName().asString()).isEqualTo("Alpha");
        alice.network().regionHandle("Gamma").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(alice.stats().primaryCircuit().orElseThrow().tolerated())
                .isEqualTo(CircuitStats.ToleratedDeviations.NONE);

        // Gamma is older
        alice.teleport("Gamma", new Vector3(100, 60, 30), new Vector3(0, 1, 0)).get(15, TimeUnit.SECONDS);
        assertThat(askRegionInfo(alice).regionInfo().simName().asString()).isEqualTo("Gamma");
        CircuitStats atGamma = alice.stats().primaryCircuit().orElseThrow();
        assertThat(atGamma.tolerated().missingTrailingBlocks()).isPositive();
        assertThat(atGamma.malformedDropped()).isZero();
        assertThat(rejected).isEmpty();
    }
}
