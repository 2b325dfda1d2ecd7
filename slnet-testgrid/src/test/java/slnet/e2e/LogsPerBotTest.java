package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ClientConfig;
import slnet.network.ClientResources;
import slnet.network.NetworkConfig;
import slnet.network.ReconnectPolicy;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.testgrid.TestGrid;

/**
 * Log lines of many bots in one process can be told apart: on every thread that works for a client
 * (the receive thread a shared runtime lends, its timer, a circuit's dispatch thread, event
 * delivery), SLF4J's MDC names the client's agent ({@code slnet.agent}) and, for a circuit's work,
 * the circuit ({@code slnet.circuit}); and no secret goes in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogsPerBotTest {
    private TestGrid grid;
    private ClientResources shared;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        shared = ClientResources.builder().threadPrefix("slnet-logs").build();
        alice = bot();
        bob = bot();
    }

    private Client bot() {
        return Client.create(ClientConfig.builder().network(NetworkConfig.builder().resources(shared)
                .logoutTimeout(Duration.ofMillis(500)).logoutOnShutdown(false)
                .reconnectPolicy(ReconnectPolicy.DISABLED).build()).build());
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        shared.close();
        grid.close();
    }

    @Test
    void handlersListenersAndTimersOfEachBotSeeItsNameAndCircuit() throws Exception {
        CompletableFuture<Map<String, String>> aliceHandler = new CompletableFuture<>();
        CompletableFuture<Map<String, String>> bobHandler = new CompletableFuture<>();
        CompletableFuture<Map<String, String>> bobListener = new CompletableFuture<>();
        alice.handlers().register(ChatFromSimulator.class, (m, c) -> aliceHandler.complete(mdc()));
        bob.handlers().register(ChatFromSimulator.class, (m, c) -> bobHandler.complete(mdc()));
        bob.events().subscribe(e -> {
            if (e instanceof ChatReceived) {
                bobListener.complete(mdc());
            }
        });
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        String circuit = grid.simulator().address().getHostString() + ":" + grid.simulator().address().getPort();

        alice.chat().say("who is logging?");
        assertThat(aliceHandler.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .containsEntry("slnet.agent", "Alice Tester").containsEntry("slnet.circuit", circuit);
        assertThat(bobHandler.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .containsEntry("slnet.agent", "Bob Tester").containsEntry("slnet.circuit", circuit);
        assertThat(bobListener.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsEntry("slnet.agent", "Bob Tester");

        CompletableFuture<Map<String, String>> aliceTimer = new CompletableFuture<>();
        alice.network().scheduler().schedule(() -> aliceTimer.complete(mdc()), 0);
        assertThat(aliceTimer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsEntry("slnet.agent", "Alice Tester");

        CompletableFuture<Map<String, String>> sharedTimer = new CompletableFuture<>();
        shared.scheduler().schedule(() -> sharedTimer.complete(mdc()), 0);
        assertThat(sharedTimer.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("a shared thread carries nothing from one client's work to the next").isEmpty();

        for (Map<String, String> seen : new Map[] {aliceHandler.get(), bobHandler.get(), aliceTimer.get()}) {
            assertThat(seen.keySet()).as("only names go in the MDC").isSubsetOf("slnet.agent", "slnet.circuit");
            assertThat(seen.values()).noneMatch(value -> value.contains("-pw"));
        }
    }

    private static Map<String, String> mdc() {
        Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null ? Map.of() : copy;
    }
}
