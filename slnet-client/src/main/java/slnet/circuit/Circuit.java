package slnet.circuit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.internal.CircuitCounters;
import slnet.circuit.internal.DuplicateWindow;
import slnet.circuit.internal.EventDispatcher;
import slnet.circuit.internal.PacketSender;
import slnet.circuit.internal.RttEstimator;
import slnet.circuit.internal.Settlements;
import slnet.circuit.internal.TrustPolicy;
import slnet.internal.jfr.FlightEvents;
import slnet.internal.log.LogContext;
import slnet.protocol.DecodeMode;
import slnet.protocol.Deviation;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.CompletePingCheck;
import slnet.protocol.messages.Messages;
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
 * <p>Sequence numbers start at 1 and wrap at 2<sup>24</sup>, as the official viewer's do. The
 * outgoing half lives in {@link PacketSender}; this class owns the lock, the inbound path and the
 * timers.
 */
public final class Circuit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Circuit.class);
    private static final long NO_PING = Long.MIN_VALUE;
    private static final int PING_SLOTS = 16;
    /** Virtual threads: an idle circuit costs no platform thread, and a blocked listener only itself. */
    private static final Executor DEFAULT_EVENT_EXECUTOR =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slnet-circuit-events-", 0).factory());

    private final CircuitConfig config;
    private final InetSocketAddress remote;
    private final Scheduler scheduler;
    private final MessageSink sink;
    private final EventDispatcher<CircuitEvent> events;
    private final Runnable onClosed;
    private final String name;
    private final CircuitCounters counters = new CircuitCounters();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final PacketSender out;
    private final DuplicateWindow received;
    private final RttEstimator rtt;
    /**
     * When each of the last {@value #PING_SLOTS} pings left, by ping id modulo the slots; a pong for an
     * older ping (a minute and more late, at one ping every 5 s) finds its slot reused and is ignored.
     * Small on purpose: a fleet keeps two circuits a bot.
     */
    private final long[] pingSentNs = new long[PING_SLOTS];
    private final byte[] pingSlotIds = new byte[PING_SLOTS];
    private int nextPingId;
    private long nextPingNs;
    /** The one timer of the circuit, armed for the next thing due (resend, ping, liveness). */
    private ScheduledTask timerTask;
    private long timerDueNs;
    private long lastTimerRunNs;
    private int timerGeneration;
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
    /**
     * What reading a datagram needs (a copy of it and a codec's scratch space), shared by every
     * circuit the same thread reads: one set for a client's receive thread, one for a selector
     * shared by a fleet, rather than 16 KB for each circuit of each bot.
     */
    private static final ThreadLocal<ReceiveScratch> RECEIVE_SCRATCH = ThreadLocal.withInitial(ReceiveScratch::new);
    private final Settlements inboundSettlements = new Settlements();
    /** Rejected datagrams by message name; at most one entry per message of the template, and "?". */
    private final Map<String, long[]> rejections = new HashMap<>();
    /** Message names whose tolerated deviations were logged, once each. */
    private final Set<String> deviationsLogged = new HashSet<>();

    private Circuit(Builder b) {
        this.config = b.config;
        this.remote = b.remote;
        this.scheduler = b.scheduler;
        this.sink = b.sink;
        this.onClosed = b.onClosed;
        this.name = "circuit " + config.role().name().toLowerCase(Locale.ROOT) + "->" + remote;
        this.events = new EventDispatcher<>(b.listener::onEvent,
                LogContext.carrying(remote.getHostString() + ":" + remote.getPort(), b.eventExecutor),
                config.maxPendingEvents());
        this.received = new DuplicateWindow(config.duplicateWindow());
        this.rtt = new RttEstimator(config.initialRetransmitTimeout().toNanos(),
                config.minRetransmitTimeout().toNanos(), config.maxRetransmitTimeout().toNanos(),
                config.rttMultiplier());
        this.out = new PacketSender(config, remote, b.sender, name, counters, rtt, b.firstSequence);
        Arrays.fill(pingSentNs, NO_PING);
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
            lastTimerRunNs = now - config.tickInterval().toNanos();
            mirrorState();
            armTimer(now, nextPingNs);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the peer's address.
     *
     * @return the peer's address
     */
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /**
     * Returns which end of the circuit we are.
     *
     * @return which end of the circuit we are
     */
    public CircuitRole role() {
        return config.role();
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public CircuitConfig config() {
        return config;
    }

    /**
     * Returns false once closed or timed out.
     *
     * @return false once closed or timed out
     */
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
            failure = closed ? closedFailure(message) : out.send(message);
        } finally {
            lock.unlock();
        }
        // Settled after the lock is released, like every future of the circuit.
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
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
        Settlements settlements = new Settlements();
        lock.lock();
        try {
            if (closed) {
                settlements.fail(future, closedFailure(message));
            } else {
                long now = scheduler.nanoTime();
                out.sendReliable(message, future, now, settlements);
                armTimer(now, now + rtt.retransmitTimeoutNs());
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
        settlements.settle();
        return future;
    }

    private CircuitException closedFailure(Message message) {
        return new CircuitException(CircuitException.Reason.CLOSED, message.descriptor().name() + " not sent: "
                + name + " is closed", null);
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
            if (length > PacketCodec.MAX_PACKET_SIZE) {
                counters.packetsIn.increment();
                counters.bytesIn.add(length);
                counters.malformed.increment();
                return;
            }
            ReceiveScratch scratch = ReceiveScratch.take();
            try {
                datagram.get(datagram.position(), scratch.buffer, 0, length);
                receive(scratch.buffer, 0, length, scratch);
            } finally {
                scratch.release();
            }
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
            ReceiveScratch scratch = ReceiveScratch.take();
            try {
                receive(datagram, offset, length, scratch);
            } finally {
                scratch.release();
            }
        }
    }

    private void receive(byte[] d, int off, int len, ReceiveScratch scratch) {
        if (closed) {
            return;
        }
        // A future's callback may feed this circuit again on this thread (a synchronous loopback).
        Settlements settlements = inboundSettlements.settling() ? new Settlements() : inboundSettlements;
        try {
            receive(d, off, len, settlements, scratch.codec(config.decodeMode()));
        } finally {
            // Futures complete last, once the datagram's bytes are no longer needed.
            settlements.settle();
        }
    }

    private void receive(byte[] d, int off, int len, Settlements settlements, PacketCodec receiveCodec) {
        long now = scheduler.nanoTime();
        counters.packetsIn.increment();
        counters.bytesIn.add(len);
        lastReceivedNs = now;
        int ackCount = PacketHeader.ackCount(d, off, len);
        if (ackCount < 0) {
            counters.malformed.increment();
            rejected(d, off, len, new PacketDecodeException(PacketDecodeException.Reason.BAD_ACKS, len - 1, false,
                    "the appended-ack count does not fit the datagram"), receiveCodec);
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
                out.ack(PacketHeader.ack(d, off, len, ackCount, i), now, settlements);
            }
            if (reliable && received.contains(sequence)) {
                duplicate = true;
                owe(sequence, now);
            }
            if (ackCount > 0) {
                if (out.queuedCount() > 0) {
                    out.drainQueue(now, settlements);
                    armTimer(now, now + rtt.retransmitTimeoutNs());
                }
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
        if (duplicate) {
            counters.duplicates.increment();
            return;
        }
        Message message;
        try {
            message = receiveCodec.decodeMessage(d, off, len);
        } catch (PacketDecodeException e) {
            // Not acked: the peer's resends will fail the same way and it will give up.
            counters.malformed.increment();
            rejected(d, off, len, e, receiveCodec);
            return;
        }
        int deviations = receiveCodec.lastDeviations();
        if (deviations != 0) {
            tolerated(message, deviations);
        }
        if (reliable) {
            lock.lock();
            try {
                received.add(sequence);
                owe(sequence, now);
            } finally {
                lock.unlock();
            }
        }
        MessageDescriptor descriptor = message.descriptor();
        if (descriptor.udpBlacklisted()) {
            counters.blacklisted.increment();
            return;
        }
        if (!TrustPolicy.accepts(config.role(), descriptor)) {
            counters.trustDropped.increment();
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
        counters.delivered.increment();
        try {
            sink.onMessage(inbound);
        } catch (RuntimeException e) {
            counters.sinkErrors.increment();
            LOG.warn("{}: message sink failed on {}", name, inbound.message().descriptor().name(), e);
        }
    }

    private void onPacketAck(PacketAck packetAck, long now, Settlements settlements) {
        lock.lock();
        try {
            for (PacketAck.Packets packet : packetAck.packets()) {
                out.ack(packet.id(), now, settlements);
            }
            if (out.queuedCount() > 0) {
                out.drainQueue(now, settlements);
                armTimer(now, now + rtt.retransmitTimeoutNs());
            }
            mirrorState();
        } finally {
            lock.unlock();
        }
    }

    private void onStartPingCheck(StartPingCheck ping) {
        lock.lock();
        try {
            if (!closed) {
                // The peer will not resend anything older than its oldest unacked packet.
                received.pruneBefore(ping.pingID().oldestUnacked());
                out.sendHousekeeping(new CompletePingCheck(new CompletePingCheck.PingID(ping.pingID().pingID())));
            }
        } finally {
            lock.unlock();
        }
    }

    private void onCompletePingCheck(CompletePingCheck pong, long now) {
        lock.lock();
        try {
            int id = pong.pingID().pingID() & 0xFF;
            int slot = id & (PING_SLOTS - 1);
            long sentNs = pingSentNs[slot];
            if (sentNs != NO_PING && (pingSlotIds[slot] & 0xFF) == id) {
                pingSentNs[slot] = NO_PING;
                rtt.sample(now - sentNs);
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: records an owed ack and makes sure it leaves within the flush delay. */
    private void owe(int sequence, long now) {
        if (out.owe(sequence, now) >= out.maxAcksPerPacket()) {
            out.flushAcks();
        } else if (ackFlushTask == null) {
            ackFlushTask = scheduler.schedule(this::onAckFlushTimer, config.ackFlushDelay().toNanos());
        }
    }

    private void onAckFlushTimer() {
        lock.lock();
        try {
            ackFlushTask = null;
            if (!closed) {
                out.flushAcks();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: makes sure the timer runs no later than {@code deadlineNs}, and never sooner than
     * {@link CircuitConfig#tickInterval()} after its last run (so bursts of deadlines coalesce). An idle
     * circuit thus wakes for its ping every few seconds, not on a fixed tick.
     */
    private void armTimer(long now, long deadlineNs) {
        if (closed) {
            return;
        }
        long floor = lastTimerRunNs + config.tickInterval().toNanos();
        long at = deadlineNs - floor < 0 ? floor : deadlineNs;
        if (timerTask != null) {
            if (timerDueNs - at <= 0) {
                return; // already due no later than that
            }
            timerTask.cancel();
        }
        int generation = ++timerGeneration;
        timerDueNs = at;
        timerTask = scheduler.schedule(() -> onTimer(generation), Math.max(0, at - now));
    }

    private void onTimer(int generation) {
        Settlements settlements = new Settlements();
        List<PacketSender.LostPacket> lost = new ArrayList<>(0);
        long silenceNs;
        lock.lock();
        try {
            if (closed || generation != timerGeneration) {
                return; // closed, or cancelled after it had started
            }
            timerTask = null;
            long now = scheduler.nanoTime();
            lastTimerRunNs = now;
            silenceNs = now - lastReceivedNs;
            long timeoutNs = config.inactivityTimeout().toNanos();
            if (silenceNs <= timeoutNs) {
                long nextResendNs = out.resendDue(now, settlements, lost);
                if (now - nextPingNs >= 0) {
                    int id = nextPingId;
                    nextPingId = (id + 1) & 0xFF;
                    pingSentNs[id & (PING_SLOTS - 1)] = now;
                    pingSlotIds[id & (PING_SLOTS - 1)] = (byte) id;
                    out.sendPing(id);
                    nextPingNs = now + config.pingInterval().toNanos();
                }
                out.drainQueue(now, settlements);
                long next = nextPingNs;
                if (nextResendNs - next < 0) {
                    next = nextResendNs;
                }
                long silentUntilNs = lastReceivedNs + timeoutNs + 1;
                if (silentUntilNs - next < 0) {
                    next = silentUntilNs;
                }
                if (out.unackedCount() > 0) {
                    // a packet sent by drainQueue has a deadline this scan did not see
                    long sentNowDeadline = now + rtt.retransmitTimeoutNs();
                    if (sentNowDeadline - next < 0) {
                        next = sentNowDeadline;
                    }
                }
                armTimer(now, next);
                mirrorState();
            }
        } finally {
            lock.unlock();
        }
        settlements.settle();
        for (PacketSender.LostPacket packet : lost) {
            events.post(new CircuitEvent.PacketLost(this, packet.messageName(), packet.sequence(),
                    packet.transmissions()));
            FlightEvents.packetLost(remote, config.role().name(), packet.messageName(), packet.sequence(),
                    packet.transmissions());
        }
        if (silenceNs > config.inactivityTimeout().toNanos()) {
            LOG.info("{}: nothing received for {} ms, circuit lost", name, silenceNs / 1_000_000);
            events.post(new CircuitEvent.CircuitTimedOut(this, Duration.ofNanos(silenceNs)));
            closeWith(CircuitException.Reason.TIMED_OUT);
        }
    }

    /** Under the inbound lock: counts a rejection and tells the listener on the 1st, 2nd, 4th... of a message. */
    private void rejected(byte[] d, int off, int len, PacketDecodeException e, PacketCodec receiveCodec) {
        String messageName;
        try {
            messageName = receiveCodec.peekDescriptor(d, off, len).name();
        } catch (PacketDecodeException unnamed) {
            messageName = "?";
        }
        long count = ++rejections.computeIfAbsent(messageName, k -> new long[1])[0];
        if (Long.bitCount(count) == 1) {
            LOG.debug("{}: dropped a malformed {} ({} so far): {}", name, messageName, count, e.getMessage());
            events.post(new CircuitEvent.PacketRejected(this, messageName, e.reason(), e.getMessage(), count));
        }
    }

    /** Under the inbound lock: counts what lenient decoding tolerated, logging each message name once. */
    private void tolerated(Message message, int deviations) {
        if ((deviations & Deviation.MISSING_TRAILING_BLOCKS.bit()) != 0) {
            counters.missingTrailingBlocks.increment();
        }
        if ((deviations & Deviation.FIELDS_READ_AS_ZEROS.bit()) != 0) {
            counters.fieldsReadAsZeros.increment();
        }
        if ((deviations & Deviation.TRAILING_BYTES.bit()) != 0) {
            counters.trailingBytes.increment();
        }
        if (LOG.isDebugEnabled() && deviationsLogged.add(message.descriptor().name())) {
            LOG.debug("{}: read {} as the official viewer does, with {} (logged once per message)", name,
                    message.descriptor().name(), Deviation.setOf(deviations).stream().map(Deviation::description)
                            .collect(java.util.stream.Collectors.joining(" and ")));
        }
    }

    /** Under the lock: publishes what stats() reads. */
    private void mirrorState() {
        smoothedRttNs = rtt.smoothedNs();
        lastRttNs = rtt.lastNs();
        retransmitTimeoutNs = rtt.retransmitTimeoutNs();
        unackedCount = out.unackedCount();
        unackedBytes = out.unackedBytes();
        queuedCount = out.queuedCount();
    }

    /**
     * Returns the circuit's counters; lock-free.
     *
     * @return a snapshot
     */
    public CircuitStats stats() {
        return counters.snapshot(events.dropped(), smoothedRttNs, lastRttNs, retransmitTimeoutNs, unackedCount,
                unackedBytes, queuedCount);
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
                out.flushAcks();
            }
            closed = true;
            if (timerTask != null) {
                timerTask.cancel();
                timerTask = null;
            }
            if (ackFlushTask != null) {
                ackFlushTask.cancel();
                ackFlushTask = null;
            }
            out.failAll(reason, reason == CircuitException.Reason.CLOSED ? " was closed" : " timed out",
                    settlements);
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

    /** A datagram buffer and codecs, per reading thread; a nested read on the same thread gets its own. */
    private static final class ReceiveScratch {
        final byte[] buffer = new byte[PacketCodec.MAX_PACKET_SIZE];
        private PacketCodec lenient;
        private PacketCodec strict;
        private boolean inUse;

        static ReceiveScratch take() {
            ReceiveScratch scratch = RECEIVE_SCRATCH.get();
            if (scratch.inUse) {
                scratch = new ReceiveScratch(); // a circuit fed from inside another's receive (loopback tests)
            }
            scratch.inUse = true;
            return scratch;
        }

        void release() {
            inUse = false;
        }

        PacketCodec codec(DecodeMode mode) {
            if (mode == DecodeMode.LENIENT) {
                if (lenient == null) {
                    lenient = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.LENIENT);
                }
                return lenient;
            }
            if (strict == null) {
                strict = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.STRICT);
            }
            return strict;
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
        private int firstSequence = 1;

        private Builder(InetSocketAddress remote, DatagramSender sender, Scheduler scheduler) {
            this.remote = Objects.requireNonNull(remote, "remote");
            this.sender = Objects.requireNonNull(sender, "sender");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /**
         * Sets the configuration (default {@link CircuitConfig#defaults()}).
         *
         * @param value the configuration (default {@link CircuitConfig#defaults()})
         * @return this
         */
        public Builder config(CircuitConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets who gets incoming messages (default: nobody).
         *
         * @param value who gets incoming messages (default: nobody)
         * @return this
         */
        public Builder sink(MessageSink value) {
            sink = Objects.requireNonNull(value, "sink");
            return this;
        }

        /**
         * Sets who gets events (default: nobody).
         *
         * @param value who gets events (default: nobody)
         * @return this
         */
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

        /** For tests of the 24-bit wrap: where outgoing sequence numbers start. */
        Builder firstSequence(int value) {
            firstSequence = value;
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
