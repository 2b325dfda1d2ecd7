package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.AgentMoved;
import slnet.ChatReceived;
import slnet.Client;
import slnet.handler.HandlerStats;
import slnet.handler.MessagePath;
import slnet.network.EventStream;
import slnet.network.Subscription;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** Handlers and subscribers on the live path: priorities, filters, failures, fan-out, position. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ClientHandlersTest {
    private TestGrid grid;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = E2e.client();
        bob = E2e.client();
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        grid.close();
    }

    @Test
    void handlersRunByPriorityWithFiltersAndSurviveAThrowingOne() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        bob.handlers().register(ChatFromSimulator.class, 10, (m, c) -> {
            order.add("high:" + c.region().name() + ":" + c.path());
            assertThat(c.client(Client.class)).isSameAs(bob);
        });
        bob.handlers().register(ChatFromSimulator.class, 5, (m, c) -> {
            throw new IllegalStateException("a buggy handler");
        });
        bob.handlers().on(ChatFromSimulator.class).priority(1)
                .filter((m, c) -> m.chatData().message().asString().startsWith("!"))
                .handle((m, c) -> order.add("command"));
        bob.handlers().register(ChatFromSimulator.class, 0, (m, c) -> {
            order.add("low");
            if (m.chatData().message().asString().equals("!last")) {
                done.countDown();
            }
        });
        HandlerStats before = bob.stats().handlers();

        alice.chat().say("plain");
        alice.chat().say("!last");

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("high:Testville:" + MessagePath.UDP, "low",
                "high:Testville:" + MessagePath.UDP, "command", "low");
        HandlerStats after = bob.stats().handlers();
        assertThat(after.failures() - before.failures()).isEqualTo(2);
        assertThat(after.filtered() - before.filtered()).isEqualTo(1);
    }

    @Test
    void manySubscribersEachGetEveryChatAndASlowOneOnlyDropsItsOwn() throws Exception {
        List<EventStream> streams = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            streams.add(bob.events().events());
        }
        CountDownLatch stuck = new CountDownLatch(1);
        Subscription slow = bob.events().subscribe(event -> {
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1);

        for (int i = 0; i < 5; i++) {
            alice.chat().say("line " + i);
        }

        for (EventStream stream : streams) {
            for (int i = 0; i < 5; i++) {
                String expected = "line " + i;
                assertThat(stream.awaitEvent(ChatReceived.class, e -> e.message().text().equals(expected), WAIT))
                        .isNotNull();
            }
        }
        assertThat(slow.dropped()).isPositive();
        assertThat(bob.stats().eventsDropped()).isPositive();
        stuck.countDown();
        slow.close();
    }

    @Test
    void followsItsOwnAvatarThroughTerseUpdates() throws Exception {
        EventStream events = alice.events().events();
        Vector3 target = new Vector3(100, 120, 25);

        grid.simulator().moveAgent(ALICE.agentId(), target);

        AgentMoved moved = events.awaitEvent(AgentMoved.class, e -> e.position().position().equals(target), WAIT);
        assertThat(moved.position().regionHandle()).isEqualTo(alice.region().orElseThrow().handle());
        assertThat(alice.position().orElseThrow().position()).isEqualTo(target);
        // bob's avatar moving is not alice's
        grid.simulator().moveAgent(BOB.agentId(), new Vector3(1, 2, 3));
        alice.chat().say("sync");
        events.awaitEvent(ChatReceived.class, WAIT);
        assertThat(alice.position().orElseThrow().position()).isEqualTo(target);
    }

    @Test
    void closeLogsOutAndLeavesNothingRunning() throws Exception {
        java.net.InetSocketAddress local = alice.network().localAddress().orElseThrow();
        alice.close();
        alice.close();

        grid.simulator().awaitAgentGone(ALICE.agentId(), WAIT);
        assertThat(alice.stats().circuits()).isEmpty();
        // bob is unaffected
        assertThat(bob.status()).isEqualTo(slnet.network.NetworkStatus.CONNECTED);
        assertThat(alice.status()).isEqualTo(slnet.network.NetworkStatus.DISCONNECTED);
        assertThat(alice.network().localAddress()).isEmpty();
        // the socket is released: its port can be bound again
        try (java.net.DatagramSocket again = new java.net.DatagramSocket(local.getPort())) {
            assertThat(again.getLocalPort()).isEqualTo(local.getPort());
        }
        // the LeakCheckExtension fails the test if a thread is left
    }
}
