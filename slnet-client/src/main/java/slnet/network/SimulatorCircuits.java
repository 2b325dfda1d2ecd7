package slnet.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import slnet.circuit.Circuit;
import slnet.internal.log.LogContext;
import slnet.circuit.CircuitEvent;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitStats;
import slnet.circuit.DatagramSender;
import slnet.circuit.InboundMessage;
import slnet.circuit.TransportDatagramSender;
import slnet.time.Scheduler;
import slnet.transport.DatagramTransport;
import slnet.transport.TransportFailure;
import slnet.transport.TransportListener;

/**
 * A network manager's circuits to simulators, by address, over its one transport: opened lazily on
 * the first circuit and kept until {@link #close()}. Each circuit comes with an {@link InboundQueue}
 * (its dispatch thread) and a {@link RegionState}. Thread-safe.
 */
final class SimulatorCircuits implements AutoCloseable {
    private static final long JOIN_MILLIS = 1000;

    private final NetworkConfig config;
    private final Scheduler scheduler;
    private final LogContext logContext;
    private final PacketTracer tracer;
    private final DatagramTapCalls datagramTap;
    private final Object contextClient;
    private final Consumer<TransportFailure> onTransportFailure;
    private final BiConsumer<CircuitLink, InboundMessage> onInbound;
    private final BiConsumer<CircuitLink, CircuitEvent> onEvent;
    private final MessagesDroppedListener onDropped;

    /** Told of messages a circuit's full dispatch queue dropped, coalesced (see {@link InboundQueue}). */
    interface MessagesDroppedListener {
        /**
         * @param simulator the circuit's simulator
         * @param firstMessageName the first message dropped since the previous call for it
         * @param count how many that circuit dropped in all
         */
        void dropped(InetSocketAddress simulator, String firstMessageName, long count);
    }
    private final ConcurrentHashMap<InetSocketAddress, CircuitLink> links = new ConcurrentHashMap<>();
    private final LongAdder inboundDroppedClosed = new LongAdder();
    // Guarded by this.
    private DatagramTransport transport;
    private CircuitHost host;
    private boolean closed;

    /**
     * @param config transport factory, circuit settings, queue bound, packet and datagram taps
     * @param scheduler the circuits' timers
     * @param logContext names the agent in the MDC of the receive thread while it works for this client
     * @param contextClient what handler contexts carry as the client
     * @param onTransportFailure told if the transport fails
     * @param onInbound each message, on its circuit's dispatch thread
     * @param onEvent each circuit event, on the circuit's event executor
     * @param onDropped told of messages dropped by a full dispatch queue, on the receive thread
     */
    SimulatorCircuits(NetworkConfig config, Scheduler scheduler, LogContext logContext, Object contextClient,
                      Consumer<TransportFailure> onTransportFailure, BiConsumer<CircuitLink, InboundMessage> onInbound,
                      BiConsumer<CircuitLink, CircuitEvent> onEvent, MessagesDroppedListener onDropped) {
        this.config = config;
        this.scheduler = scheduler;
        this.logContext = logContext;
        this.tracer = config.packetTap() == null ? null : new PacketTracer(config.packetTap());
        this.datagramTap = config.datagramTap() == null ? null : new DatagramTapCalls(config.datagramTap());
        this.contextClient = contextClient;
        this.onTransportFailure = onTransportFailure;
        this.onInbound = onInbound;
        this.onEvent = onEvent;
        this.onDropped = onDropped;
    }

    private synchronized CircuitHost host() throws IOException {
        if (closed) {
            throw new IllegalStateException("network manager is closed");
        }
        if (host == null) {
            DatagramTransport opened = config.transportFactory().open();
            DatagramSender sender = new TransportDatagramSender(opened);
            if (tracer != null) {
                sender = tracer.wrap(sender);
            }
            if (datagramTap != null) {
                sender = datagramTap.wrap(sender);
            }
            CircuitHost created = new CircuitHost(sender, scheduler, config.circuitConfig());
            PacketTracer t = tracer;
            DatagramTapCalls d = datagramTap;
            LogContext log = logContext;
            opened.start((datagram, source) -> {
                String before = log.enter();
                try {
                    if (t != null) {
                        t.inbound(datagram, source);
                    }
                    if (d != null) {
                        d.inbound(datagram, source);
                    }
                    created.onDatagram(datagram, source);
                } finally {
                    LogContext.exit(before);
                }
            }, new TransportListener() {
                @Override
                public void onFailed(TransportFailure failure) {
                    onTransportFailure.accept(failure);
                }
            });
            transport = opened;
            host = created;
        }
        return host;
    }

