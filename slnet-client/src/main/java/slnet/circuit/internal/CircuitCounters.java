package slnet.circuit.internal;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import slnet.circuit.CircuitStats;

/**
 * A circuit's live counters: written on the hot paths without locks, summed when a snapshot is
 * taken. Thread-safe.
 */
public final class CircuitCounters {
    /** Datagrams received. */
    public final LongAdder packetsIn = new LongAdder();
    /** Their bytes. */
    public final LongAdder bytesIn = new LongAdder();
    /** Datagrams sent. */
    public final LongAdder packetsOut = new LongAdder();
    /** Their bytes. */
    public final LongAdder bytesOut = new LongAdder();
    /** Messages handed to the sink. */
    public final LongAdder delivered = new LongAdder();
    /** Reliable packets sent the first time. */
    public final LongAdder reliableSent = new LongAdder();
    /** Resends. */
    public final LongAdder resent = new LongAdder();
    /** Our reliable packets acked. */
    public final LongAdder acked = new LongAdder();
    /** Acks for packets not in flight. */
    public final LongAdder unknownAcks = new LongAdder();
    /** Reliable packets given up. */
    public final LongAdder lost = new LongAdder();
    /** Incoming duplicates dropped. */
    public final LongAdder duplicates = new LongAdder();
    /** Incoming datagrams that did not decode. */
    public final LongAdder malformed = new LongAdder();
    /** Incoming messages the peer's role may not send. */
    public final LongAdder trustDropped = new LongAdder();
    /** Incoming messages forbidden over UDP. */
    public final LongAdder blacklisted = new LongAdder();
    /** Acks appended to outgoing packets. */
    public final LongAdder acksAppended = new LongAdder();
    /** PacketAck messages sent. */
    public final LongAdder ackPackets = new LongAdder();
    /** Reliable messages refused or dropped by a full queue. */
    public final LongAdder queueRejected = new LongAdder();
    /** Datagrams the transport failed to send. */
    public final LongAdder sendErrors = new LongAdder();
    /** Exceptions from the message sink. */
    public final LongAdder sinkErrors = new LongAdder();
    /** Packets decoded without their trailing variable blocks. */
    public final LongAdder missingTrailingBlocks = new LongAdder();
    /** Packets decoded with fields past their end read as zeros. */
    public final LongAdder fieldsReadAsZeros = new LongAdder();
    /** Packets decoded with bytes after their last block ignored. */
    public final LongAdder trailingBytes = new LongAdder();

    /** Creates counters at zero. */
    public CircuitCounters() {
    }

    /**
     * Takes a snapshot.
     *
     * @param eventsDropped events the dispatcher dropped
     * @param smoothedRttNs the smoothed RTT
     * @param lastRttNs the last RTT sample
     * @param retransmitTimeoutNs the current timeout
     * @param unackedPackets reliable packets in flight
     * @param unackedBytes their bytes
     * @param queuedMessages messages queued
     * @return the snapshot
     */
    public CircuitStats snapshot(long eventsDropped, long smoothedRttNs, long lastRttNs, long retransmitTimeoutNs,
                                 int unackedPackets, long unackedBytes, int queuedMessages) {
        return new CircuitStats(packetsIn.sum(), bytesIn.sum(), packetsOut.sum(), bytesOut.sum(), delivered.sum(),
                reliableSent.sum(), resent.sum(), acked.sum(), unknownAcks.sum(), lost.sum(), duplicates.sum(),
                malformed.sum(), trustDropped.sum(), blacklisted.sum(), acksAppended.sum(), ackPackets.sum(),
                queueRejected.sum(), sendErrors.sum(), sinkErrors.sum(), eventsDropped,
                Duration.ofNanos(smoothedRttNs), Duration.ofNanos(lastRttNs), Duration.ofNanos(retransmitTimeoutNs),
                unackedPackets, unackedBytes, queuedMessages, new CircuitStats.ToleratedDeviations(
                        missingTrailingBlocks.sum(), fieldsReadAsZeros.sum(), trailingBytes.sum()));
    }
}
