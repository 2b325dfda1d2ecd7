package slnet.world;

/**
 * The one checked exception of the world's decoders: a block a simulator sent did not hold what
 * its layout says (too short, a length or count out of bounds, an unknown size). Carries a reason
 * and the byte offset in the block where decoding stopped. The world counts and drops such blocks;
 * nothing else of the message or the circuit is affected.
 */
public final class ObjectDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a block did not decode. */
    public enum Reason {
        /** The block ended before a field it must hold. */
        TRUNCATED,
        /** The block's length is none of the lengths its layout allows. */
        BAD_LENGTH,
        /** A count or length read from the block exceeds what is allowed or present. */
        BAD_COUNT,
        /** A value is out of its allowed range. */
        BAD_VALUE
    }

    /** Why it failed. */
    private final Reason reason;
    /** Where in the input. */
    private final int offset;

    /**
     * Sets why.
     *
     * @param reason why
     * @param offset where in the block, in bytes
     * @param detail what exactly, for people and logs
     */
    public ObjectDecodeException(Reason reason, int offset, String detail) {
        super(reason + " at offset " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    /**
     * Returns why the block did not decode.
     *
     * @return why the block did not decode
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the byte offset in the block where decoding stopped.
     *
     * @return the byte offset in the block where decoding stopped
     */
    public int offset() {
        return offset;
    }
}
