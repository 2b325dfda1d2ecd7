package slnet.circuit;

/**
 * Why a send on a circuit failed; futures returned by {@link Circuit} fail with it. The message
 * names the circuit and, where there is one, the message and sequence number.
 */
public final class CircuitException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Reason {
        /** The message does not fit the MTU (or a field does not fit its wire type). */
        ENCODE_FAILED,
        /** The reliable packet was resent as often as allowed and never acked. */
        RESENDS_EXHAUSTED,
        /** The outgoing queue was full. */
        QUEUE_FULL,
        /** The transport failed to send an unreliable packet. */
        SEND_FAILED,
        /** The circuit was closed before the packet was sent or acked. */
        CLOSED,
        /** The circuit timed out (nothing arrived for too long) before the packet was acked. */
        TIMED_OUT
    }

    /** The kind of failure. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the kind of failure
     * @param detail what failed, naming the circuit
     * @param cause the underlying exception, or null
     */
    public CircuitException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    /**
     * Returns the kind of failure.
     *
     * @return the kind of failure
     */
    public Reason reason() {
        return reason;
    }
}
