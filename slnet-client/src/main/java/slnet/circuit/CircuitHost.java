package slnet.circuit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import slnet.time.Scheduler;

/**
 * The circuits that share one transport: opens them with common settings and routes each incoming
 * datagram to the circuit of its source address. A datagram from any other address is counted and
 * dropped, which is the first line of defence against spoofed or stray packets, unless a
 * {@link CircuitAcceptor} opens a circuit for it (the simulator side, on {@code UseCircuitCode}).
 *
 * <p>Wire it to a transport's receive callback ({@code transport.start(host::onDatagram, ...)}) and
 * give it the transport's send method as its {@link DatagramSender}. Threading: {@code onDatagram}
 * runs on the transport's receive thread; {@link #open}, {@link #circuit} and {@link #close} are safe
 * from any thread. Closing the host closes its circuits, not the transport.
 */
public final class CircuitHost implements AutoCloseable {
    private final DatagramSender sender;
    private final Scheduler scheduler;
    private final CircuitConfig config;
    private final Executor eventExecutor;
    private final ConcurrentHashMap<InetSocketAddress, Circuit> circuits = new ConcurrentHashMap<>();
    private final LongAdder unknownSource = new LongAdder();
    private volatile CircuitAcceptor acceptor = CircuitAcceptor.NONE;
    private volatile boolean closed;

    /**
     * Creates a host whose circuits post events on virtual threads.
     *
     * @param sender where every circuit's datagrams go
     * @param scheduler the circuits' timer and clock
     * @param config the circuits' configuration
     */
    public CircuitHost(DatagramSender sender, Scheduler scheduler, CircuitConfig config) {
        this(sender, scheduler, config, null);
    }

    /**
     * Creates a host.
     *
     * @param sender where every circuit's datagrams go
     * @param scheduler the circuits' timer and clock
     * @param config the circuits' configuration
     * @param eventExecutor where listeners run, or null for the default (virtual threads)
     */
    public CircuitHost(DatagramSender sender, Scheduler scheduler, CircuitConfig config, Executor eventExecutor) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.eventExecutor = eventExecutor;
    }

    /**
     * Sets who decides about datagrams from unknown addresses; by default they are dropped.
     *
     * @param value the acceptor
     */
    public void acceptor(CircuitAcceptor value) {
        acceptor = java.util.Objects.requireNonNull(value, "acceptor");
    }

    /**
     * Opens a circuit to a peer.
     *
     * @param remote the peer's address
     * @param sink who gets its messages
     * @param listener who gets its events
     * @return the circuit, removed from this host when it closes
     * @throws IllegalStateException if a circuit to that address is open, or the host is closed
     */
    public Circuit open(InetSocketAddress remote, MessageSink sink, CircuitListener listener) {
        if (closed) {
            throw new IllegalStateException("circuit host is closed");
        }
        Circuit[] created = new Circuit[1];
        circuits.compute(remote, (address, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("a circuit to " + address + " is already open");
            }
            Circuit.Builder builder = Circuit.builder(address, sender, scheduler).config(config).sink(sink)
                    .listener(listener);
            if (eventExecutor != null) {
                builder.eventExecutor(eventExecutor);
            }
            created[0] = builder.onClosed(() -> circuits.remove(address, created[0])).open();
            return created[0];
        });
        if (closed) {
            created[0].close();
            throw new IllegalStateException("circuit host is closed");
        }
        return created[0];
    }

    /**
     * Finds the open circuit to an address.
     *
     * @param remote the address
     * @return the circuit, or null
     */
    public Circuit circuit(InetSocketAddress remote) {
        return circuits.get(remote);
    }

    /**
     * Returns the open circuits, a snapshot.
     *
     * @return the open circuits, a snapshot
     */
    public Collection<Circuit> circuits() {
        return List.copyOf(circuits.values());
    }

    /**
     * Routes one datagram to the circuit of its source, or counts and drops it. Matches the
     * transport's {@code DatagramHandler} so {@code host::onDatagram} can be passed to it.
     *
     * @param datagram the bytes, from position to limit; not kept
     * @param source who sent it
     */
    public void onDatagram(ByteBuffer datagram, InetSocketAddress source) {
        Circuit circuit = circuits.get(source);
        if (circuit == null) {
            circuit = accept(source, datagram);
            if (circuit == null) {
                return;
            }
        }
        circuit.onDatagram(datagram);
    }

    private Circuit accept(InetSocketAddress source, ByteBuffer datagram) {
        Circuit circuit = null;
        if (!closed) {
            try {
                circuit = acceptor.accept(this, source, datagram.asReadOnlyBuffer());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CircuitHost.class).warn("circuit acceptor failed on a datagram from {}",
                        source, e);
            }
        }
        if (circuit == null || !circuit.remoteAddress().equals(source)) {
            unknownSource.increment();
            return null;
        }
        return circuit;
    }

    /**
     * Routes one datagram to the circuit of its source, or counts and drops it.
     *
     * @param datagram the bytes; not kept
     * @param offset the first byte
     * @param length how many bytes
     * @param source who sent it
     */
    public void onDatagram(byte[] datagram, int offset, int length, InetSocketAddress source) {
        Circuit circuit = circuits.get(source);
        if (circuit == null) {
            circuit = accept(source, ByteBuffer.wrap(datagram, offset, length));
            if (circuit == null) {
                return;
            }
        }
        circuit.onDatagram(datagram, offset, length);
    }

    /**
     * Returns datagrams dropped because no circuit matched their source and none was accepted.
     *
     * @return datagrams dropped because no circuit matched their source and none was accepted
     */
    public long unknownSourceDropped() {
        return unknownSource.sum();
    }

    /** Closes every circuit; idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Circuit circuit : circuits.values()) {
            circuit.close();
        }
    }
}
