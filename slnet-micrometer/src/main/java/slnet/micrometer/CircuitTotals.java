package slnet.micrometer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import slnet.ClientStats;
import slnet.circuit.CircuitStats;

/**
 * Sums a counter over a client's circuits so that it never goes down: a circuit that closed (a
 * teleport, a crossing, a reconnect) leaves its last counts behind in a retired total. A circuit
 * seen again at the same address with fewer packets than before is a new one, and the old one's
 * counts are retired too.
 *
 * <p>Thread-safe (one lock; a registry scrape reads every meter in turn).
 */
final class CircuitTotals {
    private final Supplier<ClientStats> stats;
    /** The last snapshot of each circuit seen open. */
    private final Map<InetSocketAddress, CircuitStats> last = new HashMap<>();
    /** The sum of the last snapshots of circuits gone since; their counters still count. */
    private CircuitStats retired = new CircuitStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, 0, CircuitStats.ToleratedDeviations.NONE);

    CircuitTotals(Supplier<ClientStats> stats) {
        this.stats = stats;
    }

    /**
     * @param field a monotonic counter of {@link CircuitStats}
     * @return its sum over every circuit the client has had since this was made
     */
    synchronized double total(ToLongFunction<CircuitStats> field) {
        refresh(stats.get().circuits());
        long sum = 0;
        for (CircuitStats c : last.values()) {
            sum += field.applyAsLong(c);
        }
        return sum + field.applyAsLong(retired);
    }

    private void refresh(Map<InetSocketAddress, CircuitStats> open) {
        for (Iterator<Map.Entry<InetSocketAddress, CircuitStats>> it = last.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<InetSocketAddress, CircuitStats> e = it.next();
            CircuitStats now = open.get(e.getKey());
            if (now == null || isNewer(e.getValue(), now)) {
                retired = add(retired, e.getValue());
                it.remove();
            }
        }
        last.putAll(open);
    }

    /** A fresh circuit at an old address starts its counters again from zero. */
    private static boolean isNewer(CircuitStats before, CircuitStats now) {
        return now.packetsOut() < before.packetsOut() || now.packetsIn() < before.packetsIn();
    }

    private static CircuitStats add(CircuitStats a, CircuitStats b) {
        CircuitStats.ToleratedDeviations ta = a.tolerated();
        CircuitStats.ToleratedDeviations tb = b.tolerated();
        return new CircuitStats(a.packetsIn() + b.packetsIn(), a.bytesIn() + b.bytesIn(),
                a.packetsOut() + b.packetsOut(), a.bytesOut() + b.bytesOut(),
                a.messagesDelivered() + b.messagesDelivered(), a.reliableSent() + b.reliableSent(),
                a.resent() + b.resent(), a.acked() + b.acked(), a.unknownAcks() + b.unknownAcks(),
                a.lost() + b.lost(), a.duplicatesDropped() + b.duplicatesDropped(),
                a.malformedDropped() + b.malformedDropped(), a.trustDropped() + b.trustDropped(),
                a.blacklistedDropped() + b.blacklistedDropped(), a.acksAppended() + b.acksAppended(),
                a.ackPacketsSent() + b.ackPacketsSent(), a.queueRejected() + b.queueRejected(),
                a.sendErrors() + b.sendErrors(), a.sinkErrors() + b.sinkErrors(),
                a.eventsDropped() + b.eventsDropped(), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, 0, 0, 0,
                new CircuitStats.ToleratedDeviations(ta.missingTrailingBlocks() + tb.missingTrailingBlocks(),
                        ta.fieldsReadAsZeros() + tb.fieldsReadAsZeros(), ta.trailingBytes() + tb.trailingBytes()));
    }
}
