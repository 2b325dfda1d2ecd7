package slnet.circuit.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitException;
import slnet.circuit.DatagramSender;
import slnet.protocol.Message;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketEncodeException;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.messages.StartPingCheck;

/**
 * The outgoing half of a circuit: numbers and encodes packets, appends the acks we owe, keeps
 * reliable packets until acked, resends them with backoff, gives up on them, and holds reliable
 * messages back while too many bytes are in flight. Futures are never completed here, only
 * recorded in {@link Settlements} for the caller to settle after releasing its lock.
 *
 * <p>Not thread-safe: the circuit calls it with its lock held. Sequence numbers start at 1 and
 * wrap at 2<sup>24</sup>, as the official viewer's do.
 */
public final class PacketSender {
    /** How far ahead "no deadline" lies: far, yet safe from overflow in {@code nanoTime} arithmetic. */
    public static final long NO_DEADLINE = Long.MAX_VALUE / 2;
    private static final Logger LOG = LoggerFactory.getLogger(PacketSender.class);
    private static final int SEQUENCE_MODULUS = 1 << 24;

    /**
     * A reliable packet given up on.
     *
     * @param messageName the message it carried
     * @param sequence its sequence number
     * @param transmissions how often it was sent
     */
    public record LostPacket(String messageName, int sequence, int transmissions) {
    }

    private final CircuitConfig config;
    private final InetSocketAddress remote;
    private final DatagramSender sender;
    private final String circuitName;
    private final CircuitCounters counters;
    private final RttEstimator rtt;
    private final PacketCodec codec;
    /** The datagram buffer's size; the buffer itself is borrowed for each send (see SendBuffers). */
    private final int mtu;
    private final int maxAcksPerPacket;
    private final LinkedHashMap<Integer, Unacked> unacked = new LinkedHashMap<>();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final AckQueue pendingAcks = new AckQueue();
    private int nextSequence;
    private long unackedBytes;

    /**
     * Creates the sender.
     *
     * @param config the circuit's configuration
     * @param remote the peer
     * @param sender the transport
     * @param circuitName how failures name the circuit
     * @param counters the circuit's counters
     * @param rtt the circuit's RTT estimator, which acks feed
     * @param firstSequence the first sequence number (1, as the viewer; tests start near the wrap)
     */
    public PacketSender(CircuitConfig config, InetSocketAddress remote, DatagramSender sender, String circuitName,
                        CircuitCounters counters, RttEstimator rtt, int firstSequence) {
        this.config = config;
        this.remote = remote;
        this.sender = sender;
        this.circuitName = circuitName;
        this.counters = counters;
        this.rtt = rtt;
        this.nextSequence = Math.floorMod(firstSequence, SEQUENCE_MODULUS);
        this.codec = PacketCodec.withPooledScratch(config.mtu()); // thousands of circuits: no 8 KB each
        this.mtu = config.mtu();
        // PacketAck: header, 4-byte message number, count byte, 4 bytes per id.
        this.maxAcksPerPacket = Math.min(255, (config.mtu() - PacketHeader.LENGTH - 5) / 4);
    }

    /**
     * Returns the most ids one PacketAck carries at this MTU.
     *
     * @return the most ids one PacketAck carries at this MTU
     */
    public int maxAcksPerPacket() {
        return maxAcksPerPacket;
    }

    /**
     * Sends a message unreliably, now.
     *
     * @param message the message
     * @return null once handed to the transport, else why not; the caller settles its future with
     *         this after releasing its lock
     */
    public CircuitException send(Message message) {
        return sendNow(message);
    }

    /**
     * Sends a message reliably, now if there is room in flight, else queued, else as the overflow
     * policy says.
     *
     * @param message the message
     * @param future completed when acked
     * @param now the time
     * @param settlements where failures go
     */
    public void sendReliable(Message message, CompletableFuture<Void> future, long now, Settlements settlements) {
        if (queue.isEmpty() && unackedBytes < config.maxUnackedBytes()) {
            sendReliableNow(message, future, now, settlements);
        } else if (queue.size() < config.maxQueuedMessages()) {
            queue.addLast(new Queued(message, future));
        } else if (config.overflowPolicy() == CircuitConfig.OverflowPolicy.DROP_OLDEST && !queue.isEmpty()) {
            Queued victim = queue.pollFirst();
            settlements.fail(victim.future, queueFull(victim.message));
            queue.addLast(new Queued(message, future));
        } else {
            settlements.fail(future, queueFull(message));
        }
    }

    private CircuitException queueFull(Message message) {
        counters.queueRejected.increment();
        return new CircuitException(CircuitException.Reason.QUEUE_FULL, message.descriptor().name()
                + " not sent on " + circuitName + ": " + config.maxQueuedMessages() + " messages already queued",
                null);
    }

