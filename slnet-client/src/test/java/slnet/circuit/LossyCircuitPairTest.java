package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.circuit.TestMessages.SIM;
import static slnet.circuit.TestMessages.VIEWER;
import static slnet.circuit.TestMessages.chat;
import static slnet.circuit.TestMessages.simChat;
import static slnet.circuit.TestMessages.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import slnet.time.ManualScheduler;

/**
 * A viewer circuit and a simulator circuit against each other over lossy in-memory links, on a
 * manual clock: deterministic for a seed.
 */
class LossyCircuitPairTest {
    private static final int MESSAGES = 300;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<InboundMessage> viewerInbox = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> simInbox = new CopyOnWriteArrayList<>();
    private final List<CircuitEvent> viewerEvents = new CopyOnWriteArrayList<>();
    private final List<CircuitEvent> simEvents = new CopyOnWriteArrayList<>();
    private Circuit viewer;
    private Circuit sim;
    private LossyLink toSim;
    private LossyLink toViewer;

    private void connect(long seed, CircuitConfig base) {
        toSim = new LossyLink(scheduler, seed, d -> sim.onDatagram(d, 0, d.length));
        toViewer = new LossyLink(scheduler, seed * 31 + 7, d -> viewer.onDatagram(d, 0, d.length));
        viewer = Circuit.builder(SIM, toSim, scheduler).config(base.toBuilder().role(CircuitRole.CLIENT).build())
                .sink(viewerInbox::add).listener(viewerEvents::add).eventExecutor(Runnable::run).open();
        sim = Circuit.builder(VIEWER, toViewer, scheduler)
                .config(base.toBuilder().role(CircuitRole.SIMULATOR).build())
                .sink(simInbox::add).listener(simEvents::add).eventExecutor(Runnable::run).open();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 42, 1234})
    void everyReliableMessageArrivesExactlyOnceOverALossyLink(long seed) {
        // With 30 % loss each way a round trip fails about half the time, so the viewer's three
        // resends would lose one packet in 15 here: allow 25 (one in 10^7 per packet).
        connect(seed, CircuitConfig.builder().maxResends(25).maxRetransmitTimeout(Duration.ofSeconds(3)).build());
        for (LossyLink link : List.of(toSim, toViewer)) {
            link.loss(0.3).duplication(0.1).delayMs(5, 80);
        }
        List<CompletableFuture<Void>> viewerSends = new ArrayList<>();
        List<CompletableFuture<Void>> simSends = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            viewerSends.add(viewer.sendReliable(chat("v" + i)));
            simSends.add(sim.sendReliable(simChat("s" + i)));
            if (i % 10 == 0) {
                viewer.send(chat("unreliable" + i));
            }
            scheduler.advance(Duration.ofMillis(20));
        }
        for (int step = 0; step < 2400 && !allDone(viewerSends, simSends); step++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        viewerSends.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                .ifPresent(CompletableFuture::join);
        simSends.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                .ifPresent(CompletableFuture::join);
        assertThat(viewerSends).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(simSends).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        // Let the last acks drain, then check the books.
        scheduler.advance(Duration.ofSeconds(2));

        assertExactlyOnce(simInbox, "v", true);
        assertExactlyOnce(viewerInbox, "s", false);

        CircuitStats v = viewer.stats();
        CircuitStats s = sim.stats();
        assertThat(v.reliableSent()).isEqualTo(MESSAGES);
        assertThat(s.reliableSent()).isEqualTo(MESSAGES);
        assertThat(v.acked()).isEqualTo(MESSAGES);
        assertThat(s.acked()).isEqualTo(MESSAGES);
        assertThat(v.lost() + s.lost()).isZero();
        assertThat(v.unackedPackets() + s.unackedPackets()).isZero();
        assertThat(v.resent()).isPositive();
        assertThat(s.duplicatesDropped()).isPositive();
        assertThat(v.malformedDropped() + s.malformedDropped()).isZero();
        assertThat(v.trustDropped() + s.trustDropped()).isZero();
        // Every datagram a circuit sent went through its link; every one the link delivered arrived.
        assertThat(toSim.sent()).isEqualTo(v.packetsOut());
        assertThat(toViewer.sent()).isEqualTo(s.packetsOut());
        assertThat(s.packetsIn()).isEqualTo(toSim.delivered());
        assertThat(v.packetsIn()).isEqualTo(toViewer.delivered());
        // Each reliable message was delivered once; everything else that arrived was accounted for.
        long simReliableDelivered = simInbox.stream().filter(InboundMessage::reliable).count();
        assertThat(simReliableDelivered).isEqualTo(MESSAGES);
        assertThat(v.messagesDelivered()).isEqualTo(MESSAGES);
        assertThat(viewer.isOpen()).isTrue();
        assertThat(sim.isOpen()).isTrue();
        assertThat(viewerEvents).isEmpty();
        assertThat(simEvents).isEmpty();
        assertThat(v.smoothedRtt()).isBetween(Duration.ofMillis(5), Duration.ofMillis(400));
        viewer.close();
        sim.close();
    }

    private static void assertExactlyOnce(List<InboundMessage> inbox, String prefix, boolean alsoUnreliable) {
        List<String> reliable = inbox.stream().filter(InboundMessage::reliable).map(m -> text(m.message())).toList();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add(prefix + i);
        }
        assertThat(reliable).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        if (alsoUnreliable) {
            assertThat(inbox.stream().filter(m -> !m.reliable()).map(m -> text(m.message())))
                    .allMatch(t -> t.startsWith("unreliable"));
        }
    }

    @SafeVarargs
    private static boolean allDone(List<CompletableFuture<Void>>... lists) {
        for (List<CompletableFuture<Void>> list : lists) {
            for (CompletableFuture<Void> f : list) {
                if (!f.isDone()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void idleCircuitsStayUpOnPingsAlone() {
        connect(5, CircuitConfig.defaults());
        toSim.delayMs(20, 20);
        toViewer.delayMs(20, 20);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(viewer.isOpen()).isTrue();
        assertThat(sim.isOpen()).isTrue();
        // Pings both ways measured the 40 ms round trip.
        assertThat(viewer.stats().lastRtt()).isEqualTo(Duration.ofMillis(40));
        assertThat(sim.stats().lastRtt()).isEqualTo(Duration.ofMillis(40));
        viewer.close();
        sim.close();
    }

    @Test
    void aDeadLinkIsDetectedWithinTheTimeout() {
        connect(6, CircuitConfig.defaults());
        toSim.delayMs(10, 30);
        toViewer.delayMs(10, 30);
        scheduler.advance(Duration.ofSeconds(20));
        toViewer.kill();
        long killedAt = scheduler.nanoTime();
        CompletableFuture<Void> pending = viewer.sendReliable(chat("into the void"));
        while (viewer.isOpen() && scheduler.nanoTime() - killedAt < Duration.ofSeconds(60).toNanos()) {
            scheduler.advance(Duration.ofMillis(50));
        }
        long detectedAfterNs = scheduler.nanoTime() - killedAt;
        assertThat(viewer.isOpen()).isFalse();
        assertThat(Duration.ofNanos(detectedAfterNs)).isBetween(Duration.ofSeconds(30), Duration.ofMillis(30_100));
        assertThat(viewerEvents).anyMatch(e -> e instanceof CircuitEvent.CircuitTimedOut);
        assertThat(pending).isCompletedExceptionally();
        // The simulator still hears the viewer, so it stays up.
        assertThat(sim.isOpen()).isTrue();
        sim.close();
    }
}
