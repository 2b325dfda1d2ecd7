package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.NetworkConfig;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.SimObject;
import slnet.testing.LeakCheckExtension;

/**
 * {@code slnet connect --world} on the test grid: Bob (a library client) stands near, leaves while the
 * CLI stays; the CLI prints his arrival and departure with name and distance, and one summary line
 * for the region.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectWorldTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private static final TestAccount BOB = TestAccount.of("Bob", "Tester", "bob-pw");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestGrid grid;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).regionName("Testville").start();
        grid.simulator().objects().addObject(SimObject.box(new Vector3(100, 100, 25)));
        grid.simulator().objects().addObject(SimObject.sphere(new Vector3(110, 100, 25)));
        grid.simulator().objects().addObject(SimObject.tree(new Vector3(30, 200, 22)));
        bob = Client.create(ClientConfig.builder().network(NetworkConfig.builder().logoutOnShutdown(false).build())
                .build());
        bob.connect(LoginCredentials.of("Bob", "Tester", "bob-pw").withGrid(Grid.custom(grid.loginUri())));
        var spawn = grid.simulator().agent(BOB.agentId()).orElseThrow().position();
        grid.simulator().moveAgent(BOB.agentId(), new Vector3(spawn.x() + 4, spawn.y(), spawn.z()));
    }

    @AfterEach
    void stop() {
        bob.close();
        grid.close();
    }

    /** Bob leaves once Alice has been in the region long enough for the summary. */
    private Thread bobLeavesLater() {
        return Thread.ofVirtual().start(() -> {
            try {
                grid.simulator().awaitAgentInRegion(ALICE.agentId(), WAIT);
                long deadline = System.nanoTime() + WAIT.toNanos();
                // Leave after Alice's summary could have been written (it waits for her parcel).
                while (grid.simulator().receivedMessages(ALICE.agentId()).stream()
                        .noneMatch("ParcelPropertiesRequest"::equals) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(2500); // the summary is due 0.5 s after the parcel arrives: ample on a busy machine
                bob.disconnect();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void printsArrivalsDeparturesAndARegionSummaryAsJson() throws Exception {
        Thread leaving = bobLeavesLater();
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--world", "--stay", "6", "--json");
        leaving.join();
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "avatar")
                .containsEntry("state", "arrived").containsEntry("name", "Bob Tester")
                .containsEntry("id", BOB.agentId().toString()).containsEntry("in_view", true)
                .hasEntrySatisfying("distance_m", d -> assertThat(((Number) d).doubleValue()).isEqualTo(4.0)));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "avatar")
                .containsEntry("state", "left").containsEntry("name", "Bob Tester"));
        assertThat(events).filteredOn(e -> "region".equals(e.get("event"))).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("region", "Testville").containsEntry("objects", 3L)
                    .containsEntry("avatars", 1L).containsEntry("parcel", "Testville Commons");
            assertThat(e.get("by_type")).isEqualTo(Map.of("prim", 2L, "tree", 1L));
        });
    }

    @Test
    void textLines() throws Exception {
        Thread leaving = bobLeavesLater();
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--world", "--stay", "6");
        leaving.join();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("avatar arrived: Bob Tester, 4.0 m away")
                .contains("region Testville: 3 objects (2 prim, 1 tree), 1 avatar, parcel \"Testville Commons\"")
                .contains("avatar left: Bob Tester");
    }
}
