package slnet;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import slnet.circuit.CircuitStats;
import slnet.handler.HandlerStats;

/**
 * A snapshot of a {@link Client}'s counters.
 *
 * @param circuits each open circuit's counters, by simulator address
 * @param primary the primary circuit's address, if connected
 * @param handlers the handler registry's counters
 * @param eventsPublished events published on the client's bus
 * @param eventsDropped events dropped for subscribers whose buffers were full (open subscriptions)
 * @param inboundDropped messages dropped because a circuit's dispatch queue was full
 */
public record ClientStats(Map<InetSocketAddress, CircuitStats> circuits, Optional<InetSocketAddress> primary,
                          HandlerStats handlers, long eventsPublished, long eventsDropped, long inboundDropped) {
    /** Copies and checks that nothing is null. */
    public ClientStats {
        circuits = Map.copyOf(circuits);
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(handlers, "handlers");
    }

    /**
     * Returns the primary circuit's counters, if connected.
     *
     * @return the primary circuit's counters, if connected
     */
    public Optional<CircuitStats> primaryCircuit() {
        return primary.map(circuits::get);
    }
}
