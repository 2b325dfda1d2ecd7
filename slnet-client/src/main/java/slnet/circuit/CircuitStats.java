package slnet.circuit;

import java.time.Duration;

/**
 * A snapshot of a circuit's counters; each field is read without locks, so fields may be a few
 * packets apart from each other.
 *
 * @param packetsIn datagrams handed to the circuit
 * @param bytesIn their bytes
 * @param packetsOut datagrams sent (first sends, resends, acks, pings)
 * @param bytesOut their bytes
 * @param messagesDelivered messages handed to the sink
 * @param reliableSent reliable packets sent for the first time
 * @param resent reliable packets sent again
 * @param acked our reliable packets the peer acked
 * @param unknownAcks acks for packets we were not waiting for (late, duplicate, or bogus), ignored
 * @param lost reliable packets given up after their last resend
 * @param duplicatesDropped incoming reliable packets seen before, acked again and dropped
 * @param malformedDropped incoming datagrams that did not decode
 * @param trustDropped incoming messages the peer's role may not send
 * @param blacklistedDropped incoming messages the template forbids over UDP
 * @param acksAppended ack ids that rode on outgoing packets
 * @param ackPacketsSent {@code PacketAck} messages sent
 * @param queueRejected reliable messages refused or dropped because the queue was full
 * @param sendErrors datagrams the transport failed to send
 * @param sinkErrors exceptions the message sink threw
 * @param eventsDropped events dropped because the listener fell behind
 * @param smoothedRtt the smoothed round-trip time, or zero before the first sample
 * @param lastRtt the latest round-trip sample, or zero before the first
 * @param retransmitTimeout the current retransmission timeout before backoff
 * @param unackedPackets reliable packets in flight
 * @param unackedBytes their bytes
 * @param queuedMessages reliable messages waiting for room in flight
 * @param tolerated incoming packets that departed from the template in ways the official viewer
 *                  accepts, and were delivered (see {@link CircuitConfig#decodeMode()})
 */
public record CircuitStats(long packetsIn, long bytesIn, long packetsOut, long bytesOut, long messagesDelivered,
                           long reliableSent, long resent, long acked, long unknownAcks, long lost,
                           long duplicatesDropped, long malformedDropped, long trustDropped, long blacklistedDropped,
                           long acksAppended, long ackPacketsSent, long queueRejected, long sendErrors,
                           long sinkErrors, long eventsDropped, Duration smoothedRtt, Duration lastRtt,
                           Duration retransmitTimeout, int unackedPackets, long unackedBytes, int queuedMessages,
                           ToleratedDeviations tolerated) {

    /**
     * How many incoming packets lenient decoding accepted despite a departure from the template, by
     * kind ({@link slnet.protocol.Deviation}); a packet with two kinds counts under both.
     *
     * @param missingTrailingBlocks packets that ended before trailing variable blocks (read as zero
     *                              repeats), as older simulators send them
     * @param fieldsReadAsZeros packets with a field cut off by the end of the packet (read as zeros)
     * @param trailingBytes packets with bytes after their last block (ignored)
     */
    public record ToleratedDeviations(long missingTrailingBlocks, long fieldsReadAsZeros, long trailingBytes) {
        /** None. */
        public static final ToleratedDeviations NONE = new ToleratedDeviations(0, 0, 0);

        /**
         * Returns the packets counted, summed over the kinds.
         *
         * @return the packets counted, summed over the kinds
         */
        public long total() {
            return missingTrailingBlocks + fieldsReadAsZeros + trailingBytes;
        }
    }
}
