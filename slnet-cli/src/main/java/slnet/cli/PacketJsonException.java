package slnet.cli;

/**
 * A JSON value does not describe a valid packet. The message names the path of the offending
 * member, e.g. {@code blocks.PingID[0].PingID: U8 must be 0 to 255, not 300}.
 */
public final class PacketJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public PacketJsonException(String message) {
        super(message, null, false, false);
    }
}
