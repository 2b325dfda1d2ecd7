package slnet.circuit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Decides what a {@link CircuitHost} does with a datagram from an address it has no circuit for: a
 * simulator opens a circuit when a viewer's {@code UseCircuitCode} arrives; a viewer opens none.
 * Runs on the receive thread and must be quick.
 */
@FunctionalInterface
public interface CircuitAcceptor {
    /** Accepts nothing: every datagram from an unknown address is counted and dropped. */
    CircuitAcceptor NONE = (host, source, datagram) -> null;

    /**
     * Looks at a datagram from an unknown address and may open a circuit for it with
     * {@link CircuitHost#open}; the host then hands it the datagram.
     *
     * @param host the host, to open the circuit on
     * @param source who sent the datagram
     * @param datagram the datagram, read-only from position to limit; peek with
     *                 {@link slnet.protocol.PacketCodec#peekDescriptor}
     * @return the circuit to receive the datagram, or null to drop it
     */
    Circuit accept(CircuitHost host, InetSocketAddress source, ByteBuffer datagram);
}
