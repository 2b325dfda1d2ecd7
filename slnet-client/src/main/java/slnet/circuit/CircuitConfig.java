package slnet.circuit;

import java.time.Duration;
import java.util.Objects;
import slnet.protocol.DecodeMode;
import slnet.protocol.PacketCodec;

/**
 * How a circuit behaves. Build with {@link #builder()}; {@link Builder#build()} rejects bad values and
 * bad combinations. Defaults follow the official viewer where it has a rule, and say so.
 *
 * @param role which end we are; decides what the peer may send
 * @param mtu the largest datagram sent (the viewer's 1200)
 * @param initialRetransmitTimeout how long a reliable packet waits for its ack before the first RTT
 *                                 sample (1 s, RFC 6298; the viewer's starting ping of 1 s would give
 *                                 5 s, which makes a lost {@code UseCircuitCode} cost a slow login)
 * @param minRetransmitTimeout the floor of the retransmission timeout (1 s, the viewer's
 *                             {@code LL_MINIMUM_RELIABLE_TIMEOUT_SECONDS})
 * @param maxRetransmitTimeout the ceiling, also after backoff (10 s: the viewer clamps its averaged
 *                             ping to 2 s, so its timeout never exceeds 5 x 2 s)
 * @param rttMultiplier the timeout is at least this many smoothed RTTs (5, the viewer's
 *                      {@code LL_RELIABLE_TIMEOUT_FACTOR}), besides RFC 6298's SRTT + 4 RTTVAR
 * @param backoffMultiplier each resend of a packet waits this much longer than the one before (2;
 *                          1 reproduces the viewer's constant spacing)
 * @param maxResends how often a reliable packet is resent before it is declared lost (3, the
 *                   viewer's {@code LL_DEFAULT_RELIABLE_RETRIES})
 * @param maxResendsPerTick the most resends one timer tick sends, so a burst of timeouts cannot
 *                          flood the link
 * @param tickInterval the shortest time between two runs of the circuit's timer (50 ms). The timer
 *                     runs when something is due (a resend, a ping, the liveness check), not on a
 *                     fixed tick, so an idle circuit wakes only for its pings; this spacing makes
 *                     deadlines that fall close together share one run
 * @param ackFlushDelay the longest an ack waits for an outgoing packet to ride on before it is sent
 *                      in a {@code PacketAck} (100 ms)
 * @param pingInterval how often we send {@code StartPingCheck} (5 s, as the official viewer's circuits
 *                     ping; LibreMetaverse pings every 2.2 s)
 * @param inactivityTimeout how long without any incoming packet before the circuit is declared lost
 *                          (30 s, LibreMetaverse's {@code SIMULATOR_TIMEOUT}; older libsecondlife used
 *                          15 s). Both ends ping every 5 s, so this is six missed pings: long enough to
 *                          ride out a simulator stall or a region crossing hiccup, short enough to notice
 *                          a dead region well before a user would give up
 * @param maxUnackedBytes the most bytes of reliable packets in flight; further reliable messages
 *                        wait in the queue
 * @param maxQueuedMessages the most reliable messages waiting for room in flight
 * @param overflowPolicy what a full queue does
 * @param duplicateWindow the most incoming reliable sequence numbers remembered to drop duplicates;
 *                        the peer's {@code OldestUnacked} prunes it long before that in practice
 * @param maxPendingEvents the most events waiting for a slow listener before new ones are dropped
 * @param decodeMode how incoming packets are read: {@link DecodeMode#LENIENT}, the official viewer's
 *                   rules, by default, since simulators of many ages leave out trailing blocks that
 *                   newer templates added; what was tolerated is counted in
 *                   {@link CircuitStats#tolerated()}. {@link DecodeMode#STRICT} rejects those packets
 */
