package slnet.transport;

import java.io.IOException;

/** Thrown by {@link DatagramTransport#send} once the transport has failed; see {@link #failure()}. */
public final class TransportFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient TransportFailure failure;

    /**
     * Creates the exception for a failure.
     *
     * @param failure why the transport failed
     */
    public TransportFailedException(TransportFailure failure) {
        super("transport failed (" + failure.kind() + "): " + failure.detail(), failure.cause());
        this.failure = failure;
    }

    /**
     * Why the transport failed.
     *
     * @return the failure
     */
    public TransportFailure failure() {
        return failure;
    }
}
