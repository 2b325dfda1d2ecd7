package slnet;

import java.util.Objects;

/**
 * Answers group invitations ({@link GroupInvited} on {@link Client#events()}) as the viewer does:
 * an instant message to the group, of the accept or decline kind, naming the invitation.
 * Thread-safe.
 */
public final class GroupInvitations {
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
        client.ims().sendRaw(invitation.groupId(), dialog.code(), invitation.transactionId(), "", new byte[1]);
    }
}
