package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One instant message the client received. Immutable.
 *
 * @param fromId the sender
 * @param fromName the sender's name as given
 * @param toId the recipient (this agent)
 * @param text the message
 * @param dialog the protocol's dialog type: 0 for a plain message (others are offers, typing
 *     notices, group messages...)
 * @param imSessionId the IM session the message belongs to
 * @param offline true if it was stored while the agent was offline
 * @param receivedAt when the client received it
 * @param binaryBucket the dialog's extra data as sent (an offered item's type and id, a lure's
 *     destination, a URL...), empty for most
 */
public record InstantMessage(UUID fromId, String fromName, UUID toId, String text, int dialog, UUID imSessionId,
                             boolean offline, Instant receivedAt, slnet.protocol.types.Bytes binaryBucket) {
    /** The dialog value of a plain message. */
    public static final int DIALOG_MESSAGE = 0;

    /** Checks that nothing is null. */
    public InstantMessage {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(imSessionId, "imSessionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(binaryBucket, "binaryBucket");
    }

    /**
     * Returns the dialog by name, or empty for a value the viewer does not know ({@link #dialog()} has it).
     *
     * @return the dialog by name, or empty for a value the viewer does not know ({@link #dialog()} has it)
     */
    public java.util.Optional<ImDialog> dialogType() {
        return ImDialog.fromCode(dialog);
    }

    /**
     * Returns true for a plain message (not an offer, typing notice or group message).
     *
     * @return true for a plain message (not an offer, typing notice or group message)
     */
    public boolean isPlainMessage() {
        return dialog == DIALOG_MESSAGE;
    }
}
