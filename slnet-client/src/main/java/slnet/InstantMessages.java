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
    /** The viewer sends a one-byte empty bucket with plain messages. */
    private static final Bytes EMPTY_BUCKET = Bytes.copyOf(new byte[1]);

    private final Client client;

    InstantMessages(Client client) {
        this.client = client;
    }

    /**
     * Sends a plain instant message ({@code ImprovedInstantMessage}, dialog 0, reliable), in the
     * one-to-one IM session the viewer uses (our id XOR theirs).
     *
     * @param to the recipient
     * @param text the message
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if the text is longer than {@link #MAX_MESSAGE_BYTES}
     */
    public void send(UUID to, String text) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("IM text is longer than " + MAX_MESSAGE_BYTES + " bytes");
        }
        Client.Connected c = client.connected();
        UUID imSession = sessionWith(c.agentId(), to);
        UUID regionId = client.region().map(RegionInfo::regionId).orElse(new UUID(0, 0));
        Vector3 position = client.position().map(AgentPosition::position).orElse(Vector3.ZERO);
        c.circuit().send(new ImprovedInstantMessage(
                new ImprovedInstantMessage.AgentData(c.agentId(), c.sessionId()),
                new ImprovedInstantMessage.MessageBlock(false, to, 0, regionId, position, 0,
                        InstantMessage.DIALOG_MESSAGE, imSession, 0, Bytes.ofString(c.agentName()),
                        Bytes.ofString(text), EMPTY_BUCKET),
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