    /** Encodes and sends one unreliable packet; returns the failure, if any. */
    private CircuitException sendNow(Message message) {
        byte[] buffer = SendBuffers.borrow(mtu);
        try {
            int length;
            try {
                length = codec.encodeMessage(message, 0, nextSequence, buffer, 0);
            } catch (PacketEncodeException e) {
                return encodeFailure(message, e);
            }
            advanceSequence();
            IOException error = transmit(buffer, length);
            return error == null ? null : new CircuitException(CircuitException.Reason.SEND_FAILED,
                    message.descriptor().name() + " on " + circuitName + ": " + error.getMessage(), error);
        } finally {
            SendBuffers.giveBack(buffer);
        }
    }

    private void sendReliableNow(Message message, CompletableFuture<Void> future, long now,
                                 Settlements settlements) {
        int sequence = nextSequence;
        byte[] buffer = SendBuffers.borrow(mtu);
        try {
            int length;
            try {
                length = codec.encodeMessage(message, PacketHeader.RELIABLE, sequence, buffer, 0);
            } catch (PacketEncodeException e) {
                settlements.fail(future, encodeFailure(message, e));
                return;
            }
            advanceSequence();
            Unacked packet = new Unacked(sequence, Arrays.copyOf(buffer, length), message.descriptor().name(),
                    future, now, now + rtt.retransmitTimeoutNs());
            unacked.put(sequence, packet);
            unackedBytes += length;
            counters.reliableSent.increment();
            IOException error = transmit(buffer, length);
            if (error != null) {
                LOG.debug("{}: sending {} failed, will resend: {}", circuitName, packet.messageName,
                        error.toString());
            }
        } finally {
            SendBuffers.giveBack(buffer);
        }
    }

    private CircuitException encodeFailure(Message message, PacketEncodeException e) {
        return new CircuitException(CircuitException.Reason.ENCODE_FAILED, message.descriptor().name()
                + " cannot be sent on " + circuitName + ": " + e.getMessage(), e);
    }

    private void advanceSequence() {
        nextSequence = (nextSequence + 1) % SEQUENCE_MODULUS;
    }

    /** Sends buffer[0, length) with as many owed acks appended as fit. */
    private IOException transmit(byte[] buffer, int length) {
        int total = length;
        if (pendingAcks.size() > 0) {
            int appended = pendingAcks.appendTo(buffer, 0, length, mtu);
            if (appended > 0) {
                counters.acksAppended.add(appended);
                total = length + 4 * appended + 1;
            }
        }
        try {
            sender.send(buffer, 0, total, remote);
            counters.packetsOut.increment();
            counters.bytesOut.add(total);
            return null;
        } catch (IOException e) {
            counters.sendErrors.increment();
            return e;
        } catch (RuntimeException e) {
            // A transport that throws unchecked must not break the timer or leave state half-done.
            counters.sendErrors.increment();
            return new IOException(e.toString(), e);
        }
    }

    /**
     * Takes the peer's ack for one of our packets.
     *
     * @param sequence the acked sequence number
     * @param now the time
     * @param settlements where the packet's future goes
     */
    public void ack(int sequence, long now, Settlements settlements) {
        Unacked packet = unacked.remove(sequence);
        if (packet == null) {
            counters.unknownAcks.increment();
            return;
        }
        unackedBytes -= packet.datagram.length;
        counters.acked.increment();
        if (packet.resends == 0) {
            // Karn: the ack of a resent packet cannot tell which transmission it answers.
            rtt.sample(now - packet.firstSentNs);
        }
        settlements.complete(packet.future);
    }

    /**
     * Records an ack we owe the peer.
     *
     * @param sequence the peer's packet
     * @param now the time
     * @return how many acks are now owed
     */
    public int owe(int sequence, long now) {
        pendingAcks.add(sequence, now);
        return pendingAcks.size();
    }

