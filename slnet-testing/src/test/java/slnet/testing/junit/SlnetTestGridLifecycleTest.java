package slnet.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import slnet.Client;
import slnet.network.NetworkStatus;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;

/**
 * The extension's lifecycles, run through the JUnit engine on fixture classes (nested, so the build's
 * own test run skips them): one grid per class or per test, a method's own grid, clients closed after
 * their test, and nothing left running, or the scope fails.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlnetTestGridLifecycleTest {
    /** What the fixtures saw; each test of this class clears it first. */
    static final List<TestGrid> GRIDS = new CopyOnWriteArrayList<>();
    static final List<Client> CLIENTS = new CopyOnWriteArrayList<>();

    @BeforeEach
    @AfterEach
    void clear() {
        GRIDS.clear();
        CLIENTS.clear();
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter(OnlyInTestKit.PARAMETER, "true").execute();
    }

    /** Nothing of a closed grid still answers: the login server refuses and the UDP ports can be bound. */
    private static void assertStopped(TestGrid grid) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(grid.loginUri().getHost(), grid.loginUri().getPort()), 2000);
            throw new AssertionError("login server of " + grid + " still accepts connections");
        } catch (java.net.ConnectException expected) {
            // refused: stopped
        }
        for (Simulator simulator : grid.simulators()) {
            try (DatagramChannel channel = DatagramChannel.open()) {
                channel.bind(simulator.address());
            }
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @SlnetTestGrid
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClassFixture {
        @Test
        void first(TestGrid grid, Client client) {
            GRIDS.add(grid);
            CLIENTS.add(client);
        }

        @Test
        void second(TestGrid grid, Client client) {
            GRIDS.add(grid);
            CLIENTS.add(client);
            assertThat(CLIENTS.get(0).status()).as("the first test's client is closed after it")
                    .isEqualTo(NetworkStatus.DISCONNECTED);
        }
    }

    @Test
    void perClassOneGridForAllTestsStoppedAfterTheLast() throws IOException {
        run(PerClassFixture.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(GRIDS).hasSize(2);
        assertThat(GRIDS.get(0)).isSameAs(GRIDS.get(1));
        assertThat(CLIENTS.get(0)).isNotSameAs(CLIENTS.get(1));
        assertThat(CLIENTS).allSatisfy(c -> assertThat(c.status()).isEqualTo(NetworkStatus.DISCONNECTED));
        assertStopped(GRIDS.get(0));
    }

    @ExtendWith(OnlyInTestKit.class)
    @SlnetTestGrid(lifecycle = SlnetTestGrid.Lifecycle.PER_TEST, accounts = "Solo Bot")
    static class PerTestFixture {
        @Test
        void first(TestGrid grid, Simulator simulator) throws Exception {
            GRIDS.add(grid);
            assertThat(simulator.receivedMessages()).isEmpty();
        }

        @Test
        void second(TestGrid grid) {
            GRIDS.add(grid);
        }
    }

    @Test
    void perTestAFreshGridForEachTestStoppedAfterIt() throws IOException {
        run(PerTestFixture.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(GRIDS).hasSize(2);
        assertThat(GRIDS.get(0)).isNotSameAs(GRIDS.get(1));
        for (TestGrid grid : GRIDS) {
            assertStopped(grid);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @SlnetTestGrid(accounts = "Class Account")
    static class MethodOverrideFixture {
        @Test
        void classGrid(TestGrid grid) {
            GRIDS.add(grid);
        }

        @Test
        @SlnetTestGrid(accounts = "Method Account", regions = "Elsewhere")
        void ownGrid(TestGrid grid) {
            GRIDS.add(grid);
            assertThat(grid.account("Method", "Account")).isNotNull();
            assertThat(grid.simulator().region().name()).isEqualTo("Elsewhere");
        }
    }

    @Test
    void aMethodAnnotationGivesThatTestAGridOfItsOwn() throws IOException {
        run(MethodOverrideFixture.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(GRIDS).hasSize(2).doesNotHaveDuplicates();
        for (TestGrid grid : GRIDS) {
            assertStopped(grid);
        }
    }

    static final CountDownLatch RELEASE_LEAK = new CountDownLatch(1);

    @ExtendWith(OnlyInTestKit.class)
    @SlnetTestGrid(lifecycle = SlnetTestGrid.Lifecycle.PER_TEST)
    static class LeakingFixture {
        @Test
        void leavesAThreadBehind(TestGrid grid) {
            GRIDS.add(grid);
            Thread.ofPlatform().daemon().name("slnet-leaked-by-test").start(() -> {
                try {
                    RELEASE_LEAK.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void aThreadLeftRunningFailsTheTest() throws IOException {
        try {
            run(LeakingFixture.class).allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(AssertionError.class), message(m -> m.contains("'slnet-leaked-by-test'")))));
        } finally {
            RELEASE_LEAK.countDown();
        }
        assertStopped(GRIDS.get(0)); // the grid itself was still closed
    }

    @ExtendWith(OnlyInTestKit.class)
    @SlnetTestGrid(accounts = "Cher")
    static class BadAccountFixture {
        @Test
        void never() {
        }
    }

    @Test
    void aMalformedAccountFailsBeforeAnythingStarts() {
        run(BadAccountFixture.class).allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("\"First Last\"")))));
    }

    @ExtendWith(OnlyInTestKit.class)
    static class ProgrammaticFixture {
        @RegisterExtension
        static final SlnetTestGridExtension EXTENSION = SlnetTestGridExtension.builder()
                .accounts("Prog Bot").regions("Gamma", "Delta")
                .configureGrid(b -> b.startRegion("Delta")).build();

        @Test
        void reachesTheGrid(TestGrid grid, Client client) {
            GRIDS.add(grid);
            assertThat(EXTENSION.grid()).isSameAs(grid);
            assertThat(client.region().orElseThrow().name()).isEqualTo("Delta");
        }
    }

    @Test
    void registeredProgrammaticallyWithAGridCustomizer() throws IOException {
        run(ProgrammaticFixture.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(GRIDS).hasSize(1);
        assertStopped(GRIDS.get(0));
    }
}
