package slnet.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import slnet.Client;
import slnet.ClientStats;
import slnet.circuit.CircuitStats;

/**
 * Publishes a {@link Client}'s statistics ({@link Client#stats()}) as Micrometer meters.
 *
 * <pre>{@code
 * try (ClientMetrics metrics = new ClientMetrics(client, Tags.of("bot", "greeter"))) {
 *     metrics.bindTo(registry);
 *     ...
 * }                                   // the meters are removed from the registry
 * }</pre>
 *
 * <h2>Meters</h2>
 * Circuit counters are summed over the client's circuits, those open and those already closed, so
 * they only grow across teleports, crossings and reconnects. They carry no simulator address: a bot
 * that travels would otherwise leave a new time series behind in every region it passed through.
 * Round-trip times are the primary circuit's. In Prometheus names ({@code _total} on counters):
 * <table>
 * <caption>meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code slnet.circuit.packets}</td><td>counter</td><td>{@code direction}: in, out</td></tr>
 * <tr><td>{@code slnet.circuit.bytes}</td><td>counter (bytes)</td><td>{@code direction}</td></tr>
 * <tr><td>{@code slnet.circuit.messages.delivered}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code slnet.circuit.reliable}</td><td>counter</td><td>{@code outcome}: sent, resent, acked, lost</td></tr>
 * <tr><td>{@code slnet.circuit.dropped}</td><td>counter</td><td>{@code reason}: duplicate, malformed,
 *     untrusted, blacklisted, queue_full, unknown_ack</td></tr>
 * <tr><td>{@code slnet.circuit.tolerated}</td><td>counter</td><td>{@code deviation}: missing_trailing_blocks,
 *     fields_read_as_zeros, trailing_bytes</td></tr>
 * <tr><td>{@code slnet.circuit.errors}</td><td>counter</td><td>{@code kind}: send, sink, events_dropped</td></tr>
 * <tr><td>{@code slnet.circuit.acks}</td><td>counter</td><td>{@code carrier}: appended, packet_ack</td></tr>
 * <tr><td>{@code slnet.circuit.rtt}, {@code slnet.circuit.retransmit.timeout}</td><td>time gauge</td><td></td></tr>
 * <tr><td>{@code slnet.circuit.unacked.packets}, {@code .unacked.bytes}, {@code .queued.messages}</td><td>gauge</td><td></td></tr>
 * <tr><td>{@code slnet.circuits.open}</td><td>gauge</td><td></td></tr>
 * <tr><td>{@code slnet.handler.dispatches}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code slnet.handler.runs}</td><td>counter</td><td>{@code outcome}: handled, failed, filtered</td></tr>
 * <tr><td>{@code slnet.handler.unhandled}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code slnet.events.published}, {@code slnet.events.dropped}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code slnet.inbound.dropped}</td><td>counter</td><td></td></tr>
 * </table>
 * Every meter also carries the tags given to the constructor, such as the bot's name: keep them few
 * and fixed per client.
 *
 * <p>Thread-safe. Reading a meter takes a {@link Client#stats()} snapshot (a few dozen counters per
 * circuit); meters hold the client strongly until {@link #close()} removes them.
 */
public final class ClientMetrics implements MeterBinder, AutoCloseable {
    private static final String PACKETS = "packets";

    private final CircuitTotals totals;
    private final Supplier<ClientStats> stats;
    private final Tags tags;
    private final List<Registered> registered = new ArrayList<>();

    private record Registered(MeterRegistry registry, Meter meter) {
    }

    /**
     * Sets the client to watch.
     *
     * @param client the client to watch
     * @param tags   tags for every meter, such as {@code bot=name}
     */
    public ClientMetrics(Client client, Iterable<Tag> tags) {
        this(Objects.requireNonNull(client, "client")::stats, tags);
    }

