package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.ClientConfig;
import slnet.RegionRestartScheduled;
import slnet.RestartEvacuation;
import slnet.RestartPolicy;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;

/**
 * A region restart on the test grid (warning, down, up again on the same address): a bot with an
 * evacuation policy waits it out in a fallback region and comes back where it stood; a bot without
 * one goes down with the region; a region that stays down too long leaves the bot in the fallback.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RegionRestartTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Vector3 HAVEN_SPOT = new Vector3(64, 64, 25);
    private TestGrid grid;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).region("Home", 1000, 1000).region("Haven", 1010, 1010)
                .startRegion("Home").circuitConfig(E2e.FAST_SIM).start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private static Client bot(RestartPolicy policy) {
        return Client.create(ClientConfig.builder().network(E2e.network().build()).restartPolicy(policy).build());
    }

    private static RestartPolicy evacuate(Duration maxWait) {
        return RestartPolicy.evacuateTo("Haven", HAVEN_SPOT).withTimings(Duration.ofSeconds(1),
                Duration.ofMillis(200), maxWait);
    }

    @Test
    void aBotWithThePolicyWaitsItOutElsewhereAndComesBackWhileOneWithoutGoesDown() throws Exception {
        try (Client alice = bot(evacuate(LONG)); Client bob = bot(RestartPolicy.stay());
             EventStream aliceEvents = alice.events().events(); EventStream bobEvents = bob.events().events()) {
            alice.connect(E2e.credentials(grid, ALICE));
            bob.connect(E2e.credentials(grid, BOB));
            Vector3 stood = alice.position().orElseThrow().position();

            grid.simulator("Home").scheduleRestart(Duration.ofSeconds(2), Duration.ofSeconds(2));

            assertThat(aliceEvents.awaitEvent(RegionRestartScheduled.class, LONG).regionName()).isEqualTo("Home");
            RestartEvacuation.Evacuated left = aliceEvents.awaitEvent(RestartEvacuation.Evacuated.class, LONG);
            assertThat(left.from()).isEqualTo("Home");
            assertThat(left.to()).isEqualTo("Haven");
            assertThat(alice.region().orElseThrow().name()).isEqualTo("Haven");

            NetworkEvent.Disconnected gone = bobEvents.awaitEvent(NetworkEvent.Disconnected.class, LONG);
            assertThat(gone.reason()).contains("restarting");

            RestartEvacuation.Returned back = aliceEvents.awaitEvent(RestartEvacuation.Returned.class, LONG);
            assertThat(back.region()).isEqualTo("Home");
            assertThat(back.attempts()).isGreaterThanOrEqualTo(1);
            assertThat(alice.region().orElseThrow().name()).isEqualTo("Home");
            Vector3 now = alice.position().orElseThrow().position();
            assertThat(Math.hypot(now.x() - stood.x(), now.y() - stood.y())).as("back where she stood")
                    .isLessThan(1.0);
        }
    }

    @Test
    void aRegionDownTooLongLeavesTheBotInTheFallback() throws Exception {
        try (Client alice = bot(evacuate(Duration.ofSeconds(1)));
             EventStream events = alice.events().events()) {
            alice.connect(E2e.credentials(grid, ALICE));
            grid.simulator("Home").scheduleRestart(Duration.ofMillis(1500), Duration.ofSeconds(60)); // announced as 2 s
            events.awaitEvent(RestartEvacuation.Evacuated.class, LONG);
            RestartEvacuation.Failed failed = events.awaitEvent(RestartEvacuation.Failed.class, LONG);
            assertThat(failed.returning()).isTrue();
            assertThat(failed.reason()).contains("not back within 1 s");
            assertThat(alice.region().orElseThrow().name()).isEqualTo("Haven");
            assertThat(alice.status()).isEqualTo(slnet.network.NetworkStatus.CONNECTED);
        }
    }
}
