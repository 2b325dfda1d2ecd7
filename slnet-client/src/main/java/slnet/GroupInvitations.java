package slnet;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Answers group invitations ({@link GroupInvited} on {@link Client#events()}) as the viewer does:
 * an instant message to the group, of the accept or decline kind, naming the invitation.
 * Thread-safe.
 */
public final class GroupInvitations {
    private static final Bytes EMPTY_BUCKET = Bytes.copyOf(new byte[1]);

    private final Client client;

    GroupInvitations(Client client) {
        this.client = client;
    }

    /**
     * Joins the group (paying its fee, if any).
     *
     * @param invitation the invitation
     * @throws IllegalStateException if not connected
     */
    public void accept(GroupInvited invitation) {
        answer(invitation, ImDialog.GROUP_INVITATION_ACCEPT);
    }

    /**
     * Declines the invitation.
     *
     * @param invitation the invitation
     * @throws IllegalStateException if not connected
     */
    public void decline(GroupInvited invitation) {
        answer(invitation, ImDialog.GROUP_INVITATION_DECLINE);
    }

    private void answer(GroupInvited invitation, ImDialog dialog) {
        Objects.requireNonNull(invitation, "invitation");
        Client.Connected c = client.connected();
        UUID regionId = client.region().map(RegionInfo::regionId).orElse(new UUID(0, 0));
        Vector3 position = client.position().map(AgentPosition::position).orElse(Vector3.ZERO);
        c.circuit().send(new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(c.agentId(), c.sessionId()),
                new ImprovedInstantMessage.MessageBlock(false, invitation.groupId(), 0, regionId, position, 0,
                        dialog.code(), invitation.transactionId(), 0, Bytes.ofString(c.agentName()),
                        Bytes.ofString(""), EMPTY_BUCKET),
                new ImprovedInstantMessage.EstateBlock(0), List.of()), true);
    }
}
