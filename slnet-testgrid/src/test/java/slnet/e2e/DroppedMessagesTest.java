package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ClientConfig;
import slnet.network.EventStream;
import slnet.network.MessagesDropped;
import slnet.network.NetworkStatus;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;
import slnet.testing.LeakCheckExtension;

/**
 * A handler that holds its circuit's dispatch thread while the simulator sends more than the
 * circuit's dispatch queue holds: the overflow is acknowledged (the simulator sees every reliable
 * message acked) yet never handled, and the client says so with {@link MessagesDropped}, coalesced,
 * and in its statistics.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class DroppedMessagesTest {
    private static final int QUEUE = 4;
    private static final int SENT = 40;

    private TestGrid grid;
    private Client alice;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = Client.create(ClientConfig.builder().network(E2e.network().inboundQueueCapacity(QUEUE).build())
                .build());
    }

    @AfterEach
    void stop() {
        alice.close();
        grid.close();
    }

    @Test
    void messagesPastAFullDispatchQueueAreAckedCountedAndReportedAsLost() throws Exception {
        EventStream events = alice.events().events();
        List<MessagesDropped> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        alice.events().subscribe(e -> {
            if (e instanceof MessagesDropped d) {
                reported.add(d);
            }
        });
        alice.connect(E2e.credentials(grid, ALICE));
        Simulator sim = grid.simulator();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        alice.handlers().register(ChatFromSimulator.class, (m, c) -> {
            if (m.chatData().message().asString().equals("hold") && handling.getCount() > 0) {
                handling.countDown();
                try {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        long floodStart = System.nanoTime();
        long floodMs;
        try {
            // A queue of 4 may still be full of what arriving brings (objects, avatars...): a message
            // sent now may itself be dropped, so it is sent again until handled.
            assertThat(sendUntilHandled(sim, "hold", handling)).isTrue();
            List<CompletableFuture<Void>> acked = new ArrayList<>();
            for (int i = 0; i < SENT; i++) {
                acked.add(sim.send(ALICE.agentId(), chat("flood " + i), true));
            }
            // Every one acknowledged, the dropped ones included: the simulator will not resend them.
            CompletableFuture.allOf(acked.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            MessagesDropped first = events.awaitEvent(MessagesDropped.class, WAIT);
            assertThat(first.simulator()).isEqualTo(sim.address());
            assertThat(first.count()).isEqualTo(1);
            assertThat(first.firstMessageName()).isNotEmpty();
            long dropped = alice.stats().inboundDropped();
            assertThat(dropped).isGreaterThanOrEqualTo(SENT - QUEUE);
        } finally {
            floodMs = (System.nanoTime() - floodStart) / 1_000_000;
            release.countDown();
        }
        // Coalesced: one event per power of two of the count, and at most one a second besides.
        long total = alice.stats().inboundDropped();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (reported.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the subscriber hears of events on the bus's thread, after the stream did
        }
        int powersOfTwo = Long.SIZE - Long.numberOfLeadingZeros(total);
        assertThat(reported).isNotEmpty().hasSizeLessThanOrEqualTo(powersOfTwo + (int) (floodMs / 1000) + 1);
        assertThat(reported).extracting(MessagesDropped::count).isSorted().allSatisfy(
                c -> assertThat(c).isBetween(1L, total));
        assertThat(alice.status()).isEqualTo(NetworkStatus.CONNECTED);
        // The circuit goes on: a message after the flood is handled.
        CountDownLatch after = new CountDownLatch(1);
        alice.handlers().register(ChatFromSimulator.class, (m, c) -> {
            if (m.chatData().message().asString().equals("after")) {
                after.countDown();
            }
        });
        assertThat(sendUntilHandled(sim, "after", after)).isTrue();
    }

    /** Sends a chat line every 200 ms until a handler counted the latch down, for at most WAIT. */
    private static boolean sendUntilHandled(Simulator sim, String text, CountDownLatch handled)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            sim.send(ALICE.agentId(), chat(text), true);
            if (handled.await(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static ChatFromSimulator chat(String text) {
        UUID source = UUID.randomUUID();
        return new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Flooder"), source, source, 2, 1, 1,
                new Vector3(128, 128, 25), Bytes.ofString(text)));
    }
}