public record CircuitConfig(CircuitRole role, int mtu, Duration initialRetransmitTimeout,
                            Duration minRetransmitTimeout, Duration maxRetransmitTimeout, double rttMultiplier,
                            double backoffMultiplier, int maxResends, int maxResendsPerTick, Duration tickInterval,
                            Duration ackFlushDelay, Duration pingInterval, Duration inactivityTimeout,
                            long maxUnackedBytes, int maxQueuedMessages, OverflowPolicy overflowPolicy,
                            int duplicateWindow, int maxPendingEvents, DecodeMode decodeMode) {

    /** What {@link Circuit#sendReliable} does when the outgoing queue is full. */
    public enum OverflowPolicy {
        /** Fail the new message's future at once with {@link CircuitException.Reason#QUEUE_FULL}. */
        REJECT_NEW,
        /** Fail the oldest queued message's future with {@link CircuitException.Reason#QUEUE_FULL} and queue the new one. */
        DROP_OLDEST
    }

    /** Validates; prefer {@link #builder()}. */
    public CircuitConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        Objects.requireNonNull(decodeMode, "decodeMode");
        if (mtu < 64 || mtu > PacketCodec.MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("mtu must be 64 to " + PacketCodec.MAX_PACKET_SIZE + ", not " + mtu);
        }
        positive("initialRetransmitTimeout", initialRetransmitTimeout);
        positive("minRetransmitTimeout", minRetransmitTimeout);
        positive("maxRetransmitTimeout", maxRetransmitTimeout);
        positive("tickInterval", tickInterval);
        positive("ackFlushDelay", ackFlushDelay);
        positive("pingInterval", pingInterval);
        positive("inactivityTimeout", inactivityTimeout);
        if (minRetransmitTimeout.compareTo(maxRetransmitTimeout) > 0) {
            throw new IllegalArgumentException("minRetransmitTimeout " + minRetransmitTimeout
                    + " exceeds maxRetransmitTimeout " + maxRetransmitTimeout);
        }
        if (initialRetransmitTimeout.compareTo(minRetransmitTimeout) < 0
                || initialRetransmitTimeout.compareTo(maxRetransmitTimeout) > 0) {
            throw new IllegalArgumentException("initialRetransmitTimeout " + initialRetransmitTimeout
                    + " must lie between min and max retransmit timeouts");
        }
        if (ackFlushDelay.compareTo(minRetransmitTimeout) >= 0) {
            // Otherwise the peer resends packets we have received but not yet acked.
            throw new IllegalArgumentException("ackFlushDelay " + ackFlushDelay
                    + " must be shorter than minRetransmitTimeout " + minRetransmitTimeout);
        }
        if (inactivityTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("inactivityTimeout " + inactivityTimeout
                    + " must be longer than pingInterval " + pingInterval + ", or an idle circuit times out");
        }
        if (!(rttMultiplier >= 1 && rttMultiplier <= 100)) {
            throw new IllegalArgumentException("rttMultiplier must be 1 to 100, not " + rttMultiplier);
        }
        if (!(backoffMultiplier >= 1 && backoffMultiplier <= 16)) {
            throw new IllegalArgumentException("backoffMultiplier must be 1 to 16, not " + backoffMultiplier);
        }
        if (maxResends < 0 || maxResends > 100) {
            throw new IllegalArgumentException("maxResends must be 0 to 100, not " + maxResends);
        }
        if (maxResendsPerTick < 1) {
            throw new IllegalArgumentException("maxResendsPerTick must be at least 1, not " + maxResendsPerTick);
        }
        if (maxUnackedBytes < mtu) {
            throw new IllegalArgumentException("maxUnackedBytes " + maxUnackedBytes + " must hold at least one MTU ("
                    + mtu + ")");
        }
        if (maxQueuedMessages < 0) {
            throw new IllegalArgumentException("maxQueuedMessages must not be negative: " + maxQueuedMessages);
        }
        if (duplicateWindow < 256) {
            throw new IllegalArgumentException("duplicateWindow must be at least 256, not " + duplicateWindow);
        }
        if (maxPendingEvents < 1) {
            throw new IllegalArgumentException("maxPendingEvents must be at least 1, not " + maxPendingEvents);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    /**
     * Returns a builder with the defaults, for the {@link CircuitRole#CLIENT} role.
     *
     * @return a builder with the defaults, for the {@link CircuitRole#CLIENT} role
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the defaults, for the {@link CircuitRole#CLIENT} role.
     *
     * @return the defaults, for the {@link CircuitRole#CLIENT} role
     */
    public static CircuitConfig defaults() {
        return builder().build();
    }

    /**
     * Returns a builder starting from this configuration.
     *
     * @return a builder starting from this configuration
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.role = role;
        b.mtu = mtu;
        b.initialRetransmitTimeout = initialRetransmitTimeout;
        b.minRetransmitTimeout = minRetransmitTimeout;
        b.maxRetransmitTimeout = maxRetransmitTimeout;
        b.rttMultiplier = rttMultiplier;
        b.backoffMultiplier = backoffMultiplier;
        b.maxResends = maxResends;
        b.maxResendsPerTick = maxResendsPerTick;
        b.tickInterval = tickInterval;
        b.ackFlushDelay = ackFlushDelay;
        b.pingInterval = pingInterval;
        b.inactivityTimeout = inactivityTimeout;
        b.maxUnackedBytes = maxUnackedBytes;
        b.maxQueuedMessages = maxQueuedMessages;
        b.overflowPolicy = overflowPolicy;
        b.duplicateWindow = duplicateWindow;
        b.maxPendingEvents = maxPendingEvents;
        b.decodeMode = decodeMode;
        return b;
    }

    /** Builds a {@link CircuitConfig}; not thread-safe. */
    public static final class Builder {
        private CircuitRole role = CircuitRole.CLIENT;
        private int mtu = PacketCodec.DEFAULT_MTU;
        private Duration initialRetransmitTimeout = Duration.ofSeconds(1);
        private Duration minRetransmitTimeout = Duration.ofSeconds(1);
        private Duration maxRetransmitTimeout = Duration.ofSeconds(10);
        private double rttMultiplier = 5;
        private double backoffMultiplier = 2;
        private int maxResends = 3;
        private int maxResendsPerTick = 64;
        private Duration tickInterval = Duration.ofMillis(50);
        private Duration ackFlushDelay = Duration.ofMillis(100);
        private Duration pingInterval = Duration.ofSeconds(5);
        private Duration inactivityTimeout = Duration.ofSeconds(30);
        private long maxUnackedBytes = 256 * 1024;
        private int maxQueuedMessages = 1024;
        private OverflowPolicy overflowPolicy = OverflowPolicy.REJECT_NEW;
        private int duplicateWindow = 8192;
        private int maxPendingEvents = 1024;
        private DecodeMode decodeMode = DecodeMode.LENIENT;

        private Builder() {
        }

        /**
         * Sets which end we are.
         *
         * @param value which end we are
         * @return this
         */
        public Builder role(CircuitRole value) {
            role = value;
            return this;
        }

        /**
         * Sets the largest datagram.
         *
         * @param value the largest datagram
         * @return this
         */
        public Builder mtu(int value) {
            mtu = value;
            return this;
        }

        /**
         * Sets the timeout before any RTT sample.
         *
         * @param value the timeout before any RTT sample
         * @return this
         */
        public Builder initialRetransmitTimeout(Duration value) {
            initialRetransmitTimeout = value;
            return this;
        }

        /**
         * Sets the timeout's floor.
         *
         * @param value the timeout's floor
         * @return this
         */
        public Builder minRetransmitTimeout(Duration value) {
            minRetransmitTimeout = value;
            return this;
        }

        /**
         * Sets the timeout's ceiling.
         *
         * @param value the timeout's ceiling
         * @return this
         */
        public Builder maxRetransmitTimeout(Duration value) {
            maxRetransmitTimeout = value;
            return this;
        }

        /**
         * Sets the timeout is at least this many smoothed RTTs.
         *
         * @param value the timeout is at least this many smoothed RTTs
         * @return this
         */
        public Builder rttMultiplier(double value) {
            rttMultiplier = value;
            return this;
        }

        /**
         * Sets growth of the timeout per resend.
         *
         * @param value growth of the timeout per resend
         * @return this
         */
        public Builder backoffMultiplier(double value) {
            backoffMultiplier = value;
            return this;
        }

        /**
         * Sets resends before a packet is lost.
         *
         * @param value resends before a packet is lost
         * @return this
         */
        public Builder maxResends(int value) {
            maxResends = value;
            return this;
        }

        /**
         * Sets the most resends per timer tick.
         *
         * @param value the most resends per timer tick
         * @return this
         */
        public Builder maxResendsPerTick(int value) {
            maxResendsPerTick = value;
            return this;
        }

        /**
         * Sets the timer's period.
         *
         * @param value the timer's period
         * @return this
         */
        public Builder tickInterval(Duration value) {
            tickInterval = value;
            return this;
        }

        /**
         * Sets the longest an ack waits to ride on a packet.
         *
         * @param value the longest an ack waits to ride on a packet
         * @return this
         */
        public Builder ackFlushDelay(Duration value) {
            ackFlushDelay = value;
            return this;
        }

        /**
         * Sets how often we ping.
         *
         * @param value how often we ping
         * @return this
         */
        public Builder pingInterval(Duration value) {
            pingInterval = value;
            return this;
        }

        /**
         * Sets silence before the circuit is lost.
         *
         * @param value silence before the circuit is lost
         * @return this
         */
        public Builder inactivityTimeout(Duration value) {
            inactivityTimeout = value;
            return this;
        }

        /**
         * Sets the most reliable bytes in flight.
         *
         * @param value the most reliable bytes in flight
         * @return this
         */
        public Builder maxUnackedBytes(long value) {
            maxUnackedBytes = value;
            return this;
        }

        /**
         * Sets the most reliable messages queued.
         *
         * @param value the most reliable messages queued
         * @return this
         */
        public Builder maxQueuedMessages(int value) {
            maxQueuedMessages = value;
            return this;
        }

        /**
         * Sets what a full queue does.
         *
         * @param value what a full queue does
         * @return this
         */
        public Builder overflowPolicy(OverflowPolicy value) {
            overflowPolicy = value;
            return this;
        }

        /**
         * Sets incoming sequence numbers remembered.
         *
         * @param value incoming sequence numbers remembered
         * @return this
         */
        public Builder duplicateWindow(int value) {
            duplicateWindow = value;
            return this;
        }

        /**
         * Sets events buffered for a slow listener.
         *
         * @param value events buffered for a slow listener
         * @return this
         */
        public Builder maxPendingEvents(int value) {
            maxPendingEvents = value;
            return this;
        }

        /**
         * Sets how incoming packets are read.
         *
         * @param value {@link DecodeMode#LENIENT} (the default, as the official viewer reads) or
         *              {@link DecodeMode#STRICT}
         * @return this
         */
        public Builder decodeMode(DecodeMode value) {
            decodeMode = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return it
         * @throws IllegalArgumentException naming the first bad value or combination
         */
        public CircuitConfig build() {
            return new CircuitConfig(role, mtu, initialRetransmitTimeout, minRetransmitTimeout, maxRetransmitTimeout,
                    rttMultiplier, backoffMultiplier, maxResends, maxResendsPerTick, tickInterval, ackFlushDelay,
                    pingInterval, inactivityTimeout, maxUnackedBytes, maxQueuedMessages, overflowPolicy,
                    duplicateWindow, maxPendingEvents, decodeMode);
        }
    }
}