    /** Sends every owed ack in PacketAck messages. */
    public void flushAcks() {
        while (pendingAcks.size() > 0) {
            int[] ackIds = new int[Math.min(maxAcksPerPacket, pendingAcks.size())];
            int n = pendingAcks.take(ackIds, ackIds.length);
            List<PacketAck.Packets> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(new PacketAck.Packets(ackIds[i]));
            }
            CircuitException failure = sendNow(new PacketAck(ids));
            if (failure == null) {
                counters.ackPackets.increment();
            } else {
                LOG.debug("{}: sending acks failed: {}", circuitName, failure.getMessage());
            }
        }
    }

    /**
     * Sends a StartPingCheck carrying our oldest unacked sequence number.
     *
     * @param pingId the ping's id, 0 to 255
     */
    public void sendPing(int pingId) {
        int oldest = unacked.isEmpty() ? nextSequence : unacked.firstEntry().getKey();
        CircuitException failure = sendNow(new StartPingCheck(new StartPingCheck.PingID(pingId, oldest)));
        if (failure != null) {
            LOG.debug("{}: ping failed: {}", circuitName, failure.getMessage());
        }
    }

    /**
     * Sends an unreliable housekeeping message, logging rather than reporting a failure.
     *
     * @param message the message
     */
    public void sendHousekeeping(Message message) {
        CircuitException failure = sendNow(message);
        if (failure != null) {
            LOG.debug("{}: {} failed: {}", circuitName, message.descriptor().name(), failure.getMessage());
        }
    }

    /**
     * Moves queued reliable messages into flight while there is room.
     *
     * @param now the time
     * @param settlements where failures go
     */
    public void drainQueue(long now, Settlements settlements) {
        while (!queue.isEmpty() && unackedBytes < config.maxUnackedBytes()) {
            Queued next = queue.pollFirst();
            sendReliableNow(next.message, next.future, now, settlements);
        }
    }

    /**
     * Resends packets whose timeout passed, at most the configured number, and gives up on those
     * out of resends.
     *
     * @param now the time
     * @param settlements where the futures of lost packets go
     * @param lost where lost packets are reported
     * @return the earliest resend deadline of the packets still in flight (in the past when the
     *         budget left some due packets for later), or {@code now + Long.MAX_VALUE / 2} when none is
     */
    public long resendDue(long now, Settlements settlements, List<LostPacket> lost) {
        int budget = config.maxResendsPerTick();
        long earliest = now + NO_DEADLINE;
        for (Iterator<Unacked> it = unacked.values().iterator(); it.hasNext(); ) {
            Unacked packet = it.next();
            if (now - packet.deadlineNs < 0) {
                if (packet.deadlineNs - earliest < 0) {
                    earliest = packet.deadlineNs;
                }
                continue;
            }
            if (packet.resends >= config.maxResends()) {
                it.remove();
                unackedBytes -= packet.datagram.length;
                counters.lost.increment();
                int transmissions = packet.resends + 1;
                settlements.fail(packet.future, new CircuitException(CircuitException.Reason.RESENDS_EXHAUSTED,
                        packet.messageName + " (sequence " + packet.sequence + ") on " + circuitName + " was sent "
                                + transmissions + " times and never acked", null));
                lost.add(new LostPacket(packet.messageName, packet.sequence, transmissions));
                continue;
            }
            if (budget == 0) {
                earliest = now; // still due: soon again
                continue;
            }
            budget--;
            packet.resends++;
            byte[] buffer = SendBuffers.borrow(mtu);
            try {
                System.arraycopy(packet.datagram, 0, buffer, 0, packet.datagram.length);
                PacketHeader.setFlags(buffer, 0, PacketHeader.RESENT, true);
                counters.resent.increment();
                transmit(buffer, packet.datagram.length);
            } finally {
                SendBuffers.giveBack(buffer);
            }
            packet.deadlineNs = now + rtt.backedOffTimeoutNs(packet.resends, config.backoffMultiplier());
            if (packet.deadlineNs - earliest < 0) {
                earliest = packet.deadlineNs;
            }
        }
        return earliest;
    }

    /**
     * Fails every packet in flight and every queued message, and forgets them.
     *
     * @param reason the reason the futures fail with
     * @param why the end of the failure message, e.g. " was closed"
     * @param settlements where the futures go
     */
    public void failAll(CircuitException.Reason reason, String why, Settlements settlements) {
        for (Unacked packet : unacked.values()) {
            settlements.fail(packet.future, new CircuitException(reason, packet.messageName + " (sequence "
                    + packet.sequence + ") not acked: " + circuitName + why, null));
        }
        for (Queued queued : queue) {
            settlements.fail(queued.future, new CircuitException(reason, queued.message.descriptor().name()
                    + " not sent: " + circuitName + why, null));
        }
        unacked.clear();
        queue.clear();
        unackedBytes = 0;
    }

    /**
     * Returns reliable packets in flight.
     *
     * @return reliable packets in flight
     */
    public int unackedCount() {
        return unacked.size();
    }

    /**
     * Returns their bytes.
     *
     * @return their bytes
     */
    public long unackedBytes() {
        return unackedBytes;
    }

    /**
     * Returns reliable messages waiting for room.
     *
     * @return reliable messages waiting for room
     */
    public int queuedCount() {
        return queue.size();
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
}
