package slnet.e2e;

import java.time.Duration;
import slnet.Client;
import slnet.ClientConfig;
import slnet.circuit.CircuitConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.NetworkConfig;
import slnet.network.ReconnectPolicy;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/** Shared settings of the end-to-end tests: short timers, so lost circuits show within a test. */
final class E2e {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    static final TestAccount BOB = TestAccount.of("Bob", "Tester", "bob-pw");

    static final CircuitConfig FAST_CLIENT = CircuitConfig.builder()
            .initialRetransmitTimeout(Duration.ofMillis(200)).minRetransmitTimeout(Duration.ofMillis(150))
            .maxRetransmitTimeout(Duration.ofMillis(400)).ackFlushDelay(Duration.ofMillis(20))
            .pingInterval(Duration.ofMillis(200)).inactivityTimeout(Duration.ofSeconds(1)).build();
    static final CircuitConfig FAST_SIM = FAST_CLIENT.toBuilder().role(slnet.circuit.CircuitRole.SIMULATOR).build();

    /** The default region services with an event queue that retries within a test's patience. */
    static final slnet.network.RegionServices FAST_CAPS = slnet.network.RegionServices.capabilities(
            slnet.caps.CapabilityNames.VIEWER_DEFAULTS, b -> b.rapidEmptyPoll(Duration.ZERO)
                    .backoff(new slnet.caps.ExponentialBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0,
                            java.util.random.RandomGenerator.getDefault())));

    private E2e() {
    }

    static TestGrid grid() throws java.io.IOException {
        return TestGrid.builder().account(ALICE).account(BOB).regionName("Testville").regionCorner(256000, 256512)
                .circuitConfig(FAST_SIM).start();
    }

    static NetworkConfig.Builder network() {
        return NetworkConfig.builder().circuitConfig(FAST_CLIENT).handshakeStepTimeout(Duration.ofSeconds(3))
                .logoutTimeout(Duration.ofMillis(500)).logoutOnShutdown(false)
                .reconnectPolicy(ReconnectPolicy.DISABLED)
                .regionServices(FAST_CAPS);
    }

    static Client client() {
        return Client.create(ClientConfig.builder().network(network().build()).build());
    }

    /**
     * Waits for a condition, polling it, within {@code timeout}.
     *
     * @throws AssertionError naming {@code what} if it did not hold in time
     */
    static void awaitTrue(java.util.function.BooleanSupplier condition, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20); // polling a condition, bounded
        }
    }

    static LoginCredentials credentials(TestGrid grid, TestAccount account) {
        return LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                .withGrid(Grid.custom(grid.loginUri()));
    }

    static LoginCredentials credentials(TestGrid grid, TestAccount account, String password) {
        return LoginCredentials.of(account.firstName(), account.lastName(), password)
                .withGrid(Grid.custom(grid.loginUri()));
    }
}
