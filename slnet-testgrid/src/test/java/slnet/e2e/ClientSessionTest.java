package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.ChatReceived;
import slnet.ChatSourceType;
import slnet.ChatType;
import slnet.Client;
import slnet.ImReceived;
import slnet.RegionInfo;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.SessionSummary;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** Two clients against the test grid over real loopback sockets: connect, chat, IM, logout. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ClientSessionTest {
    private TestGrid grid;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = E2e.client();
        bob = E2e.client();
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        grid.close();
    }

    @Test
    void connectsThroughEveryStatusAndLearnsTheRegion() throws Exception {
        EventStream events = alice.events().events();
        SessionSummary summary = alice.connect(E2e.credentials(grid, ALICE));

        assertThat(summary.agentName()).isEqualTo("Alice Tester");
        assertThat(summary.regionName()).isEqualTo("Testville");
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        RegionInfo region = alice.region().orElseThrow();
        assertThat(region.name()).isEqualTo("Testville");
        assertThat(region.globalX()).isEqualTo(256000);
        assertThat(region.globalY()).isEqualTo(256512);
        assertThat(region.simulator()).isEqualTo(grid.simulator().address());
        assertThat(alice.position()).isPresent();
        grid.simulator().awaitAgentInRegion(ALICE.agentId(), WAIT);

        assertThat(events.awaitEvent(NetworkEvent.StatusChanged.class, e -> e.to() == NetworkStatus.AUTHENTICATING,
                WAIT)).isNotNull();
        assertThat(events.awaitEvent(NetworkEvent.StatusChanged.class, e -> e.to() == NetworkStatus.CONNECTING,
                WAIT)).isNotNull();
        assertThat(events.awaitEvent(NetworkEvent.CircuitConnected.class, WAIT).simulator())
                .isEqualTo(grid.simulator().address());
        assertThat(events.awaitEvent(NetworkEvent.StatusChanged.class, e -> e.to() == NetworkStatus.CONNECTED,
                WAIT)).isNotNull();
        assertThat(events.awaitEvent(NetworkEvent.Connected.class, WAIT).session()).isEqualTo(summary);
        // the simulator saw the handshake in the viewer's order
        grid.simulator().awaitMessage(ALICE.agentId(), "AgentUpdate", WAIT);
        List<String> seen = grid.simulator().receivedMessages(ALICE.agentId());
        assertThat(seen).containsSubsequence("UseCircuitCode", "CompleteAgentMovement", "RegionHandshakeReply",
                "AgentThrottle", "AgentUpdate");
    }

    @Test
    void chatBetweenTwoClients() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        EventStream bobHears = bob.events().events();
        EventStream aliceHears = alice.events().events();

        alice.chat().say("Hello Bob", 0, ChatType.NORMAL);

        ChatReceived heard = bobHears.awaitEvent(ChatReceived.class, WAIT);
        assertThat(heard.message().text()).isEqualTo("Hello Bob");
        assertThat(heard.message().fromName()).isEqualTo("Alice Tester");
        assertThat(heard.message().sourceId()).isEqualTo(ALICE.agentId());
        assertThat(heard.message().sourceType()).isEqualTo(ChatSourceType.AGENT);
        assertThat(heard.message().type()).isEqualTo(ChatType.NORMAL);
        // the speaker hears itself, as in Second Life
        assertThat(aliceHears.awaitEvent(ChatReceived.class, WAIT).message().text()).isEqualTo("Hello Bob");
    }

    @Test
    void instantMessageBetweenTwoClients() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        EventStream bobHears = bob.events().events();

        alice.ims().send(BOB.agentId(), "psst");

        ImReceived im = bobHears.awaitEvent(ImReceived.class, WAIT);
        assertThat(im.message().text()).isEqualTo("psst");
        assertThat(im.message().fromId()).isEqualTo(ALICE.agentId());
        assertThat(im.message().fromName()).isEqualTo("Alice Tester");
        assertThat(im.message().isPlainMessage()).isTrue();
    }

    @Test
    void imOfAnUnknownDialogIsPassedThroughRaw() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        EventStream bobHears = bob.events().events();
        UUID session = UUID.randomUUID();

        alice.ims().sendRaw(BOB.agentId(), 99, session, "from the future", new byte[] {1, 2, 3});

        ImReceived im = bobHears.awaitEvent(ImReceived.class, WAIT);
        assertThat(im.message().dialog()).isEqualTo(99);
        assertThat(im.message().dialogType()).isEmpty();
        assertThat(im.message().imSessionId()).isEqualTo(session);
        assertThat(im.message().text()).isEqualTo("from the future");
        assertThat(im.message().fromId()).isEqualTo(ALICE.agentId());
    }

    @Test
    void logoutWithLogoutReply() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        EventStream events = alice.events().events();

        alice.disconnect();

        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).isEqualTo("logged out");
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        assertThat(alice.stats().circuits()).isEmpty();
    }

    @Test
    void logoutWithoutLogoutReplyEndsAfterTheBoundedWait() throws Exception {
        grid.simulator().setLogoutReplyEnabled(false);
        alice.connect(E2e.credentials(grid, ALICE));
        EventStream events = alice.events().events();

        alice.disconnect();

        assertThat(alice.status()).isEqualTo(NetworkStatus.DISCONNECTED);
        assertThat(events.awaitEvent(NetworkEvent.Disconnected.class, WAIT).reason()).contains("no LogoutReply");
    }

    @Test
    void connectsAgainAfterLoggingOut() throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        alice.disconnect();
        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);

        alice.connect(E2e.credentials(grid, ALICE));

        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
    }
}
