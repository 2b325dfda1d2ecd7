package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.circuit.TestMessages.SIM;
import static slnet.circuit.TestMessages.VIEWER;
import static slnet.circuit.TestMessages.chat;
import static slnet.circuit.TestMessages.simChat;
import static slnet.circuit.TestMessages.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.protocol.Packet;
import slnet.time.ManualScheduler;

/** Sends from many threads, and callbacks that re-enter the circuit. */
class CircuitConcurrencyTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<InboundMessage> simInbox = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> viewerInbox = new CopyOnWriteArrayList<>();
    private final AtomicReference<Circuit> simRef = new AtomicReference<>();
    private final AtomicReference<Circuit> viewerRef = new AtomicReference<>();

    /** Two circuits wired back to back with synchronous delivery: every send runs the peer's receive path. */
    private void connect() {
        DatagramSender toSim = (d, off, len, to) -> simRef.get().onDatagram(d, off, len);
        DatagramSender toViewer = (d, off, len, to) -> viewerRef.get().onDatagram(d, off, len);
        viewerRef.set(Circuit.builder(SIM, toSim, scheduler).sink(viewerInbox::add).eventExecutor(Runnable::run)
                .open());
        simRef.set(Circuit.builder(VIEWER, toViewer, scheduler)
                .config(CircuitConfig.builder().role(CircuitRole.SIMULATOR).build())
                .sink(simInbox::add).eventExecutor(Runnable::run).open());
    }

    @Test
    @Timeout(20)
    void concurrentSendersGetDistinctSequencesAndAllAreAcked() throws Exception {
        connect();
        Circuit viewer = viewerRef.get();
        int threads = 4;
        int perThread = 250;
        List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders.add(Thread.ofPlatform().name("sender-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    futures.add(viewer.sendReliable(chat(id + ":" + i)));
                    if (i % 5 == 0) {
                        viewer.send(chat("u" + id + ":" + i));
                    }
                }
            }));
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join();
        }
        scheduler.advance(Duration.ofMillis(100)); // the simulator flushes its acks
        assertThat(futures).hasSize(threads * perThread)
                .allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        List<Integer> sequences = simInbox.stream().map(InboundMessage::sequence).toList();
        assertThat(sequences).doesNotHaveDuplicates().hasSize(threads * perThread + threads * perThread / 5);
        // Per sender thread, order is kept.
        for (int t = 0; t < threads; t++) {
            String prefix = t + ":";
            List<Integer> order = simInbox.stream().map(m -> text(m.message())).filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
            assertThat(order).isSorted().hasSize(perThread);
        }
        assertThat(viewer.stats().acked()).isEqualTo(threads * perThread);
        assertThat(viewer.stats().resent()).isZero();
        viewer.close();
        simRef.get().close();
    }

    @Test
    void callbacksMaySendAndReenterOnTheSameThread() {
        connect();
        Circuit viewer = viewerRef.get();
        Circuit sim = simRef.get();
        // Each ack of a viewer message sends the next one from inside the viewer's receive path, and
        // delivery is synchronous, so sends and receives nest on one thread.
        List<CompletableFuture<Void>> chain = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = viewer.sendReliable(chat("0"));
        chain.add(first);
        for (int i = 1; i <= 20; i++) {
            int n = i;
            CompletableFuture<Void> previous = chain.get(chain.size() - 1);
            CompletableFuture<Void> next = new CompletableFuture<>();
            chain.add(next);
            previous.thenRun(() -> viewer.sendReliable(chat(Integer.toString(n))).whenComplete((v, e) -> {
                if (e == null) {
                    next.complete(null);
                } else {
                    next.completeExceptionally(e);
                }
            }));
            sim.send(simChat("answer" + n));
        }
        for (int round = 0; round < 30; round++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        assertThat(chain).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(simInbox.stream().map(m -> text(m.message()))).hasSize(21).doesNotHaveDuplicates();
        assertThat(viewerInbox).hasSize(20);
        viewer.close();
        sim.close();
    }

    @Test
    void anUncheckedTransportErrorDoesNotStopTheTimer() {
        boolean[] throwing = {true};
        RecordingSender recording = new RecordingSender();
        DatagramSender flaky = (d, off, len, to) -> {
            if (throwing[0]) {
                throw new IllegalStateException("transport bug");
            }
            recording.send(d, off, len, to);
        };
        Circuit circuit = Circuit.builder(SIM, flaky, scheduler).eventExecutor(Runnable::run).open();
        CompletableFuture<Void> future = circuit.sendReliable(chat("x"));
        assertThat(future).isNotDone();
        scheduler.advance(Duration.ofMillis(1000)); // the resend throws too
        throwing[0] = false;
        scheduler.advance(Duration.ofMillis(2000)); // the next resend goes out
        assertThat(recording.packets()).extracting(Packet::sequence).contains(1);
        assertThat(circuit.stats().sendErrors()).isEqualTo(2);
        circuit.close();
    }
}
