package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.circuit.TestMessages.SIM;
import static slnet.circuit.TestMessages.chat;
import static slnet.circuit.TestMessages.packet;
import static slnet.circuit.TestMessages.simChat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import slnet.protocol.Packet;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.CompletePingCheck;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.messages.StartPingCheck;
import slnet.time.ManualScheduler;

/** One circuit against a scripted peer: every byte in and out, on a manual clock. */
class CircuitTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSender out = new RecordingSender();
    private final List<InboundMessage> inbox = new ArrayList<>();
    private final List<CircuitEvent> events = new ArrayList<>();
    private Circuit circuit = open(CircuitConfig.defaults());

    private Circuit open(CircuitConfig config) {
        return Circuit.builder(SIM, out, scheduler).config(config).sink(inbox::add).listener(events::add)
                .eventExecutor(Runnable::run).open();
    }

    private void reopen(CircuitConfig config) {
        circuit.close();
        out.clear();
        events.clear();
        circuit = open(config);
    }

    @AfterEach
    void closeCircuit() {
        circuit.close();
    }

    private void feed(byte[] datagram) {
        circuit.onDatagram(datagram, 0, datagram.length);
    }

    private void advanceMs(long ms) {
        scheduler.advance(Duration.ofMillis(ms));
    }

    private static Throwable failure(CompletableFuture<Void> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void sequenceNumbersStartAtOneAndIncrease() {
        CompletableFuture<Void> first = circuit.send(chat("a"));
        circuit.sendReliable(chat("b"));
        circuit.send(chat("c"));
        assertThat(first).isCompleted();
        assertThat(out.packets()).extracting(Packet::sequence).containsExactly(1, 2, 3);
        assertThat(out.packets()).extracting(Packet::reliable).containsExactly(false, true, false);
        assertThat(out.destinations()).containsOnly(SIM);
    }

    @Test
    void tooLargeMessageFailsNamingMessageAndCircuit() {
        CompletableFuture<Void> future = circuit.sendReliable(chat("x".repeat(2000)));
        Throwable cause = failure(future);
        assertThat(cause).isInstanceOf(CircuitException.class).hasMessageContaining("ChatFromViewer")
                .hasMessageContaining(SIM.toString());
        assertThat(((CircuitException) cause).reason()).isEqualTo(CircuitException.Reason.ENCODE_FAILED);
        // No sequence number was spent on it.
        circuit.send(chat("ok"));
        assertThat(out.packets()).extracting(Packet::sequence).containsExactly(1);
    }

    @Test
    void resendsWithBackoffThenDeclaresThePacketLost() {
        CompletableFuture<Void> future = circuit.sendReliable(chat("hello"));
        advanceMs(999);
        assertThat(out.packets()).hasSize(1);
        advanceMs(1); // t = 1 s: first resend after the initial 1 s timeout
        assertThat(out.packets()).hasSize(2);
        Packet resend = out.packets().get(1);
        assertThat(resend.resent()).isTrue();
        assertThat(resend.sequence()).isEqualTo(1);
        assertThat(resend.message()).isEqualTo(chat("hello"));
        advanceMs(1999); // backoff: next at t = 3 s
        assertThat(out.packets("ChatFromViewer")).hasSize(2);
        advanceMs(1);
        assertThat(out.packets("ChatFromViewer")).hasSize(3);
        advanceMs(4000); // t = 7 s
        assertThat(out.packets("ChatFromViewer")).hasSize(4);
        assertThat(future).isNotDone();
        advanceMs(7999); // the last resend waits 1 s x 2^3 = 8 s for its ack
        assertThat(future).isNotDone();
        // Keep the circuit alive meanwhile is unnecessary: 15 s < 30 s inactivity timeout.
        advanceMs(1);
        assertThat(out.packets("ChatFromViewer")).hasSize(4);
        Throwable cause = failure(future);
        assertThat(((CircuitException) cause).reason()).isEqualTo(CircuitException.Reason.RESENDS_EXHAUSTED);
        assertThat(cause).hasMessageContaining("ChatFromViewer").hasMessageContaining("sequence 1")
                .hasMessageContaining(SIM.toString());
        assertThat(events).contains(new CircuitEvent.PacketLost(circuit, "ChatFromViewer", 1, 4));
        CircuitStats stats = circuit.stats();
        assertThat(stats.reliableSent()).isEqualTo(1);
        assertThat(stats.resent()).isEqualTo(3);
        assertThat(stats.lost()).isEqualTo(1);
        assertThat(stats.unackedPackets()).isZero();
    }

    @Test
    void resendsPerTickAreBounded() {
        reopen(CircuitConfig.builder().maxResendsPerTick(2).build());
        for (int i = 0; i < 5; i++) {
            circuit.sendReliable(chat("m" + i));
        }
        advanceMs(1000);
        assertThat(circuit.stats().resent()).isEqualTo(2);
        advanceMs(50);
        assertThat(circuit.stats().resent()).isEqualTo(4);
        advanceMs(50);
        assertThat(circuit.stats().resent()).isEqualTo(5);
    }

    @Test
    void appendedAcksCompleteFuturesAndFeedTheRtt() {
        CompletableFuture<Void> future = circuit.sendReliable(chat("hello"));
        advanceMs(120);
        feed(packet(simChat("unrelated"), 0, 1, 1, 77));
        assertThat(future).isCompleted();
        CircuitStats stats = circuit.stats();
        assertThat(stats.acked()).isEqualTo(1);
        assertThat(stats.unknownAcks()).isEqualTo(1);
        assertThat(stats.lastRtt()).isEqualTo(Duration.ofMillis(120));
        assertThat(stats.smoothedRtt()).isEqualTo(Duration.ofMillis(120));
        // RFC 6298 gives 120 + 4 * 60 = 360 ms, the viewer's rule 600 ms; the floor is 1 s.
        assertThat(stats.retransmitTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(inbox).hasSize(1);
        advanceMs(5000);
        assertThat(out.packets("ChatFromViewer")).hasSize(1);
    }

    @Test
    void packetAckMessageCompletesFutures() {
        CompletableFuture<Void> a = circuit.sendReliable(chat("a"));
        CompletableFuture<Void> b = circuit.sendReliable(chat("b"));
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(2), new PacketAck.Packets(1))), 0, 1));
        assertThat(a).isCompleted();
        assertThat(b).isCompleted();
        assertThat(inbox).isEmpty();
        assertThat(circuit.stats().unackedBytes()).isZero();
    }

    @Test
    void karnsRuleIgnoresAcksOfResentPackets() {
        circuit.sendReliable(chat("a"));
        advanceMs(1300);
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(1))), 0, 1));
        assertThat(circuit.stats().acked()).isEqualTo(1);
        assertThat(circuit.stats().smoothedRtt()).isZero();
    }

    @Test
    void largeRttRaisesTheTimeoutByTheViewerRule() {
        circuit.sendReliable(chat("a"));
        advanceMs(400);
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(1))), 0, 1));
        // 5 x 400 ms beats RFC 6298's 400 + 4 x 200 ms.
        assertThat(circuit.stats().retransmitTimeout()).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void reliableIncomingIsAckedInAPacketAckWithinTheFlushDelay() {
        feed(packet(simChat("hi"), PacketHeader.RELIABLE, 40));
        assertThat(inbox).hasSize(1);
        advanceMs(99);
        assertThat(out.packets()).isEmpty();
        advanceMs(1);
        List<Packet> acks = out.packets("PacketAck");
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).message()).isEqualTo(new PacketAck(List.of(new PacketAck.Packets(40))));
        assertThat(circuit.stats().ackPacketsSent()).isEqualTo(1);
    }

    @Test
    void pendingAcksRideOnOutgoingPackets() {
        feed(packet(simChat("hi"), PacketHeader.RELIABLE, 40));
        feed(packet(simChat("ho"), PacketHeader.RELIABLE, 41));
        advanceMs(30);
        circuit.send(chat("reply"));
        Packet reply = out.packets().get(0);
        assertThat(reply.hasAcks()).isTrue();
        assertThat(reply.acks()).containsExactly(40, 41);
        advanceMs(500);
        assertThat(out.packets("PacketAck")).isEmpty();
        assertThat(circuit.stats().acksAppended()).isEqualTo(2);
    }

    @Test
    void acksThatDoNotFitTheMtuGoInPacketAcksOf255() {
        // A 1100-byte chat leaves room for about 20 acks in a 1200-byte datagram.
        for (int i = 0; i < 300; i++) {
            feed(packet(simChat("m"), PacketHeader.RELIABLE, 1000 + i));
        }
        // The 255th ack filled a PacketAck at once.
        assertThat(out.packets("PacketAck")).hasSize(1);
        assertThat(((PacketAck) out.packets("PacketAck").get(0).message()).packets()).hasSize(255);
        circuit.send(chat("y".repeat(1100)));
        Packet big = out.packets("ChatFromViewer").get(0);
        assertThat(big.ackCount()).isBetween(1, 45);
        assertThat(out.datagrams().get(1).length).isLessThanOrEqualTo(1200);
        advanceMs(100);
        int inPacketAcks = out.packets("PacketAck").stream()
                .mapToInt(p -> ((PacketAck) p.message()).packets().size()).sum();
        assertThat(inPacketAcks + big.ackCount()).isEqualTo(300);
    }

    @Test
    void duplicatesAreAckedAgainButDeliveredOnce() {
        byte[] datagram = packet(simChat("once"), PacketHeader.RELIABLE, 7);
        feed(datagram);
        advanceMs(100);
        byte[] resent = datagram.clone();
        PacketHeader.setFlags(resent, 0, PacketHeader.RESENT, true);
        feed(resent);
        feed(datagram);
        advanceMs(100);
        assertThat(inbox).hasSize(1);
        assertThat(circuit.stats().duplicatesDropped()).isEqualTo(2);
        int acked = out.packets("PacketAck").stream().mapToInt(p -> ((PacketAck) p.message()).packets().size()).sum();
        assertThat(acked).isEqualTo(3);
    }

    @Test
    void answersPingsAndPrunesTheDuplicateWindowWithOldestUnacked() {
        feed(packet(simChat("a"), PacketHeader.RELIABLE, 5));
        feed(packet(new StartPingCheck(new StartPingCheck.PingID(9, 6)), 0, 6));
        List<Packet> replies = out.packets("CompletePingCheck");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).message()).isEqualTo(new CompletePingCheck(new CompletePingCheck.PingID(9)));
        // The peer said it will not resend 5, so 5 is forgotten: a stale copy would be delivered again.
        feed(packet(simChat("a"), PacketHeader.RELIABLE, 5));
        assertThat(inbox).hasSize(2);
        assertThat(inbox).noneMatch(m -> m.message() instanceof StartPingCheck);
    }

    @Test
    void pingsEveryFiveSecondsWithOldestUnackedAndMeasuresRtt() {
        circuit.sendReliable(chat("pending"));
        circuit.send(chat("x"));
        feed(packet(simChat("keepalive"), 0, 1));
        advanceMs(4999);
        assertThat(out.packets("StartPingCheck")).isEmpty();
        advanceMs(1);
        List<Packet> pings = out.packets("StartPingCheck");
        assertThat(pings).hasSize(1);
        assertThat(pings.get(0).message()).isEqualTo(new StartPingCheck(new StartPingCheck.PingID(0, 1)));
        advanceMs(30);
        feed(packet(new CompletePingCheck(new CompletePingCheck.PingID(0)), 0, 2));
        assertThat(circuit.stats().lastRtt()).isEqualTo(Duration.ofMillis(30));
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(1))), 0, 3));
        advanceMs(4970);
        pings = out.packets("StartPingCheck");
        assertThat(pings).hasSize(2);
        // Nothing unacked: the oldest unacked is the next sequence number, the ping's own.
        StartPingCheck second = (StartPingCheck) pings.get(1).message();
        assertThat(second.pingID().pingID()).isEqualTo(1);
        assertThat(second.pingID().oldestUnacked()).isEqualTo(pings.get(1).sequence());
    }

    @Test
    void anIdleCircuitWakesOnlyForItsPings() {
        long before = scheduler.tasksRun();
        advanceMs(25_000);
        assertThat(out.packets("StartPingCheck")).hasSize(5);
        assertThat(scheduler.tasksRun() - before).isEqualTo(5); // not one run per 50 ms tick
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void aReliablePacketWakesTheTimerAtItsResendDeadlineNotLater() {
        circuit.sendReliable(chat("a"));
        advanceMs(999);
        assertThat(out.packets("ChatFromViewer")).hasSize(1);
        advanceMs(1);
        assertThat(out.packets("ChatFromViewer")).hasSize(2); // the initial timeout is 1 s
        assertThat(out.packets("ChatFromViewer").get(1).resent()).isTrue();
    }

    @Test
    void aRejectedMessageIsReportedOnTheFirstSecondFourthRejectionAndNeverAcked() {
        byte[] cut = packet(simChat("hello"), PacketHeader.RELIABLE, 7);
        for (int i = 0; i < 5; i++) {
            circuit.onDatagram(cut, 0, cut.length - 2); // the chat text's length says 5, 3 bytes remain
        }
        assertThat(events).filteredOn(e -> e instanceof CircuitEvent.PacketRejected)
                .map(e -> (CircuitEvent.PacketRejected) e)
                .extracting(CircuitEvent.PacketRejected::count).containsExactly(1L, 2L, 4L);
        CircuitEvent.PacketRejected first = (CircuitEvent.PacketRejected) events.get(0);
        assertThat(first.messageName()).isEqualTo("ChatFromSimulator");
        assertThat(first.reason()).isEqualTo(slnet.protocol.PacketDecodeException.Reason.BAD_LENGTH);
        assertThat(first.detail()).contains("offset");
        assertThat(circuit.stats().malformedDropped()).isEqualTo(5);
        advanceMs(200);
        assertThat(out.packets("PacketAck")).isEmpty();
    }

    @Test
    void aMessageWithoutItsTrailingBlocksIsDeliveredAndCounted() {
        byte[] full = packet(new slnet.protocol.messages.ImprovedInstantMessage(
                new slnet.protocol.messages.ImprovedInstantMessage.AgentData(new UUID(1, 1), new UUID(2, 2)),
                new slnet.protocol.messages.ImprovedInstantMessage.MessageBlock(false, new UUID(3, 3), 0,
                        new UUID(0, 0), new slnet.protocol.types.Vector3(0, 0, 0), 0, 0, new UUID(4, 4), 0,
                        slnet.protocol.types.Bytes.ofString("Ann"), slnet.protocol.types.Bytes.ofString("hi"),
                        slnet.protocol.types.Bytes.EMPTY),
                new slnet.protocol.messages.ImprovedInstantMessage.EstateBlock(0), List.of()), PacketHeader.RELIABLE, 4);
        circuit.onDatagram(full, 0, full.length - 1); // without the MetaData count, as OpenSimulator sends it
        assertThat(inbox).hasSize(1);
        assertThat(circuit.stats().tolerated())
                .isEqualTo(new CircuitStats.ToleratedDeviations(1, 0, 0));
        assertThat(circuit.stats().malformedDropped()).isZero();
        advanceMs(200);
        assertThat(out.packets("PacketAck")).hasSize(1);
    }

    @Test
    void malformedInputIsCountedAndDropped() {
        feed(new byte[] {1, 2, 3});
        feed(new byte[] {0x10, 0, 0, 0, 1, 0, 1, 9}); // acks flag, count 9, nowhere near enough bytes
        byte[] unknown = packet(simChat("x"), 0, 1);
        unknown[6] = (byte) 0xFF;
        unknown[7] = (byte) 0xFF;
        unknown[8] = (byte) 0x7F; // Low 0x7Fxx: no such message
        feed(unknown);
        byte[] truncated = packet(simChat("x"), PacketHeader.RELIABLE, 2);
        // its text's length says 2 bytes, 1 remains (cut in its length instead, it would read as empty)
        circuit.onDatagram(truncated, 0, truncated.length - 1);
        circuit.onDatagram(java.nio.ByteBuffer.allocate(9000));
        assertThat(circuit.stats().malformedDropped()).isEqualTo(5);
        assertThat(inbox).isEmpty();
        advanceMs(200);
        assertThat(out.packets("PacketAck")).isEmpty();
        feed(packet(simChat("fine"), 0, 3));
        assertThat(inbox).hasSize(1);
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void clientDropsBackboneMessagesButAcceptsTrustedSimulatorToViewerMessages() {
        feed(packet(new slnet.protocol.messages.KillChildAgents(
                new slnet.protocol.messages.KillChildAgents.IDBlock(UUID.randomUUID())), PacketHeader.RELIABLE, 1));
        feed(packet(simChat("trusted but for viewers"), 0, 2));
        assertThat(inbox).extracting(m -> m.message().descriptor().name()).containsExactly("ChatFromSimulator");
        assertThat(circuit.stats().trustDropped()).isEqualTo(1);
        advanceMs(100);
        // Dropped, but still acked: reliability is the circuit's business, not the handler's.
        assertThat(out.packets("PacketAck")).hasSize(1);
    }

    @Test
    void simulatorDropsTrustedAndTrustedSenderMessagesFromViewers() {
        reopen(CircuitConfig.builder().role(CircuitRole.SIMULATOR).build());
        feed(packet(simChat("spoofed"), 0, 1));
        feed(packet(new slnet.protocol.messages.CoarseLocationUpdate(List.of(),
                new slnet.protocol.messages.CoarseLocationUpdate.Index(0, 0), List.of()), 0, 2));
        feed(packet(chat("legit"), 0, 3));
        assertThat(inbox).extracting(m -> m.message().descriptor().name()).containsExactly("ChatFromViewer");
        assertThat(circuit.stats().trustDropped()).isEqualTo(2);
    }

    @Test
    void udpBlacklistedMessagesAreDropped() throws Exception {
        feed(packet(new slnet.protocol.messages.OpenCircuit(new slnet.protocol.messages.OpenCircuit.CircuitInfo(
                (java.net.Inet4Address) java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 5)), 0, 1));
        assertThat(inbox).isEmpty();
        assertThat(circuit.stats().blacklistedDropped()).isEqualTo(1);
    }

    @Test
    void aThrowingSinkIsCountedAndDoesNotStopTheCircuit() {
        circuit.close();
        circuit = Circuit.builder(SIM, out, scheduler).sink(m -> {
            throw new IllegalStateException("boom");
        }).eventExecutor(Runnable::run).open();
        feed(packet(simChat("a"), PacketHeader.RELIABLE, 1));
        feed(packet(simChat("b"), PacketHeader.RELIABLE, 2));
        assertThat(circuit.stats().sinkErrors()).isEqualTo(2);
        assertThat(circuit.stats().messagesDelivered()).isEqualTo(2);
    }

    @Test
    void fullWindowQueuesAndFullQueueRejects() {
        reopen(CircuitConfig.builder().maxUnackedBytes(1200).maxQueuedMessages(2).build());
        String big = "z".repeat(700);
        CompletableFuture<Void> a = circuit.sendReliable(chat(big + "a"));
        CompletableFuture<Void> b = circuit.sendReliable(chat(big + "b"));
        CompletableFuture<Void> c = circuit.sendReliable(chat(big + "c"));
        CompletableFuture<Void> d = circuit.sendReliable(chat(big + "d"));
        CompletableFuture<Void> e = circuit.sendReliable(chat(big + "e"));
        assertThat(out.packets("ChatFromViewer")).hasSize(2);
        assertThat(circuit.stats().queuedMessages()).isEqualTo(2);
        assertThat(((CircuitException) failure(e)).reason()).isEqualTo(CircuitException.Reason.QUEUE_FULL);
        assertThat(c).isNotDone();
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(1))), 0, 1));
        assertThat(a).isCompleted();
        assertThat(out.packets("ChatFromViewer")).hasSize(3);
        assertThat(circuit.stats().queuedMessages()).isEqualTo(1);
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(2), new PacketAck.Packets(3))), 0, 2));
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(4))), 0, 3));
        assertThat(List.of(b, c, d)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(circuit.stats().queueRejected()).isEqualTo(1);
    }

    @Test
    void dropOldestPolicyFailsTheOldestQueuedMessage() {
        reopen(CircuitConfig.builder().maxUnackedBytes(1200).maxQueuedMessages(1)
                .overflowPolicy(CircuitConfig.OverflowPolicy.DROP_OLDEST).build());
        String big = "z".repeat(1000);
        circuit.sendReliable(chat(big + "a"));
        circuit.sendReliable(chat(big + "b"));
        CompletableFuture<Void> queued = circuit.sendReliable(chat(big + "c"));
        CompletableFuture<Void> newest = circuit.sendReliable(chat(big + "d"));
        assertThat(((CircuitException) failure(queued)).reason()).isEqualTo(CircuitException.Reason.QUEUE_FULL);
        assertThat(newest).isNotDone();
        assertThat(circuit.stats().queuedMessages()).isEqualTo(1);
    }

    @Test
    void silenceBeyondTheTimeoutLosesTheCircuit() {
        CompletableFuture<Void> pending = circuit.sendReliable(chat("into the void"));
        for (int i = 0; i < 5; i++) {
            advanceMs(10_000);
            feed(packet(simChat("still here"), 0, i + 1));
        }
        assertThat(circuit.isOpen()).isTrue();
        advanceMs(30_000);
        assertThat(circuit.isOpen()).isTrue();
        advanceMs(50);
        assertThat(circuit.isOpen()).isFalse();
        assertThat(events).filteredOn(e -> e instanceof CircuitEvent.CircuitTimedOut).hasSize(1);
        assertThat(events.get(events.size() - 1))
                .isEqualTo(new CircuitEvent.CircuitClosed(circuit, CircuitException.Reason.TIMED_OUT));
        // The pending packet was lost long before; its future failed then.
        assertThat(((CircuitException) failure(pending)).reason())
                .isEqualTo(CircuitException.Reason.RESENDS_EXHAUSTED);
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void timeoutFailsPendingFuturesWithTimedOut() {
        reopen(CircuitConfig.builder().maxResends(100).maxRetransmitTimeout(Duration.ofSeconds(2)).build());
        CompletableFuture<Void> pending = circuit.sendReliable(chat("into the void"));
        advanceMs(31_000);
        assertThat(((CircuitException) failure(pending)).reason()).isEqualTo(CircuitException.Reason.TIMED_OUT);
    }

    @Test
    void closeFailsPendingSendsFlushesAcksStopsTimersAndIsIdempotent() {
        CompletableFuture<Void> pending = circuit.sendReliable(chat("unacked"));
        feed(packet(simChat("a"), PacketHeader.RELIABLE, 1));
        out.clear();
        circuit.close();
        circuit.close();
        assertThat(((CircuitException) failure(pending)).reason()).isEqualTo(CircuitException.Reason.CLOSED);
        assertThat(out.packets("PacketAck")).hasSize(1);
        assertThat(events).containsOnlyOnce(new CircuitEvent.CircuitClosed(circuit, CircuitException.Reason.CLOSED));
        assertThat(scheduler.pendingTasks()).isZero();
        assertThat(((CircuitException) failure(circuit.send(chat("late")))).reason())
                .isEqualTo(CircuitException.Reason.CLOSED);
        assertThat(((CircuitException) failure(circuit.sendReliable(chat("late")))).reason())
                .isEqualTo(CircuitException.Reason.CLOSED);
        feed(packet(simChat("after close"), 0, 2));
        assertThat(inbox).hasSize(1);
    }

    @Test
    void transportErrorsFailUnreliableSendsAndReliableOnesAreResent() {
        out.failing(true);
        CompletableFuture<Void> unreliable = circuit.send(chat("u"));
        CompletableFuture<Void> reliable = circuit.sendReliable(chat("r"));
        assertThat(((CircuitException) failure(unreliable)).reason()).isEqualTo(CircuitException.Reason.SEND_FAILED);
        assertThat(reliable).isNotDone();
        out.failing(false);
        advanceMs(1000);
        assertThat(out.packets("ChatFromViewer")).hasSize(1);
        assertThat(circuit.stats().sendErrors()).isEqualTo(2);
    }

    @Test
    void configRejectsBadCombinations() {
        assertThatThrownBy(() -> CircuitConfig.builder().ackFlushDelay(Duration.ofSeconds(2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackFlushDelay");
        assertThatThrownBy(() -> CircuitConfig.builder().inactivityTimeout(Duration.ofSeconds(1)).build())
                .hasMessageContaining("pingInterval");
        assertThatThrownBy(() -> CircuitConfig.builder().maxUnackedBytes(100).build())
                .hasMessageContaining("maxUnackedBytes");
        assertThatThrownBy(() -> CircuitConfig.builder().minRetransmitTimeout(Duration.ofSeconds(11)).build())
                .hasMessageContaining("maxRetransmitTimeout");
        assertThatThrownBy(() -> CircuitConfig.builder().backoffMultiplier(0.5).build())
                .hasMessageContaining("backoffMultiplier");
        CircuitConfig config = CircuitConfig.builder().maxResends(7).build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void sequenceNumbersWrapAt24BitsAndOldestUnackedFollows() {
        circuit.close();
        out.clear();
        circuit = Circuit.builder(SIM, out, scheduler).sink(inbox::add).eventExecutor(Runnable::run)
                .firstSequence(0xFFFFFE).open();
        CompletableFuture<Void> a = circuit.sendReliable(chat("a"));
        CompletableFuture<Void> b = circuit.sendReliable(chat("b"));
        CompletableFuture<Void> c = circuit.sendReliable(chat("c"));
        assertThat(out.packets()).extracting(Packet::sequence).containsExactly(0xFFFFFE, 0xFFFFFF, 0);
        feed(packet(simChat("keepalive"), 0, 1, 0xFFFFFE));
        advanceMs(999);
        feed(packet(simChat("keepalive"), 0, 2));
        advanceMs(4001);
        StartPingCheck ping = (StartPingCheck) out.packets("StartPingCheck").get(0).message();
        assertThat(ping.pingID().oldestUnacked()).isEqualTo(0xFFFFFF);
        feed(packet(new PacketAck(List.of(new PacketAck.Packets(0xFFFFFF), new PacketAck.Packets(0))), 0, 3));
        assertThat(List.of(a, b, c)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }
}
