package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A group invited the agent to join: answer with {@link GroupInvitations#accept} or
 * {@link GroupInvitations#decline}, or not at all.
 *
 * @param groupId the group (the invitation comes from it)
 * @param text the invitation's text as the grid wrote it
 * @param membershipFee what joining costs, in the grid's currency
 * @param roleId the role offered, the nil id for the everyone role
 * @param transactionId the invitation's id, which the answer names
 * @param at when it arrived
 */
public record GroupInvited(UUID groupId, String text, int membershipFee, UUID roleId, UUID transactionId, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public GroupInvited {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(at, "at");
    }

    /** Reads an invitation IM: the fee (big-endian) and the role in the bucket. */
    static GroupInvited of(InstantMessage im) {
        byte[] b = im.binaryBucket().toArray();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
        int fee = b.length >= 4 ? buf.getInt() : 0;
        UUID role = b.length >= 20 ? new UUID(buf.getLong(), buf.getLong()) : new UUID(0, 0);
        return new GroupInvited(im.fromId(), im.text(), fee, role, im.imSessionId(), im.receivedAt());
    }
}
