package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ImReceived;
import slnet.circuit.CircuitStats;
import slnet.network.EventStream;
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
 * after MapBlockReply): instant messages, teleport by region name, appearance, region info and
 * alerts all get through, and the circuits count what they tolerated while rejecting nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class OlderSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestGrid grid;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).region("Alpha", 1000, 1000).region("Gamma", 1010, 1010)
                .homeRegion("Alpha").quirks(SimulatorQuirks.OPENSIM_0_9).circuitConfig(E2e.FAST_SIM)
                .pollHold(Duration.ofMillis(500)).start();
        alice = E2e.client();
        bob = E2e.client();
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        grid.close();
    }

    @Test
    void everythingAnOlderSimulatorSendsGetsThrough() throws Exception {
        CompletableFuture<AvatarAppearance> appearance = new CompletableFuture<>();
        alice.handlers().register(AvatarAppearance.class, (m, c) -> appearance.complete(m));
        CompletableFuture<RegionInfo> regionInfo = new CompletableFuture<>();
        alice.handlers().register(RegionInfo.class, (m, c) -> regionInfo.complete(m));
        CompletableFuture<AlertMessage> alert = new CompletableFuture<>();
        alice.handlers().register(AlertMessage.class, (m, c) -> alert.complete(m));
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        UUID bobId = bob.agentId().orElseThrow();
        UUID aliceId = alice.agentId().orElseThrow();

        // Bob's looks reach Alice (the simulator sends them without AttachmentBlock)
        assertThat(appearance.get(WAIT.toSeconds(), TimeUnit.SECONDS).sender().id()).isEqualTo(bobId);

        // an instant message both ways (no MetaData block)
        try (EventStream bobHears = bob.events().events()) {
            alice.ims().send(bobId, "hello from an old grid");
            ImReceived im = bobHears.awaitEvent(ImReceived.class, WAIT);
            assertThat(im.message().text()).isEqualTo("hello from an old grid");
            assertThat(im.message().fromId()).isEqualTo(aliceId);
        }

        // region info, as estate tools ask for it (no RegionInfo3, RegionInfo5, CombatSettings)
        alice.network().primaryContext().orElseThrow().circuit().send(new RequestRegionInfo(
                new RequestRegionInfo.AgentData(aliceId, alice.network().session().orElseThrow().sessionId())), true);
        assertThat(regionInfo.get(WAIT.toSeconds(), TimeUnit.SECONDS).regionInfo().simName().asString())
                .isEqualTo("Alpha");

        // an alert to the whole region (no AlertInfo, no AgentInfo)
        grid.simulator("Alpha").sendAlert("The region restarts in 5 minutes");
        assertThat(alert.get(WAIT.toSeconds(), TimeUnit.SECONDS).alertData().message().asString())
                .isEqualTo("The region restarts in 5 minutes");

        // teleport by name needs MapBlockReply, which comes with a stray byte after its last block
        CircuitStats atAlpha = alice.stats().primaryCircuit().orElseThrow();
        assertThat(atAlpha.tolerated().missingTrailingBlocks()).isPositive();
        assertThat(atAlpha.malformedDropped()).isZero();
        TeleportFinished finished = alice.teleport("Gamma", new Vector3(100, 60, 30), new Vector3(0, 1, 0))
                .get(15, TimeUnit.SECONDS);
        assertThat(finished.regionName()).isEqualTo("Gamma");
    }
}