    /**
     * Opens a circuit, and the transport first if needed.
     *
     * @param simulator the simulator's address
     * @param regionHandle the region's handle as far as known
     * @return the circuit with its queue and region view
     * @throws IOException if the transport could not be opened
     * @throws IllegalStateException if closed, or a circuit to that address is open
     */
    CircuitLink open(InetSocketAddress simulator, long regionHandle) throws IOException {
        CircuitHost h = host();
        CircuitLink[] self = new CircuitLink[1];
        InboundQueue queue = new InboundQueue(InboundQueue.DISPATCH_PREFIX + simulator.getHostString() + ":" + simulator.getPort(),
                config.inboundQueueCapacity(), message -> {
                    if (self[0] != null) {
                        onInbound.accept(self[0], message);
                    }
                }, (first, count) -> onDropped.dropped(simulator, first, count), scheduler::nanoTime);
        Circuit circuit;
        try {
            circuit = h.open(simulator, queue, event -> {
                if (self[0] != null) {
                    onEvent.accept(self[0], event);
                }
            });
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        self[0] = new CircuitLink(circuit, queue, new RegionState(simulator, regionHandle), contextClient);
        links.put(simulator, self[0]);
        return self[0];
    }

    /** @return the open circuit to that address, if any */
    Optional<CircuitLink> get(InetSocketAddress simulator) {
        return Optional.ofNullable(links.get(simulator));
    }

    /** @return true if the link is the open circuit to its address (not closed on purpose) */
    boolean isOpen(CircuitLink link) {
        return links.get(link.remoteAddress()) == link;
    }

    /** Told of each circuit closed, after it closed; set once by the manager. */
    private volatile Consumer<CircuitLink> onClosed = link -> { };

    void onClosed(Consumer<CircuitLink> listener) {
        onClosed = listener;
    }

    /** Closes one circuit; idempotent. */
    void close(CircuitLink link) {
        boolean removed = links.remove(link.remoteAddress(), link);
        if (removed) {
            inboundDroppedClosed.add(link.inbound.dropped());
        }
        link.close();
        if (removed) {
            onClosed.accept(link);
        }
    }

    /** Closes every circuit, keeping the transport. */
    void closeAll() {
        for (CircuitLink link : links.values()) {
            close(link);
        }
    }

    /** @return each open circuit's counters, by address */
    Map<InetSocketAddress, CircuitStats> stats() {
        Map<InetSocketAddress, CircuitStats> stats = new LinkedHashMap<>();
        links.forEach((address, link) -> stats.put(address, link.circuit.stats()));
        return Map.copyOf(stats);
    }

    /** @return messages dropped by full dispatch queues, closed circuits included */
    long inboundDropped() {
        long sum = inboundDroppedClosed.sum();
        for (CircuitLink link : links.values()) {
            sum += link.inbound.dropped();
        }
        return sum;
    }

    /** @return how many circuits are open */
    int size() {
        return links.size();
    }

    /** @return the transport's local address while it is open */
    synchronized Optional<InetSocketAddress> localAddress() {
        return transport == null || closed ? Optional.empty() : Optional.of(transport.localAddress());
    }

    /** Closes every circuit (waiting briefly for their dispatch threads), the host and the transport; idempotent. */
    @Override
    public void close() {
        DatagramTransport t;
        CircuitHost h;
        synchronized (this) {
            closed = true;
            t = transport;
            h = host;
        }
        for (CircuitLink link : links.values()) {
            close(link);
            link.inbound.join(JOIN_MILLIS);
        }
        if (h != null) {
            h.close();
        }
        if (t != null) {
            t.close();
        }
    }
}
