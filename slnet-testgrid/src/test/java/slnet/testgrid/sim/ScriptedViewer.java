package slnet.testgrid.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitEvent;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitRole;
import slnet.circuit.TransportDatagramSender;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.messages.RegionHandshakeReply;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.time.ExecutorScheduler;
import slnet.transport.UdpTransport;

/**
 * A minimal viewer scripted step by step on the real circuit layer (CLIENT role), recording all it
 * receives. Not the client library's network manager: just enough to drive a simulator.
 */
final class ScriptedViewer implements AutoCloseable {
    final UUID agentId;
    final UUID sessionId;
    final int circuitCode;
    final Circuit circuit;
    private final UdpTransport transport;
    private final ExecutorScheduler scheduler;
    private final CircuitHost host;
    private final List<Message> received = new ArrayList<>();
    private final Set<Message> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<CircuitEvent> events = new CopyOnWriteArrayList<>();

    ScriptedViewer(InetSocketAddress simulator, UUID agentId, UUID sessionId, int circuitCode, CircuitConfig config)
            throws IOException {
        this.agentId = agentId;
        this.sessionId = sessionId;
        this.circuitCode = circuitCode;
        transport = UdpTransport.open();
        scheduler = new ExecutorScheduler("slnet-test-viewer-timer");
        host = new CircuitHost(new TransportDatagramSender(transport), scheduler,
                config.toBuilder().role(CircuitRole.CLIENT).build());
        circuit = host.open(simulator, inbound -> record(inbound.message()), events::add);
        transport.start(host::onDatagram);
    }

    private synchronized void record(Message message) {
        received.add(message);
        notifyAll();
    }

    CompletableFuture<Void> useCircuitCode() {
        return circuit.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(circuitCode, sessionId, agentId)));
    }

    /** The viewer's side of the handshake, in the official order; returns AgentMovementComplete. */
    AgentMovementComplete handshake(Duration timeout) throws Exception {
        useCircuitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        await(RegionHandshake.class, timeout);
        return completeMovement(timeout);
    }

    /** The handshake after RegionHandshake arrived; returns AgentMovementComplete. */
    AgentMovementComplete completeMovement(Duration timeout) throws Exception {
        circuit.sendReliable(new RegionHandshakeReply(new RegionHandshakeReply.AgentData(agentId, sessionId),
                new RegionHandshakeReply.RegionInfo(0)));
        circuit.sendReliable(new CompleteAgentMovement(
                new CompleteAgentMovement.AgentData(agentId, sessionId, circuitCode)));
        return await(AgentMovementComplete.class, timeout);
    }

    CompletableFuture<Void> chat(String text, int type) {
        return circuit.sendReliable(new ChatFromViewer(new ChatFromViewer.AgentData(agentId, sessionId),
                new ChatFromViewer.ChatData(Bytes.ofString(text), type, 0)));
    }

    CompletableFuture<Void> instantMessage(UUID to, String text) {
        var block = new ImprovedInstantMessage.MessageBlock(false, to, 0, new UUID(0, 0), Vector3.ZERO, 0, 0,
                UUID.randomUUID(), 0, Bytes.ofString("ignored"), Bytes.ofString(text), Bytes.EMPTY);
        return circuit.sendReliable(new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(agentId, sessionId),
                block, new ImprovedInstantMessage.EstateBlock(0), List.of()));
    }

    CompletableFuture<Void> logout() {
        return circuit.sendReliable(new LogoutRequest(new LogoutRequest.AgentData(agentId, sessionId)));
    }

    /** Waits for the first message of a type not returned by an earlier call, and returns it. */
    synchronized <T extends Message> T await(Class<T> type, Duration timeout) throws TimeoutException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Message m : received) {
                if (type.isInstance(m) && taken.add(m)) {
                    return type.cast(m);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + type.getSimpleName() + " within " + timeout + "; got " + names());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized <T extends Message> List<T> all(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized List<String> names() {
        return received.stream().map(m -> m.descriptor().name()).toList();
    }

    /** Waits for an event of a type. */
    <E extends CircuitEvent> E awaitEvent(Class<E> type, Duration timeout) throws TimeoutException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (CircuitEvent e : events) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
            }
            Thread.sleep(10);
        }
        throw new TimeoutException("no " + type.getSimpleName() + " within " + timeout + "; got " + events);
    }

    int localPort() {
        return transport.localAddress().getPort();
    }

    @Override
    public void close() {
        host.close();
        transport.close();
        scheduler.close();
    }
}
