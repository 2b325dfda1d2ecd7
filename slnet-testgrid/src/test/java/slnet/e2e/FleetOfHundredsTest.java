package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.ClientResources;
import slnet.network.NetworkConfig;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.ReconnectPolicy;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/**
 * A fleet of a few hundred bots on one {@link ClientResources}, as {@code slnet swarm} runs them:
 * all connect, platform threads stay few, a word said by one reaches every other, all log out, and
 * closing the runtime leaves no thread or socket behind (the leak check).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class FleetOfHundredsTest {
    private static final int BOTS = 200;
    private static final int BATCH = 50;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestGrid grid;
    private ClientResources shared;
    private final List<Client> bots = new ArrayList<>();

    @AfterEach
    void stop() {
        bots.forEach(Client::close);
        if (shared != null) {
            assertThat(shared.openSockets()).as("every client closed its own socket").isZero();
            shared.close();
        }
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void hundredsOfBotsConnectHearEachOtherAndLeave() throws Exception {
        grid = TestGrid.builder().regionName("Fleetville").loadAccounts(BOTS).spawnScatter(8).start();
        shared = ClientResources.builder().threadPrefix("slnet-fleet").build();
        AtomicInteger lost = new AtomicInteger();
        CountDownLatch heard = new CountDownLatch(BOTS - 1);
        for (int first = 0; first < BOTS; first += BATCH) {
            List<CompletableFuture<?>> connecting = new ArrayList<>();
            for (int i = first; i < first + BATCH; i++) {
                Client bot = Client.create(ClientConfig.builder().objectTracking(false)
                        .network(NetworkConfig.builder().resources(shared).logoutOnShutdown(false)
                                .logoutTimeout(Duration.ofSeconds(2)).reconnectPolicy(ReconnectPolicy.DISABLED)
                                .build())
                        .build());
                bots.add(bot);
                bot.events().subscribe(event -> {
                    if (event instanceof NetworkEvent.CircuitLost) {
                        lost.incrementAndGet();
                    } else if (event instanceof ChatReceived chat && chat.message().text().equals("roll call")) {
                        heard.countDown();
                    }
                });
                String name = String.format(TestGrid.LOAD_NAME_PATTERN, i + 1);
                String[] parts = name.split(" ", 2);
                connecting.add(bot.connectAsync(LoginCredentials.of(parts[0], parts[1], TestGrid.LOAD_PASSWORD)
                        .withGrid(Grid.custom(grid.loginUri()))));
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(bots).allMatch(bot -> bot.status() == NetworkStatus.CONNECTED);
        assertThat(shared.openSockets()).isEqualTo(BOTS);
        long platformThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isVirtual() && t.isAlive() && t.getName().startsWith("slnet")).count();
        assertThat(platformThreads).as("slnet platform threads for %d bots", BOTS).isLessThan(40);

        bots.get(0).chat().say("roll call");
        assertThat(heard.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("all but the speaker heard the roll call (%d did not)", heard.getCount()).isTrue();
        assertThat(lost).as("circuits lost").hasValue(0);

        List<CompletableFuture<Void>> leaving = new ArrayList<>();
        for (Client bot : bots) {
            leaving.add(bot.disconnectAsync());
        }
        CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(bots).allMatch(bot -> bot.status() == NetworkStatus.DISCONNECTED);
    }
}
