package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.ImDialog;
import slnet.ImReceived;
import slnet.TeleportOffered;
import slnet.network.EventStream;
import slnet.network.TeleportFinished;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;

/** Teleport offers between two bots in regions far apart, over real UDP and HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LuresTest {
    private TestGrid grid;
    private Client alice;
    private Client bob;
    private EventStream aliceEvents;
    private EventStream bobEvents;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).region("Alpha", 1000, 1000).region("Gamma", 1010, 1010)
                .startRegion("Alpha").circuitConfig(E2e.FAST_SIM).start();
        alice = E2e.client();
        bob = E2e.client();
        aliceEvents = alice.events().events();
        bobEvents = bob.events().events();
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        bob.teleport("Gamma", new Vector3(50, 50, 30), new Vector3(1, 0, 0)).get(10, TimeUnit.SECONDS);
        // The grid files Bob's new region just after telling his viewer it arrived: an offer routed
        // before that would go to the region he left.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!grid.grid().rootOf(BOB.agentId()).map(s -> s == grid.simulator("Gamma")).orElse(false)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        grid.close();
    }

    @Test
    void anAcceptedOfferBringsTheAgentOver() throws Exception {
        alice.lures().offer("Join me in Alpha", BOB.agentId());
        TeleportOffered offer = bobEvents.awaitEvent(TeleportOffered.class, WAIT);
        assertThat(offer.fromId()).isEqualTo(ALICE.agentId());
        assertThat(offer.fromName()).isEqualTo("Alice Tester");
        assertThat(offer.message()).isEqualTo("Join me in Alpha");
        assertThat(offer.godlike()).isFalse();

        TeleportFinished arrived = bob.lures().accept(offer).get(10, TimeUnit.SECONDS);
        assertThat(arrived.regionName()).isEqualTo("Alpha");
        assertThat(bob.region().orElseThrow().name()).isEqualTo("Alpha");
        grid.simulator("Alpha").awaitAgentInRegion(BOB.agentId(), WAIT);

        // A lure is good once.
        assertThat(bob.teleport("Gamma", new Vector3(50, 50, 30), new Vector3(1, 0, 0)).get(10, TimeUnit.SECONDS)
                .regionName()).isEqualTo("Gamma");
        assertThat(bob.lures().accept(offer)).failsWithin(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeclinedOfferTellsWhoMadeIt() throws Exception {
        alice.lures().offer("Come over?", BOB.agentId());
        bob.lures().decline(bobEvents.awaitEvent(TeleportOffered.class, WAIT), "Busy, sorry");
        ImReceived declined = aliceEvents.awaitEvent(ImReceived.class,
                e -> e.message().dialogType().filter(d -> d == ImDialog.LURE_DECLINED).isPresent(), WAIT);
        assertThat(declined.message().fromId()).isEqualTo(BOB.agentId());
        assertThat(declined.message().text()).isEqualTo("Busy, sorry");
        assertThat(bob.region().orElseThrow().name()).isEqualTo("Gamma");
    }
}
