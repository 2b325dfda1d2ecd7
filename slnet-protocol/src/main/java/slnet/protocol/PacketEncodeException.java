package slnet.protocol;

/**
 * A message or packet could not be encoded: most often it is larger than the MTU, or a field's
 * value does not fit its wire type.
 */
public final class PacketEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail what could not be encoded and why
     */
    public PacketEncodeException(String detail) {
        super(detail);
    }
}
