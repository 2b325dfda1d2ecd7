package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ClientConfig;
import slnet.network.ClientResources;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.network.ReconnectPolicy;
import slnet.network.TransportFactory;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;
import slnet.transport.DatagramHandler;
import slnet.transport.DatagramTransport;
import slnet.transport.TransportListener;
import slnet.transport.TransportStats;

/**
 * Many clients on one {@link ClientResources} against the test grid: constant platform threads, and
 * one bot's closing, slow handler or lossy link leaves the others alone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class SharedResourcesTest {
    private static final int BOTS = 40;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestGrid grid;
    private ClientResources shared;
    private final List<Client> bots = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TestGrid.Builder builder = TestGrid.builder().regionName("Fleetville");
        for (int i = 0; i < BOTS; i++) {
            builder.account(account(i));
        }
        grid = builder.start();
        shared = ClientResources.builder().threadPrefix("slnet-fleet").build();
    }

    @AfterEach
    void stop() {
        bots.forEach(Client::close);
        if (shared != null) {
            assertThat(shared.openSockets()).as("every client closed its own socket").isZero();
            shared.close();
        }
        grid.close();
    }

    private static TestAccount account(int i) {
        return TestAccount.of("Fleet", "Bot" + i, "pw" + i);
    }

    private NetworkConfig.Builder network() {
        return NetworkConfig.builder().resources(shared).logoutTimeout(Duration.ofMillis(500))
                .logoutOnShutdown(false).reconnectPolicy(ReconnectPolicy.DISABLED);
    }

    private Client bot(NetworkConfig network) {
        Client client = Client.create(ClientConfig.builder().network(network).build());
        bots.add(client);
        return client;
    }

    private void connectAll(List<Client> clients, int firstAccount) throws Exception {
        List<CompletableFuture<?>> connecting = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            connecting.add(clients.get(i).connectAsync(E2e.credentials(grid, account(firstAccount + i))));
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    }

    private static long platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual() && t.isAlive()).count();
    }

    @Test
    void platformThreadsStayConstantAsBotsAreAdded() throws Exception {
        List<Client> firstHalf = new ArrayList<>();
        for (int i = 0; i < BOTS / 2; i++) {
            firstHalf.add(bot(network().build()));
        }
        connectAll(firstHalf, 0);
        long atHalf = platformThreads();
        List<Client> secondHalf = new ArrayList<>();
        for (int i = BOTS / 2; i < BOTS; i++) {
            secondHalf.add(bot(network().build()));
        }
        connectAll(secondHalf, BOTS / 2);
        long atFull = platformThreads();
        assertThat(shared.openSockets()).isEqualTo(BOTS);
        // A client of its own would add about 8 platform threads; on shared resources it adds none
        // (the JDK may start one more virtual-thread carrier or HTTP helper while the load grows).
        assertThat(atFull - atHalf).as("platform threads for %d more bots", BOTS / 2).isLessThanOrEqualTo(2);
    }

    @Test
    void closingOneBotOrStallingItsHandlerLeavesTheOthersRunning() throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(bot(network().build()));
        }
        connectAll(clients, 0);
        Client closed = clients.get(0);
        Client speaker = clients.get(1);
        Client stalled = clients.get(2);
        Client listener = clients.get(3);
        CompletableFuture<Void> stallStarted = new CompletableFuture<>();
        stalled.handlers().register(ChatFromSimulator.class, (m, c) -> {
            stallStarted.complete(null);
            try {
                Thread.sleep(3_000); // a handler that blocks its own bot's dispatch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closed.close();
        assertThat(shared.openSockets()).isEqualTo(3);
        try (EventStream heard = listener.events().events()) {
            for (int i = 0; i < 5; i++) {
                String text = "message " + i;
                speaker.chat().say(text);
                ChatReceived got = heard.awaitEvent(ChatReceived.class, e -> e.message().text().equals(text), WAIT);
                assertThat(got.message().fromName()).contains("Bot1");
            }
        }
        assertThat(stallStarted).isCompleted();
    }

    @Test
    void aLossyLinkForOneBotDoesNotDisturbTheRest() throws Exception {
        TransportFactory lossy = () -> new LossyTransport(shared.transportFactory().open(), new Random(7), 0.3);
        Client unlucky = bot(network().transportFactory(lossy).build());
        List<Client> others = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            others.add(bot(network().build()));
        }
        connectAll(others, 1);
        unlucky.connect(E2e.credentials(grid, account(0)));
        try (EventStream heard = others.get(2).events().events()) {
            unlucky.chat().say("through the noise");
            others.get(0).chat().say("clear");
            java.util.Set<String> texts = new java.util.HashSet<>();
            while (texts.size() < 2) {
                texts.add(heard.awaitEvent(ChatReceived.class, e -> e.message().text().equals("clear")
                        || e.message().text().equals("through the noise"), WAIT).message().text());
            }
        }
        for (Client other : others) {
            assertThat(other.stats().primaryCircuit().orElseThrow().resent()).isZero();
        }
    }

    /** Drops a share of the datagrams a client sends, as a bad link would. */
    private static final class LossyTransport implements DatagramTransport {
        private final DatagramTransport inner;
        private final Random random;
        private final double loss;

        LossyTransport(DatagramTransport inner, Random random, double loss) {
            this.inner = inner;
            this.random = random;
            this.loss = loss;
        }

        @Override
        public void start(DatagramHandler handler, TransportListener listener) {
            inner.start(handler, listener);
        }

        @Override
        public void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
            boolean drop;
            synchronized (random) {
                drop = random.nextDouble() < loss;
            }
            if (drop) {
                datagram.position(datagram.limit());
                return;
            }
            inner.send(datagram, to);
        }

        @Override
        public InetSocketAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public TransportStats stats() {
            return inner.stats();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
