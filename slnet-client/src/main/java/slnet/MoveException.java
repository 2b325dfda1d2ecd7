package slnet;

/**
 * Why a {@link Movement#moveTo} or {@link Movement#sitOn} did not get there.
 */
public final class MoveException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The target was not reached, or the seat not taken, in time. */
        TIMEOUT,
        /** Another move, a stop, or the caller cancelled it. */
        CANCELLED,
        /** The client is not in a region. */
        NOT_CONNECTED,
        /** The simulator refused (for a seat: no such object, or no room on it). */
        REFUSED
    }

    /** Why it failed. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason what went wrong
     * @param message details for people
     */
    public MoveException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /**
     * What went wrong.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
