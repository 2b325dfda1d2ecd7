package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * An agent or an object offered the agent an inventory item or folder: take it with
 * {@link InventoryOffers#accept}, refuse with {@link InventoryOffers#decline}, or let it be.
 *
 * @param fromId who offers: an agent, or the object for {@code fromObject}
 * @param fromName their name as the grid gave it
 * @param fromObject true if an object offers it (a script's {@code llGiveInventory})
 * @param itemName the item's name, as the offer's text gives it
 * @param assetType the item's asset type (the viewer's numbers: 0 texture, 7 notecard, 8 folder...),
 *     or -1 when the offer did not say
 * @param itemId the offered item, when the offer says
 * @param transactionId the offer's id, which the answer names
 * @param at when it arrived
 */
public record InventoryOffered(UUID fromId, String fromName, boolean fromObject, String itemName, int assetType,
                               Optional<UUID> itemId, UUID transactionId, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public InventoryOffered {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(at, "at");
    }

    /** Reads an offer IM's bucket: the asset type byte, then the item's id. */
    static InventoryOffered of(InstantMessage im, boolean fromObject) {
        byte[] b = im.binaryBucket().toArray();
        int type = b.length >= 1 ? b[0] : -1;
        Optional<UUID> item = Optional.empty();
        if (b.length >= 17) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, 1, 16);
            item = Optional.of(new UUID(buf.getLong(), buf.getLong()));
        }
        return new InventoryOffered(im.fromId(), im.fromName(), fromObject, im.text(), type, item, im.imSessionId(),
                im.receivedAt());
    }
}
