package slnet.circuit;

/**
 * Receives the messages of a circuit, once each, on the thread that fed the circuit its datagrams
 * (the transport's receive thread). It must not block: hand work off if it is slow. An exception it
 * throws is logged and counted, and does not stop the circuit.
 *
 * <p>Circuit housekeeping messages ({@code PacketAck}, {@code StartPingCheck},
 * {@code CompletePingCheck}) are consumed by the circuit and not delivered.
 */
@FunctionalInterface
public interface MessageSink {
    /**
     * Takes one message.
     *
     * @param message the message with its circuit, sequence and flags
     */
    void onMessage(InboundMessage message);
}
