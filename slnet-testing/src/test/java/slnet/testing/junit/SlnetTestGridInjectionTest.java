package slnet.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.NetworkStatus;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;

/** What {@link SlnetTestGrid} injects, used as a user would: the annotation on a test class. */
@SlnetTestGrid(accounts = {"Alice Tester", "Bob Tester"}, regions = {"Alpha", "Beta@1005,1000"},
        connectAs = "Bob Tester")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlnetTestGridInjectionTest {
    private static TestGrid seenInBeforeAll;

    @BeforeAll
    static void gridIsThereBeforeAll(TestGrid grid) {
        seenInBeforeAll = grid;
    }

    @Test
    void theGridItsLoginUriAndItsGrid(TestGrid grid, URI loginUri, Grid asGrid) {
        assertThat(grid).isSameAs(seenInBeforeAll);
        assertThat(loginUri).isEqualTo(grid.loginUri());
        assertThat(asGrid.loginUri()).isEqualTo(grid.loginUri());
        assertThat(grid.simulators()).extracting(s -> s.region().name()).containsExactly("Alpha", "Beta");
        assertThat(grid.simulator("Beta").region().cornerX()).isEqualTo(1005 * 256);
    }

    @Test
    void accountsTheConnectOneUnlessAnotherIsAskedFor(TestAccount connect, @AsAccount("alice tester") TestAccount alice,
            TestGrid grid) {
        assertThat(connect).isEqualTo(grid.account("Bob", "Tester"));
        assertThat(alice).isEqualTo(grid.account("Alice", "Tester"));
        assertThat(alice.password()).isEqualTo(SlnetTestGrid.DEFAULT_PASSWORD);
    }

    @Test
    void simulatorsByRegion(Simulator start, @InRegion("Beta") Simulator beta, TestGrid grid) {
        assertThat(start).isSameAs(grid.simulator("Alpha"));
        assertThat(beta).isSameAs(grid.simulator("Beta"));
    }

    @Test
    void aConnectedClientPerParameter(Client bob, @AsAccount("Alice Tester") Client alice, TestGrid grid)
            throws Exception {
        assertThat(bob.status()).isEqualTo(NetworkStatus.CONNECTED);
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        assertThat(bob.agentId()).contains(grid.account("Bob", "Tester").agentId());
        assertThat(alice.agentId()).contains(grid.account("Alice", "Tester").agentId());
        assertThat(bob.region().orElseThrow().name()).isEqualTo("Alpha");
        grid.simulator().awaitAgentInRegion(grid.account("Alice", "Tester").agentId(), Duration.ofSeconds(10));
    }

    @Test
    void credentialsForABotThatLogsInByItself(@AsAccount("Alice Tester") LoginCredentials credentials,
            TestGrid grid) throws Exception {
        assertThat(credentials.grid().loginUri()).isEqualTo(grid.loginUri());
        try (Client own = Client.create()) {
            own.connect(credentials);
            assertThat(own.agentId()).contains(grid.account("Alice", "Tester").agentId());
        }
    }
}
