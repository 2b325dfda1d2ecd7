package slnet.network;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a client's connection, named in the past tense and stamped with when
 * it happened. Published by a {@link NetworkEventBus}.
 *
 * <p>The interface is sealed so a {@code switch} over the core events is checked by the compiler.
 * Later layers add their own events by implementing the non-sealed {@link ExtensionEvent} (for
 * example a teleport or a region crossing); a {@code switch} then needs one
 * {@code case ExtensionEvent e} arm for all of them, and nothing here has to change.
 */
public sealed interface NetworkEvent {

    /**
     * Returns when the event happened, by the clock of whoever published it.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The client's {@link NetworkStatus} changed.
     *
     * @param from the status left
     * @param to the status entered
     * @param at when
     */
    record StatusChanged(NetworkStatus from, NetworkStatus to, Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public StatusChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The client logged in and reached its first region.
     *
     * @param session who and where
     * @param at when
     */
    record Connected(SessionSummary session, Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public Connected {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A circuit to a simulator completed its handshake.
     *
     * @param simulator the simulator's UDP address
     * @param at when
     */
    record CircuitConnected(InetSocketAddress simulator, Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public CircuitConnected {
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A circuit to a simulator was lost (timed out, closed by the simulator, or failed).
     *
     * @param simulator the simulator's UDP address
     * @param reason why, for people and logs
     * @param at when
     */
    record CircuitLost(InetSocketAddress simulator, String reason, Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public CircuitLost {
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The client is no longer connected: logged out, kicked, or the session was lost for good.
     *
     * @param reason why, for people and logs
     * @param at when
     */
    record Disconnected(String reason, Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public Disconnected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A simulator sent a datagram that did not decode even as the official viewer reads, and it was
     * dropped un-acked (a reliable one will come again, and be rejected again). Published for the 1st,
     * 2nd, 4th, 8th... rejection of the same message on a circuit, so {@code count} says how often
     * without an event per resend; the circuit's statistics count every one.
     *
     * @param simulator the simulator's UDP address
     * @param messageName the message its header names, or {@code "?"} when it names none
     * @param reason why it did not decode ({@link slnet.protocol.PacketDecodeException.Reason}'s name)
     * @param detail what exactly was wrong, with the byte offset
     * @param count how many datagrams of this message the circuit has rejected so far
     * @param at when
     */
    record PacketRejected(InetSocketAddress simulator, String messageName, String reason, String detail, long count,
                          Instant at) implements NetworkEvent {
        /** Checks that nothing is null. */
        public PacketRejected {
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(messageName, "messageName");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Something failed that the client reports but survives (or that led to a
     * {@link Disconnected}, published separately). Named so it does not clash with
     * {@link java.lang.Error}.
     *
     * @param description what failed, for people and logs; never holds secrets
     * @param cause the exception, or null if there was none
     * @param at when
     */
    record ErrorOccurred(String description, Throwable cause, Instant at) implements NetworkEvent {
        /** Checks that the description and instant are present. */
        public ErrorOccurred {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The branch for events defined by later layers; implement it with a record of past-tense
     * name.
     */
    non-sealed interface ExtensionEvent extends NetworkEvent {
    }
}
