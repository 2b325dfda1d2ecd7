package slnet.testgrid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import slnet.caps.CapabilityClient;
import slnet.caps.CapabilityNames;
import slnet.caps.EventQueueClient;
import slnet.caps.EventQueueEvent;
import slnet.caps.EventQueueSink;
import slnet.caps.ExponentialBackoff;
import slnet.caps.RegionCapabilities;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitRole;
import slnet.circuit.TransportDatagramSender;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.protocol.Message;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.RegionHandshakeReply;
import slnet.protocol.messages.UseCircuitCode;
import slnet.time.ExecutorScheduler;
import slnet.transport.UdpTransport;

/**
 * A viewer scripted step by step for multi-region tests: logs in over the real login service, opens
 * circuits to any number of simulators from one UDP socket (CLIENT role), and polls event queues
 * with the real capability client. Every message it receives, over UDP or an event queue, goes into
 * one log in arrival order, tagged with the path ({@code udp:<region>} or {@code eq:<region>}).
 * Not the client library's network manager.
 */
final class GridViewer implements AutoCloseable {
    /** One thing received. */
    record Got(String from, String name, Message message, EventQueueEvent event) {
    }

    final SessionInfo session;
    private final TestGrid grid;
    private final UdpTransport transport;
    private final ExecutorScheduler scheduler;
    private final CircuitHost host;
    private final CapabilityClient caps;
    private final Map<String, EventQueueClient> queues = new ConcurrentHashMap<>();
    final Map<String, CompletableFuture<EventQueueSink.StopReason>> queueStops = new ConcurrentHashMap<>();
    private final List<Got> log = new ArrayList<>();

    private GridViewer(TestGrid grid, SessionInfo session) throws IOException {
        this.grid = grid;
        this.session = session;
        transport = UdpTransport.open();
        scheduler = new ExecutorScheduler("slnet-test-viewer-timer");
        host = new CircuitHost(new TransportDatagramSender(transport), scheduler,
                CircuitConfig.defaults().toBuilder().role(CircuitRole.CLIENT).build());
        transport.start(host::onDatagram);
        caps = CapabilityClient.builder().requestTimeout(Duration.ofSeconds(5)).build();
    }

    static GridViewer login(TestGrid grid, TestAccount account) throws Exception {
        try (AuthenticationService auth = AuthenticationService.builder().requestTimeout(Duration.ofSeconds(5))
                .build()) {
            SessionInfo s = auth.login(LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                    .withGrid(Grid.custom(grid.loginUri())));
            return new GridViewer(grid, s);
        }
    }

    private String regionAt(InetSocketAddress sim) {
        return grid.simulators().stream().filter(s -> s.address().equals(sim)).map(s -> s.region().name())
                .findFirst().orElse(sim.toString());
    }

    private synchronized void record(Got got) {
        log.add(got);
        notifyAll();
    }

    /** Opens a circuit and sends UseCircuitCode (the same code on every region). */
    Circuit connect(InetSocketAddress sim) {
        String from = "udp:" + regionAt(sim);
        Circuit c = host.open(sim, in -> record(new Got(from, in.message().descriptor().name(), in.message(), null)),
                event -> { });
        c.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(session.circuitCode(), session.sessionId(),
                session.agentId())));
        return c;
    }

    /** RegionHandshakeReply and CompleteAgentMovement, as the viewer sends them to make a region its root. */
    void completeMovement(InetSocketAddress sim) {
        Circuit c = circuit(sim);
        c.sendReliable(new RegionHandshakeReply(new RegionHandshakeReply.AgentData(session.agentId(),
                session.sessionId()), new RegionHandshakeReply.RegionInfo(0)));
        c.sendReliable(new CompleteAgentMovement(new CompleteAgentMovement.AgentData(session.agentId(),
                session.sessionId(), session.circuitCode())));
    }

    Circuit circuit(InetSocketAddress sim) {
        Circuit c = host.circuit(sim);
        if (c == null) {
            throw new IllegalStateException("no circuit to " + sim);
        }
        return c;
    }

    CompletableFuture<Void> send(InetSocketAddress sim, Message message) {
        return circuit(sim).sendReliable(message);
    }

    /** Closes the circuit to a simulator, as the viewer does on DisableSimulator or a far teleport. */
    void disconnect(InetSocketAddress sim) {
        Circuit c = host.circuit(sim);
        if (c != null) {
            c.close();
        }
    }

    /** Asks a seed for EventQueueGet (and a few more) and starts polling it. */
    RegionCapabilities startEventQueue(String region, URI seed) throws Exception {
        RegionCapabilities granted = caps.requestSeed(seed, List.of(CapabilityNames.EVENT_QUEUE_GET,
                "SimulatorFeatures", "GetDisplayNames"));
        String from = "eq:" + region;
        CompletableFuture<EventQueueSink.StopReason> stopped = new CompletableFuture<>();
        queueStops.put(region, stopped);
        EventQueueClient queue = EventQueueClient.builder(caps, granted, new EventQueueSink() {
            @Override
            public void onEvent(EventQueueEvent event) {
                Message m = event instanceof EventQueueEvent.TypedEvent t ? t.message() : null;
                record(new Got(from, event.name(), m, event));
            }

            @Override
            public void onStopped(StopReason reason) {
                stopped.complete(reason);
            }
        }).name(region).pollTimeout(Duration.ofSeconds(5)).doneTimeout(Duration.ofSeconds(2))
                .rapidEmptyPoll(Duration.ZERO)
                .backoff(new ExponentialBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0,
                        new SplittableRandom(1)))
                .start();
        EventQueueClient old = queues.put(region, queue);
        if (old != null) {
            old.close();
        }
        return granted;
    }

    EventQueueClient eventQueue(String region) {
        return queues.get(region);
    }

    /** Waits for the first thing from a path with a name (and matching a test) after {@code skip} such. */
    synchronized Got await(String from, String name, Predicate<Got> test, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Got g : log) {
                if (g.from().equals(from) && g.name().equals(name) && test.test(g)) {
                    return g;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + name + " from " + from + " within " + timeout + "; got " + log);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for the n-th (1-based) thing with a name from a path. */
    synchronized Got awaitNth(String from, String name, int n, Duration timeout) throws TimeoutException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Got> matching = log.stream().filter(g -> g.from().equals(from) && g.name().equals(name)).toList();
            if (matching.size() >= n) {
                return matching.get(n - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + name + " #" + n + " from " + from + " within " + timeout + "; got "
                        + log);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    Got await(String from, String name, Duration timeout) throws TimeoutException, InterruptedException {
        return await(from, name, g -> true, timeout);
    }

    <T extends Message> T awaitMessage(String from, Class<T> type, Duration timeout) throws Exception {
        String name = ((slnet.protocol.MessageDescriptor) type.getField("DESCRIPTOR").get(null)).name();
        return type.cast(await(from, name, timeout).message());
    }

    /** @return everything received so far, in order, as "path name" */
    synchronized List<String> trace() {
        return log.stream().map(g -> g.from() + " " + g.name()).toList();
    }

    synchronized int indexOf(String from, String name) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).from().equals(from) && log.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the names received on one path, in order */
    synchronized List<String> names(String from) {
        return log.stream().filter(g -> g.from().equals(from)).map(Got::name).toList();
    }

    @Override
    public void close() {
        queues.values().forEach(EventQueueClient::close);
        caps.close();
        host.close();
        transport.close();
        scheduler.close();
    }
}
