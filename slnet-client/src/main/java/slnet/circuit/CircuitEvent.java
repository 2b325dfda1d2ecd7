package slnet.circuit;

import java.time.Duration;
import slnet.protocol.PacketDecodeException;

/** Something that happened to a circuit. Past-tense names; immutable. */
public sealed interface CircuitEvent {
    /**
     * Returns the circuit it happened to.
     *
     * @return the circuit it happened to
     */
    Circuit circuit();

    /**
     * A reliable packet was sent and resent as often as allowed without being acked; its future
     * failed with {@link CircuitException.Reason#RESENDS_EXHAUSTED}.
     *
     * @param circuit the circuit
     * @param messageName the message the packet carried
     * @param sequence its sequence number
     * @param transmissions how many times it was sent in all
     */
    record PacketLost(Circuit circuit, String messageName, int sequence, int transmissions) implements CircuitEvent {
    }

    /**
     * A datagram from the peer did not decode and was dropped without being acked (as the official
     * viewer does, so a reliable one comes again until the peer gives up). Posted for the 1st, 2nd,
     * 4th, 8th... rejection of the same message on the circuit, so that it says how often without
     * one event per resend; {@link CircuitStats#malformedDropped()} counts every one.
     *
     * @param circuit the circuit
     * @param messageName the message its header names, or {@code "?"} when it names none
     * @param reason why it did not decode
     * @param detail what exactly was wrong, with the byte offset
     * @param count how many datagrams of this message the circuit has rejected so far
     */
    record PacketRejected(Circuit circuit, String messageName, PacketDecodeException.Reason reason, String detail,
                          long count) implements CircuitEvent {
    }

    /**
     * Nothing arrived from the peer for longer than the configured timeout; the circuit closes.
     *
     * @param circuit the circuit
     * @param silence how long nothing arrived
     */
    record CircuitTimedOut(Circuit circuit, Duration silence) implements CircuitEvent {
    }

    /**
     * The circuit closed; always its last event.
     *
     * @param circuit the circuit
     * @param reason why: {@link CircuitException.Reason#CLOSED} for {@link Circuit#close()},
     *               {@link CircuitException.Reason#TIMED_OUT} after {@link CircuitTimedOut}
     */
    record CircuitClosed(Circuit circuit, CircuitException.Reason reason) implements CircuitEvent {
    }
}
