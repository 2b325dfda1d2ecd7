package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.GroupInvited;
import slnet.GroupNoticeReceived;
import slnet.ImDialog;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** Group invitations and notices as a grid sends them, over real UDP, and the answer the viewer gives. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupOffersTest extends BotsOnTestGrid {
    private static final UUID GROUP = UUID.fromString("6c2b3a4d-5e6f-4071-8293-a4b5c6d7e8f9");
    private static final UUID ROLE = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    private void send(UUID from, String fromName, ImDialog dialog, UUID id, String text, byte[] bucket) {
        sim.send(ALICE.agentId(), new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(from, new UUID(0, 0)),
                new ImprovedInstantMessage.MessageBlock(false, ALICE.agentId(), 0, new UUID(0, 0), Vector3.ZERO, 0,
                        dialog.code(), id, 0, Bytes.ofString(fromName), Bytes.ofString(text), Bytes.copyOf(bucket)),
                new ImprovedInstantMessage.EstateBlock(0), List.of()), true);
    }

    @Test
    void anInvitationIsAnEventAndTheAnswerGoesToTheGroup() throws Exception {
        UUID transaction = UUID.randomUUID();
        byte[] bucket = ByteBuffer.allocate(20).putInt(10).putLong(ROLE.getMostSignificantBits())
                .putLong(ROLE.getLeastSignificantBits()).array();
        send(GROUP, "Builders", ImDialog.GROUP_INVITATION, transaction, "Join Builders!", bucket);
        GroupInvited invited = events.awaitEvent(GroupInvited.class, WAIT);
        assertThat(invited.groupId()).isEqualTo(GROUP);
        assertThat(invited.text()).isEqualTo("Join Builders!");
        assertThat(invited.membershipFee()).isEqualTo(10);
        assertThat(invited.roleId()).isEqualTo(ROLE);
        assertThat(invited.transactionId()).isEqualTo(transaction);

        alice.groupInvitations().accept(invited);
        sim.awaitMessage(ALICE.agentId(), "ImprovedInstantMessage", WAIT);
    }

    @Test
    void aNoticeIsAnEventWithSubjectBodyAndGroup() throws Exception {
        UUID officer = UUID.randomUUID();
        byte[] bucket = ByteBuffer.allocate(18).put((byte) 1).put((byte) 7).putLong(GROUP.getMostSignificantBits())
                .putLong(GROUP.getLeastSignificantBits()).array();
        send(officer, "Olga Officer", ImDialog.GROUP_NOTICE, UUID.randomUUID(), "Meeting|Tonight at 8, at the hall",
                bucket);
        GroupNoticeReceived notice = events.awaitEvent(GroupNoticeReceived.class, WAIT);
        assertThat(notice.fromId()).isEqualTo(officer);
        assertThat(notice.fromName()).isEqualTo("Olga Officer");
        assertThat(notice.subject()).isEqualTo("Meeting");
        assertThat(notice.body()).isEqualTo("Tonight at 8, at the hall");
        assertThat(notice.hasAttachment()).isTrue();
        assertThat(notice.groupId()).contains(GROUP);
    }
}
