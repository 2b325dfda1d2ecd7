package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.NetworkConfig;
import slnet.network.RegionServices;
import slnet.testgrid.TestGrid;

/** Region services still starting when the session ends are stopped, not left running behind it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegionServicesLifecycleTest {

    @Test
    void aStartStillInProgressIsInterruptedWhenTheSessionEnds() throws Exception {
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        RegionServices stuck = context -> {
            starting.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE); // a seed that never answers
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return () -> { };
        };
        try (TestGrid grid = TestGrid.builder().account("Slow", "Seed", "pw").start()) {
            NetworkConfig network = NetworkConfig.builder().logoutOnShutdown(false).regionServices(stuck).build();
            try (Client client = Client.create(ClientConfig.builder().network(network).build())) {
                client.connect(LoginCredentials.of("Slow", "Seed", "pw").withGrid(Grid.custom(grid.loginUri())));
                assertThat(starting.await(10, TimeUnit.SECONDS)).as("services started").isTrue();
                client.disconnect();
                assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("start interrupted").isTrue();
            }
        }
    }
}
