package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ImDialog;
import slnet.ImReceived;
import slnet.InventoryOffered;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Inventory offers between two bots over real UDP: Alice's viewer-made offer reaches Bob as an
 * event, and Bob's answer reaches Alice as the IM a viewer sends.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InventoryOffersTest extends BotsOnTestGrid {
    @Override
    boolean withBob() {
        return true;
    }

    private static final int NOTECARD = 7;

    /** Alice offers an item, as the viewer sends it: the asset type, then the item's id. */
    private UUID offer(UUID item) {
        UUID transaction = UUID.randomUUID();
        ByteBuffer bucket = ByteBuffer.allocate(17).put((byte) NOTECARD).putLong(item.getMostSignificantBits())
                .putLong(item.getLeastSignificantBits());
        UUID session = alice.network().session().orElseThrow().sessionId();
        grid.simulator().send(BOB.agentId(), new ImprovedInstantMessage(
                new ImprovedInstantMessage.AgentData(ALICE.agentId(), new UUID(0, 0)),
                new ImprovedInstantMessage.MessageBlock(false, BOB.agentId(), 0, new UUID(0, 0), Vector3.ZERO, 0,
                        ImDialog.INVENTORY_OFFERED.code(), transaction, 0, Bytes.ofString("Alice Tester"),
                        Bytes.ofString("Welcome notecard"), Bytes.copyOf(bucket.array())),
                new ImprovedInstantMessage.EstateBlock(0), List.of()), true);
        assertThat(session).isNotNull();
        return transaction;
    }

    @Test
    void anAcceptedOfferIsAnsweredWithTheFolder() throws Exception {
        UUID item = UUID.randomUUID();
        UUID transaction = offer(item);
        InventoryOffered offered = bobEvents.awaitEvent(InventoryOffered.class, WAIT);
        assertThat(offered.fromId()).isEqualTo(ALICE.agentId());
        assertThat(offered.fromObject()).isFalse();
        assertThat(offered.itemName()).isEqualTo("Welcome notecard");
        assertThat(offered.assetType()).isEqualTo(NOTECARD);
        assertThat(offered.itemId()).contains(item);
        assertThat(offered.transactionId()).isEqualTo(transaction);

        UUID folder = bob.inventoryOffers().accept(offered);
        assertThat(folder).isEqualTo(bob.network().session().orElseThrow().inventoryRoot().orElseThrow());
        ImReceived answer = events.awaitEvent(ImReceived.class,
                e -> e.message().dialogType().filter(d -> d == ImDialog.INVENTORY_ACCEPTED).isPresent(), WAIT);
        assertThat(answer.message().fromId()).isEqualTo(BOB.agentId());
        assertThat(answer.message().imSessionId()).isEqualTo(transaction);
        ByteBuffer bucket = ByteBuffer.wrap(answer.message().binaryBucket().toArray());
        assertThat(new UUID(bucket.getLong(), bucket.getLong())).isEqualTo(folder);
    }

    @Test
    void aDeclinedOfferIsAnsweredSo() throws Exception {
        UUID transaction = offer(UUID.randomUUID());
        bob.inventoryOffers().decline(bobEvents.awaitEvent(InventoryOffered.class, WAIT));
        ImReceived answer = events.awaitEvent(ImReceived.class,
                e -> e.message().dialogType().filter(d -> d == ImDialog.INVENTORY_DECLINED).isPresent(), WAIT);
        assertThat(answer.message().imSessionId()).isEqualTo(transaction);
    }
}
