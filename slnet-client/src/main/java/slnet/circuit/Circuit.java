package slnet.circuit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.internal.AckQueue;
import slnet.circuit.internal.DuplicateWindow;
import slnet.circuit.internal.EventDispatcher;
import slnet.circuit.internal.RttEstimator;
import slnet.circuit.internal.TrustPolicy;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketEncodeException;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.CompletePingCheck;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.messages.StartPingCheck;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * One LLUDP circuit to one peer: sequence numbers, reliable delivery with acks and resends,
 * duplicate suppression, pings and RTT, liveness, flow control, trust filtering and statistics.
 * Symmetric: a viewer uses it in the {@link CircuitRole#CLIENT} role, the test grid's simulator in
 * the {@link CircuitRole#SIMULATOR} role.
 *
 * <p>The circuit does no I/O of its own: it sends through a {@link DatagramSender} and is fed
 * datagrams from its peer through {@link #onDatagram(ByteBuffer)} (a {@link CircuitHost} routes them
 * by source address). Its timer runs on a {@link Scheduler}.
 *
 * <p>Threading: {@link #send}, {@link #sendReliable}, {@link #stats} and {@link #close} may be called
 * from any thread. {@code onDatagram} is meant for one receive thread at a time (calls are
 * serialised); the {@link MessageSink} runs on that thread. Timers run on the scheduler. One lock
 * guards the send path, the ack and resend state, and is held while the {@link DatagramSender} runs,
 * so datagrams leave in sequence order; futures are completed and events posted after it is
 * released. Each direction has its own {@link PacketCodec}. Events go to the
 * {@link CircuitListener} on the event executor, never on the network thread.
 *
 * <p>Sequence numbers start at 1 and wrap at 2<sup>24</sup>, as the official viewer's do.
 */
public final class Circuit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Circuit.class);
    private static final int SEQUENCE_MODULUS = 1 << 24;
    private static final long NO_PING = Long.MIN_VALUE;
    /** Virtual threads: an idle circuit costs no platform thread, and a blocked listener only itself. */
    private static final Executor DEFAULT_EVENT_EXECUTOR =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slnet-circuit-events-", 0).factory());

    private final CircuitConfig config;
    private final InetSocketAddress remote;
    private final DatagramSender sender;
    private final Scheduler scheduler;
    private final MessageSink sink;
    private final EventDispatcher<CircuitEvent> events;
    private final Runnable onClosed;
    private final String name;
    private final int maxAcksPerPacket;

    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder reliableSent = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder unknownAcks = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder trustDropped = new LongAdder();
    private final LongAdder blacklisted = new LongAdder();
    private final LongAdder acksAppended = new LongAdder();
    private final LongAdder ackPackets = new LongAdder();
    private final LongAdder queueRejected = new LongAdder();
    private final LongAdder sendErrors = new LongAdder();
    private final LongAdder sinkErrors = new LongAdder();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final PacketCodec sendCodec;
    private final byte[] sendBuffer;
    private final int[] ackIds = new int[255];
    private final LinkedHashMap<Integer, Unacked> unacked = new LinkedHashMap<>();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final AckQueue pendingAcks = new AckQueue();
    private final DuplicateWindow received;
    private final RttEstimator rtt;
    private final long[] pingSentNs = new long[256];
    private int nextSequence = 1;
    private long unackedByteCount;
    private int nextPingId;
    private long nextPingNs;
    private ScheduledTask tickTask;
    private ScheduledTask ackFlushTask;

    // Written under lock or by the receive thread, read lock-free by stats().
    private volatile boolean closed;
    private volatile long lastReceivedNs;
    private volatile long smoothedRttNs;
    private volatile long lastRttNs;
    private volatile long retransmitTimeoutNs;
    private volatile int unackedCount;
    private volatile long unackedBytes;
    private volatile int queuedCount;

    // Guarded by inboundLock.
    private final Object inboundLock = new Object();
    private final PacketCodec receiveCodec;
    private final byte[] receiveBuffer = new byte[PacketCodec.MAX_PACKET_SIZE];
    private final Settlements inboundSettlements = new Settlements();

    private Circuit(Builder b) {
        this.config = b.config;
        this.remote = b.remote;
        this.sender = b.sender;
        this.scheduler = b.scheduler;
        this.sink = b.sink;
        this.onClosed = b.onClosed;
        this.name = "circuit " + config.role().name().toLowerCase(java.util.Locale.ROOT) + "->" + remote;
        this.events = new EventDispatcher<>(b.listener::onEvent, b.eventExecutor, config.maxPendingEvents());
        this.sendCodec = new PacketCodec(config.mtu());
        this.receiveCodec = new PacketCodec(config.mtu());
        this.sendBuffer = new byte[config.mtu()];
        // PacketAck: header, 4-byte number, count byte, 4 bytes per id.
        this.maxAcksPerPacket = Math.min(255, (config.mtu() - PacketHeader.LENGTH - 5) / 4);
        this.received = new DuplicateWindow(config.duplicateWindow());
        this.rtt = new RttEstimator(config.initialRetransmitTimeout().toNanos(),
                config.minRetransmitTimeout().toNanos(), config.maxRetransmitTimeout().toNanos(),
                config.rttMultiplier());
        java.util.Arrays.fill(pingSentNs, NO_PING);
    }

    /**
     * Starts building a circuit.
     *
     * @param remote the peer's address
     * @param sender where datagrams go
     * @param scheduler the timer and clock
     * @return the builder
     */
    public static Builder builder(InetSocketAddress remote, DatagramSender sender, Scheduler scheduler) {
        return new Builder(remote, sender, scheduler);
    }

    private void start() {
        lock.lock();
        try {
            long now = scheduler.nanoTime();
            lastReceivedNs = now;
            nextPingNs = now + config.pingInterval().toNanos();
            retransmitTimeoutNs = rtt.retransmitTimeoutNs();
            tickTask = scheduler.schedule(this::onTick, config.tickInterval().toNanos());
        } finally {
            lock.unlock();
        }
    }

    /** @return the peer's address */
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /** @return which end of the circuit we are */
    public CircuitRole role() {
        return config.role();
    }

    /** @return the configuration */
    public CircuitConfig config() {
        return config;
    }

    /** @return false once closed or timed out */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Sends a message unreliably, now, with any pending acks appended. Unreliable messages are not
     * held back by flow control, so they may overtake reliable ones waiting in the queue.
     *
     * @param message the message
     * @return a future that completes when the datagram was handed to the transport, or fails with a
     *         {@link CircuitException} ({@code ENCODE_FAILED}, {@code SEND_FAILED}, {@code CLOSED})
     */
    public CompletableFuture<Void> send(Message message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<Void> future = new CompletableFuture<>();
        CircuitException failure;
        lock.lock();
        try {
            failure = closed ? closedFailure(message) : sendNow(message, 0);
        } finally {
            lock.unlock();
        }
        settle(future, failure);
        return future;
    }

    /**
     * Sends a message reliably: it is resent until acked or its resends run out. When too many bytes
     * are in flight it waits in the queue; when the queue is full the overflow policy decides.
     *
     * @param message the message
     * @return a future that completes when the peer acked it, or fails with a
     *         {@link CircuitException} ({@code ENCODE_FAILED}, {@code RESENDS_EXHAUSTED},
     *         {@code QUEUE_FULL}, {@code CLOSED}, {@code TIMED_OUT})
     */
    public CompletableFuture<Void> sendReliable(Message message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<Void> future = new CompletableFuture<>();
        CircuitException failure = null;
        Queued victim = null;
        lock.lock();
        try {
            if (closed) {
                failure = closedFailure(message);
            } else if (queue.isEmpty() && unackedByteCount < config.maxUnackedBytes()) {
                failure = sendReliableNow(message, future);
            } else if (queue.size() < config.maxQueuedMessages()) {
                queue.addLast(new Queued(message, future));
            } else if (config.overflowPolicy() == CircuitConfig.OverflowPolicy.DROP_OLDEST
                    && !queue.isEmpty()) {
                victim = queue.pollFirst();
                queue.addLast(new Queued(message, future));
            } else {
                failure = queueFull(message);
            }
            mirrorState();
        } finally {
            lock.unlock();
        }
        if (victim != null) {
            victim.future.completeExceptionally(queueFull(victim.message));
        } else if (failure != null) {
            future.completeExceptionally(failure);
        }
        return future;
    }

    private CircuitException queueFull(Message message) {
        queueRejected.increment();
        return new CircuitException(CircuitException.Reason.QUEUE_FULL, message.descriptor().name()
                + " not sent on " + name + ": " + config.maxQueuedMessages() + " messages already queued", null);
    }

    private CircuitException closedFailure(Message message) {
        return new CircuitException(CircuitException.Reason.CLOSED, message.descriptor().name() + " not sent: "
                + name + " is closed", null);
    }

    /** Encodes and sends under the lock; returns the failure, if any. */
    private CircuitException sendNow(Message message, int flags) {
        int length;
        try {
            length = sendCodec.encodeMessage(message, flags, nextSequence, sendBuffer, 0);
        } catch (PacketEncodeException e) {
            return encodeFailure(message, e);
        }
        advanceSequence();
        IOException error = transmit(length, true);
        return error == null ? null : new CircuitException(CircuitException.Reason.SEND_FAILED,
                message.descriptor().name() + " on " + name + ": " + error.getMessage(), error);
    }

    private CircuitException sendReliableNow(Message message, CompletableFuture<Void> future) {
        int sequence = nextSequence;
        int length;
        try {
            length = sendCodec.encodeMessage(message, PacketHeader.RELIABLE, sequence, sendBuffer, 0);
        } catch (PacketEncodeException e) {
            return encodeFailure(message, e);
        }
        advanceSequence();
        long now = scheduler.nanoTime();
        Unacked packet = new Unacked(sequence, java.util.Arrays.copyOf(sendBuffer, length),
                message.descriptor().name(), future, now, now + rtt.retransmitTimeoutNs());
        unacked.put(sequence, packet);
        unackedByteCount += length;
        reliableSent.increment();
        IOException error = transmit(length, true);
        if (error != null) {
            LOG.debug("{}: sending {} failed, will resend: {}", name, packet.messageName, error.toString());
        }
        return null;
    }

    private CircuitException encodeFailure(Message message, PacketEncodeException e) {
        return new CircuitException(CircuitException.Reason.ENCODE_FAILED, message.descriptor().name()
                + " cannot be sent on " + name + ": " + e.getMessage(), e);
    }

    private void advanceSequence() {
        nextSequence = (nextSequence + 1) % SEQUENCE_MODULUS;
    }

    /** Sends sendBuffer[0, length), with pending acks appended if asked; under the lock. */
    private IOException transmit(int length, boolean appendAcks) {
        int total = length;
        if (appendAcks && pendingAcks.size() > 0) {
            int appended = pendingAcks.appendTo(sendBuffer, 0, length, sendBuffer.length);
            if (appended > 0) {
                acksAppended.add(appended);
                total = length + 4 * appended + 1;
            }
        }
        try {
            sender.send(sendBuffer, 0, total, remote);
            packetsOut.increment();
            bytesOut.add(total);
            return null;
        } catch (IOException e) {
            sendErrors.increment();
            return e;
        } catch (RuntimeException e) {
            // A transport that throws unchecked must not break the timer or leave the lock's state half-done.
            sendErrors.increment();
            return new IOException(e.toString(), e);
        }
    }

    /**
     * Takes one datagram from the peer. The buffer is read from its position to its limit and not
     * kept, nor is its position moved. Never throws for bad input: it is counted and dropped.
     *
     * @param datagram the datagram
     */
    public void onDatagram(ByteBuffer datagram) {
        int length = datagram.remaining();
        synchronized (inboundLock) {
            if (length > receiveBuffer.length) {
                packetsIn.increment();
                bytesIn.add(length);
                malformed.increment();
                return;
            }
            datagram.get(datagram.position(), receiveBuffer, 0, length);
            receive(receiveBuffer, 0, length);
        }
    }

    /**
     * Takes one datagram from the peer; the array is not kept. Never throws for bad input: it is
     * counted and dropped.
     *
     * @param datagram the bytes
     * @param offset the first byte
     * @param length how many bytes
     */
    public void onDatagram(byte[] datagram, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        synchronized (inboundLock) {
            receive(datagram, offset, length);
        }
    }

    private void receive(byte[] d, int off, int len) {
        if (closed) {
            return;
        }
        // A future's callback may feed this circuit again on this thread (a synchronous loopback).
        Settlements settlements = inboundSettlements.settling ? new Settlements() : inboundSettlements;
        try {
            receive(d, off, len, settlements);
        } finally {
            // Futures complete last, once the datagram's bytes are no longer needed.
            settlements.settle();
        }
    }

    private void receive(byte[] d, int off, int len, Settlements settlements) {
        long now = scheduler.nanoTime();
        packetsIn.increment();
        bytesIn.add(len);
        lastReceivedNs = now;
        int ackCount = PacketHeader.ackCount(d, off, len);
        if (ackCount < 0) {
            malformed.increment();
            return;
        }
        int flags = PacketHeader.flags(d, off);
        int sequence = PacketHeader.sequence(d, off);
        boolean reliable = (flags & PacketHeader.RELIABLE) != 0;
        boolean duplicate = false;
        lock.lock();
        try {
            // Acks first, from the header alone: even a packet we then drop carries good acks.
            for (int i = 0; i < ackCount; i++) {
                ackOne(PacketHeader.ack(d, off, len, ackCount, i), now, settlements);
            }
            if (reliable && received.contains(sequence)) {
                duplicate = true;
                queueAck(sequence, now);
            }
            if (ackCount > 0) {
                drainQueue(settlements);
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
        if (duplicate) {
            duplicates.increment();
            return;
        }
        Message message;
        try {
            message = receiveCodec.decodeMessage(d, off, len);
        } catch (PacketDecodeException e) {
            // Not acked: the peer's resends will fail the same way and it will give up.
            malformed.increment();
            LOG.debug("{}: dropped a malformed packet: {}", name, e.getMessage());
            return;
        }
        if (reliable) {
            lock.lock();
            try {
                received.add(sequence);
                queueAck(sequence, now);
            } finally {
                lock.unlock();
            }
        }
        MessageDescriptor descriptor = message.descriptor();
        if (descriptor.udpBlacklisted()) {
            blacklisted.increment();
            return;
        }
        if (!TrustPolicy.accepts(config.role(), descriptor)) {
            trustDropped.increment();
            LOG.debug("{}: dropped {}, which a {} peer may not send", name, descriptor.name(),
                    config.role() == CircuitRole.CLIENT ? "simulator" : "viewer");
            return;
        }
        switch (message) {
            case PacketAck packetAck -> onPacketAck(packetAck, now, settlements);
            case StartPingCheck ping -> onStartPingCheck(ping);
            case CompletePingCheck pong -> onCompletePingCheck(pong, now);
            default -> deliver(new InboundMessage(this, message, sequence, flags));
        }
    }

    private void deliver(InboundMessage inbound) {
        delivered.increment();
        try {
            sink.onMessage(inbound);
        } catch (RuntimeException e) {
            sinkErrors.increment();
            LOG.warn("{}: message sink failed on {}", name, inbound.message().descriptor().name(), e);
        }
    }

    private void onPacketAck(PacketAck packetAck, long now, Settlements settlements) {
        lock.lock();
        try {
            for (PacketAck.Packets packet : packetAck.packets()) {
                ackOne(packet.id(), now, settlements);
            }
            drainQueue(settlements);
            mirrorState();
        } finally {
            lock.unlock();
        }
    }

    private void onStartPingCheck(StartPingCheck ping) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            received.pruneBefore(ping.pingID().oldestUnacked());
            CircuitException failure = sendNow(new CompletePingCheck(
                    new CompletePingCheck.PingID(ping.pingID().pingID())), 0);
            if (failure != null) {
                LOG.debug("{}: ping reply failed: {}", name, failure.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    private void onCompletePingCheck(CompletePingCheck pong, long now) {
        lock.lock();
        try {
            int id = pong.pingID().pingID() & 0xFF;
            long sentNs = pingSentNs[id];
            if (sentNs != NO_PING) {
                pingSentNs[id] = NO_PING;
                rtt.sample(now - sentNs);
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private void ackOne(int sequence, long now, Settlements settlements) {
        Unacked packet = unacked.remove(sequence);
        if (packet == null) {
            unknownAcks.increment();
            return;
        }
        unackedByteCount -= packet.datagram.length;
        acked.increment();
        if (packet.resends == 0) {
            // Karn: a resent packet's ack cannot tell which transmission it answers.
            rtt.sample(now - packet.firstSentNs);
        }
        settlements.complete(packet.future);
    }

    /** Under the lock. */
    private void queueAck(int sequence, long now) {
        pendingAcks.add(sequence, now);
        if (pendingAcks.size() >= maxAcksPerPacket) {
            flushAcks();
        } else if (ackFlushTask == null) {
            ackFlushTask = scheduler.schedule(this::onAckFlushTimer, config.ackFlushDelay().toNanos());
        }
    }

    private void onAckFlushTimer() {
        lock.lock();
        try {
            ackFlushTask = null;
            if (!closed) {
                flushAcks();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends every pending ack in PacketAck messages; under the lock. */
    private void flushAcks() {
        while (pendingAcks.size() > 0) {
            int n = pendingAcks.take(ackIds, maxAcksPerPacket);
            List<PacketAck.Packets> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(new PacketAck.Packets(ackIds[i]));
            }
            CircuitException failure = sendNow(new PacketAck(ids), 0);
            if (failure == null) {
                ackPackets.increment();
            } else {
                LOG.debug("{}: sending acks failed: {}", name, failure.getMessage());
            }
        }
    }

    /** Moves queued reliable messages into flight while there is room; under the lock. */
    private void drainQueue(Settlements settlements) {
        while (!queue.isEmpty() && unackedByteCount < config.maxUnackedBytes() && !closed) {
            Queued next = queue.pollFirst();
            CircuitException failure = sendReliableNow(next.message, next.future);
            if (failure != null) {
                settlements.fail(next.future, failure);
            }
        }
    }

    private void onTick() {
        Settlements settlements = new Settlements();
        List<CircuitEvent> lostEvents = new ArrayList<>(0);
        long silenceNs;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long now = scheduler.nanoTime();
            silenceNs = now - lastReceivedNs;
            if (silenceNs <= config.inactivityTimeout().toNanos()) {
                // Re-armed first, so that nothing below can stop the timer.
                tickTask = scheduler.schedule(this::onTick, config.tickInterval().toNanos());
                resendDue(now, settlements, lostEvents);
                if (now - nextPingNs >= 0) {
                    sendPing(now);
                    nextPingNs = now + config.pingInterval().toNanos();
                }
                drainQueue(settlements);
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
        settlements.settle();
        lostEvents.forEach(events::post);
        if (silenceNs > config.inactivityTimeout().toNanos()) {
            LOG.info("{}: nothing received for {} ms, circuit lost", name, silenceNs / 1_000_000);
            events.post(new CircuitEvent.CircuitTimedOut(this, Duration.ofNanos(silenceNs)));
            closeWith(CircuitException.Reason.TIMED_OUT);
        }
    }

    /** Under the lock. */
    private void resendDue(long now, Settlements settlements, List<CircuitEvent> lostEvents) {
        int budget = config.maxResendsPerTick();
        for (Iterator<Unacked> it = unacked.values().iterator(); it.hasNext(); ) {
            Unacked packet = it.next();
            if (now - packet.deadlineNs < 0) {
                continue;
            }
            if (packet.resends >= config.maxResends()) {
                it.remove();
                unackedByteCount -= packet.datagram.length;
                lost.increment();
                int transmissions = packet.resends + 1;
                settlements.fail(packet.future, new CircuitException(CircuitException.Reason.RESENDS_EXHAUSTED,
                        packet.messageName + " (sequence " + packet.sequence + ") on " + name + " was sent "
                                + transmissions + " times and never acked", null));
                lostEvents.add(new CircuitEvent.PacketLost(this, packet.messageName, packet.sequence, transmissions));
                continue;
            }
            if (budget == 0) {
                continue;
            }
            budget--;
            packet.resends++;
            System.arraycopy(packet.datagram, 0, sendBuffer, 0, packet.datagram.length);
            PacketHeader.setFlags(sendBuffer, 0, PacketHeader.RESENT, true);
            resent.increment();
            transmit(packet.datagram.length, true);
            packet.deadlineNs = now + rtt.backedOffTimeoutNs(packet.resends, config.backoffMultiplier());
        }
    }

    /** Under the lock. */
    private void sendPing(long now) {
        int id = nextPingId;
        nextPingId = (id + 1) & 0xFF;
        pingSentNs[id] = now;
        int oldest = unacked.isEmpty() ? nextSequence : unacked.firstEntry().getKey();
        CircuitException failure = sendNow(new StartPingCheck(new StartPingCheck.PingID(id, oldest)), 0);
        if (failure != null) {
            LOG.debug("{}: ping failed: {}", name, failure.getMessage());
        }
    }

    /** Under the lock: publishes what stats() reads. */
    private void mirrorState() {
        smoothedRttNs = rtt.smoothedNs();
        lastRttNs = rtt.lastNs();
        retransmitTimeoutNs = rtt.retransmitTimeoutNs();
        unackedCount = unacked.size();
        unackedBytes = unackedByteCount;
        queuedCount = queue.size();
    }

    /**
     * Returns the circuit's counters; lock-free.
     *
     * @return a snapshot
     */
    public CircuitStats stats() {
        return new CircuitStats(packetsIn.sum(), bytesIn.sum(), packetsOut.sum(), bytesOut.sum(), delivered.sum(),
                reliableSent.sum(), resent.sum(), acked.sum(), unknownAcks.sum(), lost.sum(), duplicates.sum(),
                malformed.sum(), trustDropped.sum(), blacklisted.sum(), acksAppended.sum(), ackPackets.sum(),
                queueRejected.sum(), sendErrors.sum(), sinkErrors.sum(), events.dropped(),
                Duration.ofNanos(smoothedRttNs), Duration.ofNanos(lastRttNs), Duration.ofNanos(retransmitTimeoutNs),
                unackedCount, unackedBytes, queuedCount);
    }

    /**
     * Closes the circuit: sends the acks still owed, stops its timers, fails every pending future
     * with {@link CircuitException.Reason#CLOSED} and posts {@link CircuitEvent.CircuitClosed}.
     * Idempotent.
     */
    @Override
    public void close() {
        closeWith(CircuitException.Reason.CLOSED);
    }

    private void closeWith(CircuitException.Reason reason) {
        Settlements settlements = new Settlements();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (reason == CircuitException.Reason.CLOSED) {
                flushAcks();
            }
            closed = true;
            if (tickTask != null) {
                tickTask.cancel();
            }
            if (ackFlushTask != null) {
                ackFlushTask.cancel();
                ackFlushTask = null;
            }
            String why = reason == CircuitException.Reason.CLOSED ? " was closed" : " timed out";
            for (Unacked packet : unacked.values()) {
                settlements.fail(packet.future, new CircuitException(reason, packet.messageName + " (sequence "
                        + packet.sequence + ") not acked: " + name + why, null));
            }
            for (Queued queued : queue) {
                settlements.fail(queued.future, new CircuitException(reason, queued.message.descriptor().name()
                        + " not sent: " + name + why, null));
            }
            unacked.clear();
            queue.clear();
            unackedByteCount = 0;
            mirrorState();
        } finally {
            lock.unlock();
        }
        settlements.settle();
        events.post(new CircuitEvent.CircuitClosed(this, reason));
        onClosed.run();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void settle(CompletableFuture<Void> future, CircuitException failure) {
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
    }

    /** A reliable packet in flight. */
    private static final class Unacked {
        final int sequence;
        final byte[] datagram;
        final String messageName;
        final CompletableFuture<Void> future;
        final long firstSentNs;
        long deadlineNs;
        int resends;

        Unacked(int sequence, byte[] datagram, String messageName, CompletableFuture<Void> future, long firstSentNs,
                long deadlineNs) {
            this.sequence = sequence;
            this.datagram = datagram;
            this.messageName = messageName;
            this.future = future;
            this.firstSentNs = firstSentNs;
            this.deadlineNs = deadlineNs;
        }
    }

    private record Queued(Message message, CompletableFuture<Void> future) {
    }

    /** Futures to complete once the lock is released, so no user callback runs under it. */
    private static final class Settlements {
        private List<CompletableFuture<Void>> futures;
        private List<Throwable> failures;
        boolean settling;

        void complete(CompletableFuture<Void> future) {
            fail(future, null);
        }

        void fail(CompletableFuture<Void> future, Throwable failure) {
            if (futures == null) {
                futures = new ArrayList<>();
                failures = new ArrayList<>();
            }
            futures.add(future);
            failures.add(failure);
        }

        /** Completes what was collected and forgets it, so the inbound path can reuse one instance. */
        void settle() {
            if (futures == null || futures.isEmpty()) {
                return;
            }
            settling = true;
            try {
                for (int i = 0; i < futures.size(); i++) {
                    Throwable failure = failures.get(i);
                    if (failure == null) {
                        futures.get(i).complete(null);
                    } else {
                        futures.get(i).completeExceptionally(failure);
                    }
                }
            } finally {
                futures.clear();
                failures.clear();
                settling = false;
            }
        }
    }

    /** Builds and opens a {@link Circuit}; not thread-safe. */
    public static final class Builder {
        private final InetSocketAddress remote;
        private final DatagramSender sender;
        private final Scheduler scheduler;
        private CircuitConfig config = CircuitConfig.defaults();
        private MessageSink sink = message -> { };
        private CircuitListener listener = CircuitListener.NONE;
        private Executor eventExecutor = DEFAULT_EVENT_EXECUTOR;
        private Runnable onClosed = () -> { };

        private Builder(InetSocketAddress remote, DatagramSender sender, Scheduler scheduler) {
            this.remote = Objects.requireNonNull(remote, "remote");
            this.sender = Objects.requireNonNull(sender, "sender");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** @param value the configuration (default {@link CircuitConfig#defaults()}) @return this */
        public Builder config(CircuitConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** @param value who gets incoming messages (default: nobody) @return this */
        public Builder sink(MessageSink value) {
            sink = Objects.requireNonNull(value, "sink");
            return this;
        }

        /** @param value who gets events (default: nobody) @return this */
        public Builder listener(CircuitListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets where the listener runs; default a virtual thread per burst of events. Tests pass
         * {@code Runnable::run} to see events synchronously.
         *
         * @param value the executor
         * @return this
         */
        public Builder eventExecutor(Executor value) {
            eventExecutor = Objects.requireNonNull(value, "eventExecutor");
            return this;
        }

        Builder onClosed(Runnable value) {
            onClosed = Objects.requireNonNull(value, "onClosed");
            return this;
        }

        /**
         * Opens the circuit: starts its timer. Nothing is sent until the caller sends.
         *
         * @return the circuit
         */
        public Circuit open() {
            Circuit circuit = new Circuit(this);
            circuit.start();
            return circuit;
        }
    }
}
