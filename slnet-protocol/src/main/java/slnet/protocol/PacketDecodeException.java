package slnet.protocol;

/**
 * Bytes could not be decoded as a packet. The only exception a decoder throws; it names the reason
 * and the byte offset where decoding stopped.
 *
 * <p>Offsets count from the start of the datagram; for a zerocoded packet, an offset past the
 * header counts into the zero-decoded bytes, and {@link #inZeroDecodedBody()} says so.
 */
public final class PacketDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why decoding failed. */
    public enum Reason {
        /** Fewer bytes than the header, message number, acks or a field needs. */
        TRUNCATED,
        /** Bytes left over after the message's last block. */
        TRAILING_BYTES,
        /** The message number names no message of the template. */
        UNKNOWN_MESSAGE,
        /** Zerocoding that cannot be expanded: a zero with no count, a zero count, or too large. */
        BAD_ZEROCODING,
        /** A count or length read off the wire is larger than the bytes left or than its bound. */
        BAD_LENGTH,
        /** The appended-ack trailer does not fit the datagram. */
        BAD_ACKS
    }

    /** Why it failed. */
    private final Reason reason;
    /** Where in the input. */
    private final int offset;
    /** Whether the offset is in the zero-decoded body. */
    private final boolean inZeroDecodedBody;

    /**
     * Creates the exception.
     *
     * @param reason why decoding failed
     * @param offset the byte offset where it failed
     * @param inZeroDecodedBody whether the offset counts into zero-decoded bytes
     * @param detail what exactly was wrong
     */
    public PacketDecodeException(Reason reason, int offset, boolean inZeroDecodedBody, String detail) {
        super(reason + " at offset " + offset + (inZeroDecodedBody ? " (zero-decoded)" : "") + ": " + detail,
                null, false, false);
        this.reason = reason;
        this.offset = offset;
        this.inZeroDecodedBody = inZeroDecodedBody;
    }

    /**
     * Returns why decoding failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the byte offset where decoding failed.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }

    /**
     * Tells whether {@link #offset()} counts into the zero-decoded bytes of a zerocoded packet.
     *
     * @return true for an offset into zero-decoded bytes
     */
    public boolean inZeroDecodedBody() {
        return inZeroDecodedBody;
    }

    /**
     * Returns the detail without the reason and offset prefix.
     *
     * @return the detail text
     */
    public String detail() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
