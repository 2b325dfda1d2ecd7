package slnet.protocol.llsd;

/**
 * Per-parse accounting of depth and element count against {@link LlsdLimits}; one instance per
 * parse call, never shared between threads.
 */
final class ParseBudget {
    private final LlsdLimits limits;
    private int depth;
    private int elements;

    ParseBudget(LlsdLimits limits) {
        this.limits = limits;
    }

    LlsdLimits limits() {
        return limits;
    }

    /** Counts one more value. */
    void element(long offset) throws LlsdException {
        if (++elements > limits.maxElements()) {
            throw new LlsdException("more than " + limits.maxElements() + " elements", offset);
        }
    }

    /** @return how many more values may still be parsed */
    int elementsLeft() {
        return limits.maxElements() - elements;
    }

    /** Enters a map or array. */
    void enter(long offset) throws LlsdException {
        if (++depth > limits.maxDepth()) {
            throw new LlsdException("nesting deeper than " + limits.maxDepth(), offset);
        }
    }

    void leave() {
        depth--;
    }

    /** Rejects a single string/binary value longer than allowed, before it is allocated. */
    void valueLength(long length, long offset) throws LlsdException {
        if (length < 0) {
            throw new LlsdException("negative length " + length, offset);
        }
        if (length > limits.maxValueBytes()) {
            throw new LlsdException("value of " + length + " bytes exceeds limit " + limits.maxValueBytes(), offset);
        }
    }

    /** Rejects a whole input larger than allowed. */
    static void inputSize(long size, LlsdLimits limits) throws LlsdException {
        if (size > limits.maxBytes()) {
            throw new LlsdException("input of " + size + " bytes exceeds limit " + limits.maxBytes(), 0);
        }
    }
}
