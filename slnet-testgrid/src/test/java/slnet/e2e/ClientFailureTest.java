package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.LoginFailure;
import slnet.network.ConnectException;
import slnet.network.ConnectStep;
import slnet.network.Delay;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.ReconnectPolicy;
import slnet.network.ReconnectScheduled;
import slnet.protocol.messages.DisableSimulator;
import slnet.testgrid.TestGrid;
import slnet.testgrid.fault.LoginFault;
import slnet.testing.LeakCheckExtension;

/** How failures surface: login refused, kicked, simulator gone, reconnect attempts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ClientFailureTest {
    private TestGrid grid;
    private Client alice;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = E2e.client();
    }

    @AfterEach
    void stop() {
        alice.close();
        grid.close();
    }

    @Test
    void wrongPasswordSurfacesAsLoginFailureStatusAndEvents() throws Exception {
        EventStream events = alice.events().events();

        assertThatThrownBy(() -> alice.connect(E2e.credentials(grid, ALICE, "wrong")))
                .isInstanceOfSatisfying(ConnectException.class, e -> {
                    assertThat(e.step()).isEqualTo(ConnectStep.LOGIN);
                    assertThat(e.loginFailure()).contains(LoginFailure.BAD_CREDENTIALS);
                });

        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThat(events.awaitEvent(NetworkEvent.ErrorOccurred.class, WAIT).description())
                .contains("BAD_CREDENTIALS").doesNotContain("wrong");
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).contains("login failed");
    }

    @Test
    void presenceSurfacesAsLoginFailure() throws Exception {
        grid.loginServer().setFault(new LoginFault.Presence());

        assertThatThrownBy(() -> alice.connect(E2e.credentials(grid, ALICE)))
                .isInstanceOfSatisfying(ConnectException.class,
                        e -> assertThat(e.loginFailure()).contains(LoginFailure.PRESENCE));
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }

    @Test
    void kickDisconnectsWithTheReason() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        EventStream events = alice.events().events();

        grid.simulator().kick(ALICE.agentId(), "Bad manners");

        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason())
                .isEqualTo("kicked: Bad manners");
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }

    @Test
    void disableSimulatorOnThePrimaryCircuitDisconnects() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        EventStream events = alice.events().events();

        grid.simulator().send(ALICE.agentId(), new DisableSimulator(), true);

        assertThat(events.awaitEvent(NetworkEvent.CircuitLost.class, WAIT).reason()).contains("disabled");
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).contains("disabled");
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }

    @Test
    void simulatorKilledIsLostWithinTheTimeoutThenDisconnected() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        EventStream events = alice.events().events();
        long start = System.nanoTime();

        grid.simulator().killAbruptly();

        NetworkEvent.CircuitLost lost = events.awaitEvent(NetworkEvent.CircuitLost.class, WAIT);
        assertThat(lost.simulator()).isEqualTo(grid.simulator().address());
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(E2e.FAST_CLIENT.inactivityTimeout().plusSeconds(2));
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).startsWith("circuit lost");
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }

    @Test
    void lostCircuitReconnectsWhilePresenceBacksOffThenGivesUpWhenTheRegionIsGone() throws Exception {
        Client bob = Client.create(ClientConfig.builder().network(E2e.network()
                .reconnectPolicy(new ReconnectPolicy(3, Delay.constant(Duration.ofMillis(100)))).build()).build());
        try (bob) {
            bob.connect(E2e.credentials(grid, E2e.BOB));
            EventStream events = bob.events().events();
            grid.loginServer().setFault(new LoginFault.Presence());

            grid.simulator().killAbruptly();

            events.awaitEvent(NetworkEvent.CircuitLost.class, WAIT);
            events.awaitEvent(NetworkEvent.StatusChanged.class, e -> e.to() == NetworkStatus.RECONNECTING, WAIT);
            assertThat(events.awaitEvent(ReconnectScheduled.class, WAIT).attempt()).isEqualTo(1);
            assertThat(events.awaitEvent(NetworkEvent.ErrorOccurred.class, e -> e.description().contains("PRESENCE"),
                    WAIT).description()).startsWith("reconnect attempt 1");
            assertThat(events.awaitEvent(ReconnectScheduled.class, WAIT).attempt()).isEqualTo(2);
            grid.loginServer().setFault(new LoginFault.None());
            // the login now succeeds, but the simulator is gone: the handshake fails and ends the session
            events.awaitEvent(NetworkEvent.StatusChanged.class, e -> e.to() == NetworkStatus.CONNECTING, WAIT);
            assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, Duration.ofSeconds(10)).reason())
                    .contains("UseCircuitCode");
            assertThat(bob.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        }
    }

    @Test
    void handshakeTimeoutNamesTheUnansweredStep() throws Exception {
        grid.simulator().killAbruptly();

        assertThatThrownBy(() -> alice.connect(E2e.credentials(grid, ALICE)))
                .isInstanceOfSatisfying(ConnectException.class, e -> {
                    assertThat(e.step()).isEqualTo(ConnectStep.USE_CIRCUIT_CODE);
                    assertThat(e.getMessage()).contains("UseCircuitCode");
                });
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
    }
}
