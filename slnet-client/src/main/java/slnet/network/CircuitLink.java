package slnet.network;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import slnet.circuit.Circuit;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.MessagePath;
import slnet.protocol.Message;

/**
 * One open circuit with what the manager keeps beside it: its inbound queue, the region at its
 * other end, and the handler context passed with each of its messages (one per circuit, so dispatch
 * allocates none). Thread-safe.
 */
final class CircuitLink implements CircuitView, Handshake.Link {
    final Circuit circuit;
    final InboundQueue inbound;
    final RegionState region;
    final HandlerContext context;
    /** The handshake running on this circuit, which sees its messages; null for none. */
    volatile Handshake handshake;
    /** Completed by the next AgentMovementComplete for the agent, when a move into this region waits for it. */
    final java.util.concurrent.atomic.AtomicReference<CompletableFuture<slnet.protocol.messages.AgentMovementComplete>>
            arrival = new java.util.concurrent.atomic.AtomicReference<>();

    CircuitLink(Circuit circuit, InboundQueue inbound, RegionState region, Object client) {
        this.circuit = circuit;
        this.inbound = inbound;
        this.region = region;
        this.context = new HandlerContext(client, this, region, MessagePath.UDP);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return circuit.remoteAddress();
    }

    @Override
    public boolean isOpen() {
        return circuit.isOpen();
    }

    @Override
    public void send(Message message, boolean reliable) {
        if (reliable) {
            circuit.sendReliable(message);
        } else {
            circuit.send(message);
        }
    }

    @Override
    public CompletableFuture<Void> sendReliable(Message message) {
        return circuit.sendReliable(message);
    }

    /** Closes the circuit and stops its dispatch thread; idempotent. */
    void close() {
        circuit.close();
        inbound.close();
    }
}
