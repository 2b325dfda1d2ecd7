package slnet.caps;

/** An LLSD event body that does not fit the template message of the same name. */
public final class LlsdMessageException extends Exception {
    /**
     * Sets the reason, naming the message, block and field.
     *
     * @param message the reason, naming the message, block and field
     * @param cause the underlying failure, or null
     */
    public LlsdMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
