package slnet.protocol.llsd;

/**
 * The one exception every LLSD parser throws for malformed, truncated or hostile input.
 *
 * <p>It carries a human-readable {@link #reason()} and the {@link #offset()} in the input where
 * the problem was found: a byte offset for binary and notation input, a character offset for XML
 * (as reported by the XML reader), or {@code -1} when no position is known.
 */
public final class LlsdException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why it failed. */
    private final String reason;
    /** Where in the input. */
    private final long offset;

    /**
     * Creates an exception.
     *
     * @param reason what is wrong with the input, never a secret taken from the input
     * @param offset where in the input the problem was found, or {@code -1} if unknown
     */
    public LlsdException(String reason, long offset) {
        super(offset >= 0 ? reason + " (at offset " + offset + ")" : reason);
        this.reason = reason;
        this.offset = offset;
    }

    /**
     * Creates an exception with an underlying cause (e.g. the XML reader's own exception).
     *
     * @param reason what is wrong with the input
     * @param offset where in the input the problem was found, or {@code -1} if unknown
     * @param cause the lower-level failure
     */
    public LlsdException(String reason, long offset, Throwable cause) {
        this(reason, offset);
        initCause(cause);
    }

    /**
     * Returns what is wrong with the input, without the offset decoration.
     *
     * @return what is wrong with the input, without the offset decoration
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the byte (or, for XML, character) offset of the problem, or {@code -1} if unknown.
     *
     * @return the byte (or, for XML, character) offset of the problem, or {@code -1} if unknown
     */
    public long offset() {
        return offset;
    }
}
