package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitListener;
import slnet.circuit.CircuitRole;
import slnet.circuit.TransportDatagramSender;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.ConnectException;
import slnet.network.ConnectStep;
import slnet.network.NetworkConfig;
import slnet.network.NetworkManager;
import slnet.network.NetworkStatus;
import slnet.network.SessionSummary;
import slnet.testgrid.LoginServer;
import slnet.testing.LeakCheckExtension;
import slnet.time.ExecutorScheduler;
import slnet.time.ManualScheduler;
import slnet.transport.UdpTransport;

/**
 * The manager's handshake step timeouts on a manual clock: a real login server, and a "simulator"
 * that is only a circuit (it acks what is reliable and says nothing), so the manager gets past
 * UseCircuitCode and then waits for a RegionHandshake that never comes, until the test moves time.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class HandshakeStepTimeoutTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private final List<String> simulatorHeard = new CopyOnWriteArrayList<>();
    private UdpTransport simTransport;
    private ExecutorScheduler simTimer;
    private CircuitHost silentSimulator;
    private LoginServer login;
    private final ManualScheduler clock = new ManualScheduler();
    private NetworkManager manager;

    @BeforeEach
    void start() throws Exception {
        simTransport = UdpTransport.open(slnet.transport.UdpTransportConfig.builder()
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build());
        simTimer = new ExecutorScheduler("slnet-test-silent-sim");
        silentSimulator = new CircuitHost(new TransportDatagramSender(simTransport), simTimer,
                E2e.FAST_CLIENT.toBuilder().role(CircuitRole.SIMULATOR).build());
        simTransport.start((datagram, source) -> {
            if (silentSimulator.circuit(source) == null) {
                silentSimulator.open(source, m -> simulatorHeard.add(m.message().descriptor().name()),
                        CircuitListener.NONE);
            }
            silentSimulator.onDatagram(datagram, source);
        });
        login = LoginServer.builder().account(ALICE).simulator(simTransport.localAddress()).start();
        // the circuit's own silence timeout far beyond the step's, so only the step can fail
        manager = new NetworkManager(NetworkConfig.builder().scheduler(clock)
                .circuitConfig(E2e.FAST_CLIENT.toBuilder().inactivityTimeout(Duration.ofMinutes(10)).build())
                .handshakeStepTimeout(STEP).logoutOnShutdown(false).logoutTimeout(Duration.ofMillis(100)).build());
    }

    @AfterEach
    void stop() {
        manager.close();
        login.close();
        silentSimulator.close();
        simTransport.close();
        simTimer.close();
    }

    @Test
    void noRegionHandshakeFailsThatStepWhenItsTimeoutPasses() throws Exception {
        CompletableFuture<SessionSummary> connecting = manager.connectAsync(LoginCredentials.of(ALICE.firstName(),
                ALICE.lastName(), ALICE.password()).withGrid(Grid.custom(login.loginUri())));
        // UseCircuitCode is acked and CompleteAgentMovement sent, in real time; timers wait for us
        awaitTrue(() -> simulatorHeard.contains("CompleteAgentMovement"));
        assertThat(manager.status()).isEqualTo(NetworkStatus.CONNECTING);

        clock.advanceBy(STEP.toNanos() - 1);
        assertThat(connecting).isNotDone();
        clock.advanceBy(1);

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> connecting.get(5, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOfSatisfying(ConnectException.class, e -> {
            assertThat(e.step()).isEqualTo(ConnectStep.REGION_HANDSHAKE);
            assertThat(e.getMessage()).contains("no RegionHandshake");
        });
        assertThat(manager.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThat(simulatorHeard).containsSubsequence("UseCircuitCode", "CompleteAgentMovement")
                .doesNotContain("RegionHandshakeReply", "AgentUpdate");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
