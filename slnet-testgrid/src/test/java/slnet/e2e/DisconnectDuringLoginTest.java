package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.network.ConnectException;
import slnet.network.ConnectStep;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.SessionSummary;
import slnet.testgrid.TestGrid;
import slnet.testgrid.fault.LoginFault;
import slnet.testing.LeakCheckExtension;

/**
 * A disconnect asked for while the login is still out: the grid's answer decides. A session the
 * login opened anyway is logged out (the agent never entered the region), so the grid does not
 * hold it open, and the client ends in DISCONNECTED.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class DisconnectDuringLoginTest {
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
    void aLoginThatSucceedsAfterADisconnectIsLoggedOutAndEndsDisconnected() throws Exception {
        grid.loginServer().setFault(new LoginFault.SlowResponse(Duration.ofMillis(1500)));
        EventStream events = alice.events().events();
        CompletableFuture<SessionSummary> connecting = alice.connectAsync(E2e.credentials(grid, ALICE));
        awaitLoginReceived();
        assertThat(alice.status()).isEqualTo(NetworkStatus.AUTHENTICATING);

        CompletableFuture<Void> disconnected = alice.disconnectAsync();
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTING);
        disconnected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).isEqualTo("login cancelled");
        assertThatThrownBy(() -> connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConnectException.class)
                .satisfies(e -> assertThat(((ConnectException) e).step()).isEqualTo(ConnectStep.CANCELLED));
        // The simulator saw the agent's circuit only to be told goodbye, and let it go.
        grid.simulator().awaitMessage(ALICE.agentId(), "LogoutRequest", WAIT);
        assertThat(grid.simulator().receivedMessages(ALICE.agentId())).containsExactly("UseCircuitCode",
                "LogoutRequest");
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        assertThat(alice.network().circuitAddresses()).isEmpty();

        // And the next login goes in as usual.
        grid.loginServer().setFault(new LoginFault.None());
        alice.connect(E2e.credentials(grid, ALICE));
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
    }

    @Test
    void aLoginThatFailsAfterADisconnectEndsDisconnectedWithNothingToLogOut() throws Exception {
        grid.loginServer().setFault(new LoginFault.SlowResponse(Duration.ofMillis(1500)));
        CompletableFuture<SessionSummary> connecting = alice.connectAsync(E2e.credentials(grid, ALICE, "wrong"));
        awaitLoginReceived();
        alice.disconnectAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThatThrownBy(() -> connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOf(ConnectException.class);
        assertThat(grid.simulator().receivedMessages(ALICE.agentId())).isEmpty();
    }

    private void awaitLoginReceived() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (grid.loginServer().receivedLogins().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the login server records the request before it stalls the answer
        }
        assertThat(grid.loginServer().receivedLogins()).isNotEmpty();
    }
}