    /**
     * Sets where the statistics come from (for a client behind a wrapper, or tests).
     *
     * @param stats where the statistics come from (for a client behind a wrapper, or tests)
     * @param tags  tags for every meter
     */
    public ClientMetrics(Supplier<ClientStats> stats, Iterable<Tag> tags) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.totals = new CircuitTotals(stats);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        circuitCounter(registry, "slnet.circuit.packets", "datagrams in and out", PACKETS,
                CircuitStats::packetsIn, "direction", "in");
        circuitCounter(registry, "slnet.circuit.packets", "datagrams in and out", PACKETS,
                CircuitStats::packetsOut, "direction", "out");
        circuitCounter(registry, "slnet.circuit.bytes", "datagram bytes in and out", BaseUnits.BYTES,
                CircuitStats::bytesIn, "direction", "in");
        circuitCounter(registry, "slnet.circuit.bytes", "datagram bytes in and out", BaseUnits.BYTES,
                CircuitStats::bytesOut, "direction", "out");
        circuitCounter(registry, "slnet.circuit.messages.delivered", "messages handed to the client", BaseUnits.MESSAGES,
                CircuitStats::messagesDelivered);
        String reliable = "reliable packets: sent the first time, resent, acked by the simulator, given up";
        circuitCounter(registry, "slnet.circuit.reliable", reliable, PACKETS, CircuitStats::reliableSent,
                "outcome", "sent");
        circuitCounter(registry, "slnet.circuit.reliable", reliable, PACKETS, CircuitStats::resent,
                "outcome", "resent");
        circuitCounter(registry, "slnet.circuit.reliable", reliable, PACKETS, CircuitStats::acked,
                "outcome", "acked");
        circuitCounter(registry, "slnet.circuit.reliable", reliable, PACKETS, CircuitStats::lost,
                "outcome", "lost");
        String dropped = "incoming packets or acks dropped, and outgoing messages refused, by reason";
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::duplicatesDropped,
                "reason", "duplicate");
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::malformedDropped,
                "reason", "malformed");
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::trustDropped,
                "reason", "untrusted");
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::blacklistedDropped,
                "reason", "blacklisted");
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::queueRejected,
                "reason", "queue_full");
        circuitCounter(registry, "slnet.circuit.dropped", dropped, null, CircuitStats::unknownAcks,
                "reason", "unknown_ack");
        String tolerated = "incoming packets that departed from the template in ways the viewer accepts";
        circuitCounter(registry, "slnet.circuit.tolerated", tolerated, PACKETS,
                c -> c.tolerated().missingTrailingBlocks(), "deviation", "missing_trailing_blocks");
        circuitCounter(registry, "slnet.circuit.tolerated", tolerated, PACKETS,
                c -> c.tolerated().fieldsReadAsZeros(), "deviation", "fields_read_as_zeros");
        circuitCounter(registry, "slnet.circuit.tolerated", tolerated, PACKETS,
                c -> c.tolerated().trailingBytes(), "deviation", "trailing_bytes");
        String errors = "datagrams the transport failed to send, handler sink exceptions, circuit events dropped";
        circuitCounter(registry, "slnet.circuit.errors", errors, null, CircuitStats::sendErrors, "kind", "send");
        circuitCounter(registry, "slnet.circuit.errors", errors, null, CircuitStats::sinkErrors, "kind", "sink");
        circuitCounter(registry, "slnet.circuit.errors", errors, null, CircuitStats::eventsDropped,
                "kind", "events_dropped");
        String acks = "acks sent: riding on outgoing packets, or in PacketAck messages";
        circuitCounter(registry, "slnet.circuit.acks", acks, null, CircuitStats::acksAppended, "carrier", "appended");
        circuitCounter(registry, "slnet.circuit.acks", acks, null, CircuitStats::ackPacketsSent,
                "carrier", "packet_ack");

        timeGauge(registry, "slnet.circuit.rtt", "the primary circuit's smoothed round-trip time",
                s -> primary(s, CircuitStats::smoothedRtt));
        timeGauge(registry, "slnet.circuit.retransmit.timeout", "the primary circuit's retransmission timeout",
                s -> primary(s, CircuitStats::retransmitTimeout));
        gauge(registry, "slnet.circuit.unacked.packets", "reliable packets in flight", PACKETS,
                s -> sum(s, CircuitStats::unackedPackets));
        gauge(registry, "slnet.circuit.unacked.bytes", "bytes of reliable packets in flight", BaseUnits.BYTES,
                s -> sum(s, CircuitStats::unackedBytes));
        gauge(registry, "slnet.circuit.queued.messages", "reliable messages waiting for room in flight",
                BaseUnits.MESSAGES, s -> sum(s, CircuitStats::queuedMessages));
        gauge(registry, "slnet.circuits.open", "open circuits: the region's and its neighbours'", null,
                s -> s.circuits().size());

        clientCounter(registry, "slnet.handler.dispatches", "messages and event-queue events dispatched to handlers",
                s -> s.handlers().dispatched());
        String runs = "handler runs: succeeded, threw (or a filter threw), skipped by their filter";
        clientCounter(registry, "slnet.handler.runs", runs, s -> s.handlers().handled(), "outcome", "handled");
        clientCounter(registry, "slnet.handler.runs", runs, s -> s.handlers().failures(), "outcome", "failed");
        clientCounter(registry, "slnet.handler.runs", runs, s -> s.handlers().filtered(), "outcome", "filtered");
        clientCounter(registry, "slnet.handler.unhandled", "dispatches no handler took",
                s -> s.handlers().unhandled());
        clientCounter(registry, "slnet.events.published", "events published to the client's subscribers",
                ClientStats::eventsPublished);
        clientCounter(registry, "slnet.events.dropped", "events dropped for subscribers that fell behind",
                ClientStats::eventsDropped);
        clientCounter(registry, "slnet.inbound.dropped", "messages dropped because a circuit's dispatch queue was full",
                ClientStats::inboundDropped);
    }

    /** Removes the meters this binder registered, from every registry it was bound to; idempotent. */
    @Override
    public void close() {
        synchronized (registered) {
            for (Registered r : registered) {
                r.registry().remove(r.meter());
            }
            registered.clear();
        }
    }

    // ---------------------------------------------------------------- meters

    private void circuitCounter(MeterRegistry registry, String name, String description, String unit,
            ToLongFunction<CircuitStats> field, String... tagPairs) {
        FunctionCounter.Builder<CircuitTotals> b = FunctionCounter.builder(name, totals, t -> t.total(field))
                .description(description).tags(tags).tags(tagPairs);
        if (unit != null) {
            b.baseUnit(unit);
        }
        remember(registry, b.register(registry));
    }

    private void clientCounter(MeterRegistry registry, String name, String description,
            ToDoubleFunction<ClientStats> value, String... tagPairs) {
        remember(registry, FunctionCounter.builder(name, stats, s -> value.applyAsDouble(s.get()))
                .description(description).tags(tags).tags(tagPairs).register(registry));
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
            ToDoubleFunction<ClientStats> value) {
        // Gauges hold this binder strongly, and through it what the function counters hold weakly.
        Gauge.Builder<ClientMetrics> b = Gauge.builder(name, this, m -> value.applyAsDouble(m.stats.get()))
                .description(description).tags(tags).strongReference(true);
        if (unit != null) {
            b.baseUnit(unit);
        }
        remember(registry, b.register(registry));
    }

    private void timeGauge(MeterRegistry registry, String name, String description,
            java.util.function.Function<ClientStats, Duration> value) {
        remember(registry, TimeGauge.builder(name, this, TimeUnit.NANOSECONDS,
                        m -> value.apply(m.stats.get()).toNanos())
                .description(description).tags(tags).strongReference(true).register(registry));
    }

    private void remember(MeterRegistry registry, Meter meter) {
        synchronized (registered) {
            registered.add(new Registered(registry, meter));
        }
    }

    private static Duration primary(ClientStats s, java.util.function.Function<CircuitStats, Duration> field) {
        return s.primaryCircuit().map(field).orElse(Duration.ZERO);
    }

    private static double sum(ClientStats s, ToDoubleFunction<CircuitStats> field) {
        double total = 0;
        for (CircuitStats c : s.circuits().values()) {
            total += field.applyAsDouble(c);
        }
        return total;
    }

    @Override
    public String toString() {
        return "ClientMetrics" + tags;
    }
}
