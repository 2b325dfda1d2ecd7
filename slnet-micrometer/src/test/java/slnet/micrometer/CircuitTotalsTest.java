package slnet.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import slnet.ClientStats;
import slnet.circuit.CircuitStats;
import slnet.handler.HandlerStats;

/** Sums that never go down, whatever circuits come and go between two reads. */
class CircuitTotalsTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 9000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 9001);

    private final AtomicReference<Map<InetSocketAddress, CircuitStats>> circuits = new AtomicReference<>(Map.of());
    private final CircuitTotals totals = new CircuitTotals(() -> new ClientStats(circuits.get(), Optional.empty(),
            new HandlerStats(0, 0, 0, 0, 0), 0, 0, 0));

    private static CircuitStats stats(long packetsIn, long packetsOut) {
        return new CircuitStats(packetsIn, 0, packetsOut, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, 0, CircuitStats.ToleratedDeviations.NONE);
    }

    private void open(Object... addressAndStats) {
        Map<InetSocketAddress, CircuitStats> m = new HashMap<>();
        for (int i = 0; i < addressAndStats.length; i += 2) {
            m.put((InetSocketAddress) addressAndStats[i], (CircuitStats) addressAndStats[i + 1]);
        }
        circuits.set(m);
    }

    private double out() {
        return totals.total(CircuitStats::packetsOut);
    }

    @Test
    void sumsOpenCircuits() {
        open(A, stats(1, 10), B, stats(2, 5));
        assertThat(out()).isEqualTo(15);
    }

    @Test
    void aClosedCircuitKeepsItsLastCounts() {
        open(A, stats(1, 10), B, stats(2, 5));
        out();
        open(B, stats(3, 7));
        assertThat(out()).isEqualTo(17);
        open();
        assertThat(out()).isEqualTo(17);
    }

    @Test
    void aNewCircuitAtAnOldAddressAddsToTheOld() {
        open(A, stats(5, 10));
        out();
        open(A, stats(1, 2)); // reconnected to the same simulator between two reads
        assertThat(out()).isEqualTo(12);
        open(A, stats(2, 4));
        assertThat(out()).isEqualTo(14);
    }
}
