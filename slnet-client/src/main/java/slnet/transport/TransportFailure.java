package slnet.transport;

import java.util.Objects;

/**
 * Why a transport failed, as told to {@link TransportListener#onFailed}.
 *
 * @param kind   what broke
 * @param detail a human-readable explanation, never containing credentials
 * @param cause  the underlying exception, or {@code null} when there is none (e.g. an orderly EOF)
 */
public record TransportFailure(Kind kind, String detail, Throwable cause) {

    /** What broke. */
    public enum Kind {
        /** The UDP socket stopped working (it was closed under us, or kept failing). */
        SOCKET_FAILED,
        /**
         * The TCP control connection to the SOCKS5 proxy ended (EOF, reset, or unexpected data);
         * the proxy has dropped the UDP association with it.
         */
        PROXY_CONNECTION_LOST
    }

    /** Validates the fields. */
    public TransportFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * An exception for a send attempted after this failure.
     *
     * @return a new exception naming this failure
     */
    TransportFailedException toException() {
        return new TransportFailedException(this);
    }
}
