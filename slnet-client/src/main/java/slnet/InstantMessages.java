package slnet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Instant messages of a {@link Client}: send with {@link #send}; receive them as {@link ImReceived}
 * events on {@link Client#events()}. Thread-safe.
 */
public final class InstantMessages {
    /** The official viewer's limit for an IM's text, in bytes of UTF-8. */
    public static final int MAX_MESSAGE_BYTES = 1023;
    /** The template's limit for the binary bucket (a Variable 2 field), as the viewer bounds it. */
    public static final int MAX_BUCKET_BYTES = 1024;

    private final Client client;

    InstantMessages(Client client) {
        this.client = client;
    }

    /**
     * Sends a plain instant message ({@code ImprovedInstantMessage}, dialog 0, reliable), in the
     * one-to-one IM session the viewer uses (our id XOR theirs), with the one-byte empty bucket the
     * viewer sends.
     *
     * @param to the recipient
     * @param text the message
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if the text is longer than {@link #MAX_MESSAGE_BYTES}
     */
    public void send(UUID to, String text) {
        Objects.requireNonNull(to, "to");
        Client.Connected c = client.connected();
        sendRaw(to, InstantMessage.DIALOG_MESSAGE, sessionWith(c.agentId(), to), text, new byte[1]);
    }

    /**
     * Sends an {@code ImprovedInstantMessage} of any dialog type (reliable), for the dialogs this
     * class has no typed method for yet: offers, their answers, typing notices.
     *
     * @param to the recipient
     * @param dialog the dialog value on the wire (see {@link ImDialog}), 0 to 255, also one it does not name
     * @param imSessionId the session (or transaction) id the dialog expects
     * @param text the message
     * @param binaryBucket the dialog's binary bucket (copied), at most 1024 bytes
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if the text or bucket is too long or the dialog out of range
     */
    public void sendRaw(UUID to, int dialog, UUID imSessionId, String text, byte[] binaryBucket) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(imSessionId, "imSessionId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(binaryBucket, "binaryBucket");
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("IM text is longer than " + MAX_MESSAGE_BYTES + " bytes");
        }
        if (dialog < 0 || dialog > 255) {
            throw new IllegalArgumentException("dialog is one byte: " + dialog);
        }
        if (binaryBucket.length > MAX_BUCKET_BYTES) {
            throw new IllegalArgumentException("binary bucket is longer than " + MAX_BUCKET_BYTES + " bytes");
        }
        Client.Connected c = client.connected();
        UUID regionId = client.region().map(RegionInfo::regionId).orElse(new UUID(0, 0));
        Vector3 position = client.position().map(AgentPosition::position).orElse(Vector3.ZERO);
        c.circuit().send(new ImprovedInstantMessage(
                new ImprovedInstantMessage.AgentData(c.agentId(), c.sessionId()),
                new ImprovedInstantMessage.MessageBlock(false, to, 0, regionId, position, 0,
                        dialog, imSessionId, 0, Bytes.ofString(c.agentName()),
                        Bytes.ofString(text), Bytes.copyOf(binaryBucket)),
                new ImprovedInstantMessage.EstateBlock(0), List.of()), true);
    }

    /**
     * The id of the one-to-one IM session between two agents, as the viewer computes it.
     *
     * @param a one agent
     * @param b the other
     * @return their ids XORed
     */
    public static UUID sessionWith(UUID a, UUID b) {
        return new UUID(a.getMostSignificantBits() ^ b.getMostSignificantBits(),
                a.getLeastSignificantBits() ^ b.getLeastSignificantBits());
    }
}
