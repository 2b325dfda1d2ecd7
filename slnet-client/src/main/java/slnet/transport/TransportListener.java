package slnet.transport;

/**
 * Hears about a transport's lifecycle. All methods have empty defaults.
 *
 * <p>{@link #onFailed} is called at most once, on the thread that noticed the failure (the
 * receive thread, or a SOCKS5 transport's control-connection watcher). {@link #onClosed} is called
 * exactly once, on the thread that called {@link DatagramTransport#close()} first. Both may be
 * called for the same transport (failed, then closed by its owner). A listener that throws is
 * logged and otherwise ignored; it must not block for long, since it may run on the receive thread.
 */
public interface TransportListener {

    /** A listener that ignores everything. */
    TransportListener NONE = new TransportListener() { };

    /**
     * The transport stopped working for a reason other than {@code close()}: sends now fail with
     * a {@link TransportFailedException} and no more datagrams arrive. The owner should close it.
     *
     * @param failure why
     */
    default void onFailed(TransportFailure failure) { }

    /** The transport was closed: its socket is released and its threads have ended. */
    default void onClosed() { }
}
