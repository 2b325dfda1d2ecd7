package slnet.handler;

import java.net.InetSocketAddress;
import slnet.protocol.Message;

/**
 * What a handler may see and do of the circuit a message came from. The circuit layer (or the
 * network manager, adapting a circuit) implements it; handlers only use it.
 *
 * <p>Implementations must be thread-safe: a handler may keep the view and use it later from
 * another thread, e.g. when an asynchronous handler completes.
 */
public interface CircuitView {

    /**
     * Returns the simulator's UDP address, which identifies the circuit.
     *
     * @return the remote address
     */
    InetSocketAddress remoteAddress();

    /**
     * Queues a message for sending on this circuit; never blocks on the network. If the circuit is
     * closed the message is dropped and the circuit counts it.
     *
     * @param message the message
     * @param reliable whether to send it reliably (acknowledged and resent)
     */
    void send(Message message, boolean reliable);

    /**
     * Tells whether the circuit is still open; state kept per circuit is dropped once it is not.
     *
     * @return false once closed; true for views that cannot tell
     */
    default boolean isOpen() {
        return true;
    }
}
