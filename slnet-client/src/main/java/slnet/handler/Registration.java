package slnet.handler;

/**
 * A handler's place in a {@link HandlerRegistry}. Removing it is idempotent, thread-safe and may
 * happen from inside a handler during dispatch: a dispatch already in progress then skips the
 * removed handler if it has not reached it yet, and runs the others as planned.
 */
public interface Registration extends AutoCloseable {

    /** Removes the handler. Idempotent. */
    void remove();

    /**
     * Tells whether the handler is still registered.
     *
     * @return false once removed
     */
    boolean isActive();

    /** Same as {@link #remove()}. */
    @Override
    default void close() {
        remove();
    }
}
