package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A group the agent belongs to sent a notice.
 *
 * @param fromId who sent it
 * @param fromName their name as the grid gave it
 * @param groupId the group, when the notice says (it does when it has an attachment)
 * @param subject the notice's subject
 * @param body its text
 * @param hasAttachment true if an inventory item comes with it
 * @param at when it arrived
 */
public record GroupNoticeReceived(UUID fromId, String fromName, Optional<UUID> groupId, String subject, String body,
                                  boolean hasAttachment, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public GroupNoticeReceived {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    /** Reads a notice IM: "subject|body", and the bucket's attachment flag and group id. */
    static GroupNoticeReceived of(InstantMessage im) {
        String text = im.text();
        int bar = text.indexOf('|');
        String subject = bar < 0 ? text : text.substring(0, bar);
        String body = bar < 0 ? "" : text.substring(bar + 1);
        byte[] b = im.binaryBucket().toArray();
        boolean attachment = b.length >= 1 && b[0] != 0;
        Optional<UUID> group = Optional.empty();
        if (b.length >= 18) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, 2, 16);
            group = Optional.of(new UUID(buf.getLong(), buf.getLong()));
        }
        return new GroupNoticeReceived(im.fromId(), im.fromName(), group, subject, body, attachment, im.receivedAt());
    }
}
