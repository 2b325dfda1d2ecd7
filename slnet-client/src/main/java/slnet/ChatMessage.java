package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.protocol.types.Vector3;

/**
 * One line of local chat the client heard. Immutable.
 *
 * @param fromName the speaker's name as the simulator gave it, e.g. {@code "First Last"} or an object's name
 * @param sourceId the speaker (avatar or object)
 * @param ownerId the speaker's owner (the avatar itself for an avatar)
 * @param sourceType avatar, object or system
 * @param type whisper, normal, shout, typing...
 * @param channel the chat channel; always 0, since the simulator relays only public chat
 * @param position where the speaker was, region-local meters
 * @param text what was said
 * @param receivedAt when the client received it
 */
public record ChatMessage(String fromName, UUID sourceId, UUID ownerId, ChatSourceType sourceType, ChatType type,
                          int channel, Vector3 position, String text, Instant receivedAt) {
    /** Checks that nothing is null. */
    public ChatMessage {
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
