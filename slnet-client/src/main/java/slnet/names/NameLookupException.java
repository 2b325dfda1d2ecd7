package slnet.names;

import java.util.Objects;
import java.util.UUID;

/** A name could not be found: the futures of {@link Names} fail with it. */
public final class NameLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a lookup failed. */
    public enum Kind {
        /** No answer came within the lookup timeout. */
        TIMEOUT,
        /** The client had no circuit (or region) to ask on when the batch went out. */
        NOT_CONNECTED,
        /** The simulator or the capability said it does not know the id. */
        UNKNOWN_ID,
        /** The capability call failed (HTTP status, I/O, malformed answer). */
        FAILED,
        /** The names service was closed before an answer came. */
        CLOSED
    }

    /** What kind of failure. */
    private final Kind kind;
    private final transient UUID id;

    /**
     * Sets why.
     *
     * @param kind why
     * @param id the id that was looked up
     * @param message for people and logs
     * @param cause the underlying failure, or null
     */
    public NameLookupException(Kind kind, UUID id, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = id;
    }

    /**
     * Returns why.
     *
     * @return why
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the id that was looked up.
     *
     * @return the id that was looked up
     */
    public UUID id() {
        return id;
    }
}
