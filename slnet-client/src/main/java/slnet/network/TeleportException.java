package slnet.network;

/** A teleport failed; the agent stays where it was. The message is the reason. */
public final class TeleportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why it failed. */
    private final String reason;

    /**
     * Sets the grid's reason key or a description.
     *
     * @param reason the grid's reason key or a description
     */
    public TeleportException(String reason) {
        super("teleport failed: " + reason);
        this.reason = reason;
    }

    /**
     * Returns the grid's reason key (e.g. {@code no_host}) or a description.
     *
     * @return the grid's reason key (e.g. {@code no_host}) or a description
     */
    public String reason() {
        return reason;
    }
}
