package slnet.caps;

import java.util.Objects;

/**
 * A capability call that failed: the server answered with an error status, did not answer in
 * time, answered with something that is not LLSD, or answered with more than the client accepts.
 *
 * <p>Messages name the capability by its redacted URI only (see {@link CapabilityUris#redact}).
 */
public final class CapabilityException extends Exception {

    /** Why a call failed. */
    public enum Kind {
        /** The server answered with a status outside 2xx; see {@link #status()}. */
        HTTP_STATUS,
        /** No complete answer within the request timeout. */
        TIMEOUT,
        /** The body is not LLSD in the format the content type names, or is over the LLSD limits. */
        MALFORMED,
        /** The body is longer than the client's response size limit. */
        TOO_LARGE,
        /** The connection failed or was dropped before a complete answer. */
        IO
    }

    /** What kind of failure. */
    private final Kind kind;
    /** The HTTP status, or 0. */
    private final int status;

    /**
     * Creates an exception.
     *
     * @param kind why the call failed
     * @param status the HTTP status, or 0 when there was no complete answer
     * @param message the reason, naming the capability by its redacted URI
     * @param cause the underlying failure, or null
     */
    public CapabilityException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
    }

    /**
     * Returns why the call failed.
     *
     * @return why the call failed
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the HTTP status for {@link Kind#HTTP_STATUS} (and for malformed or too large bodies), else 0.
     *
     * @return the HTTP status for {@link Kind#HTTP_STATUS} (and for malformed or too large bodies), else 0
     */
    public int status() {
        return status;
    }
}
