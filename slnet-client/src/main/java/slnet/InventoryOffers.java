package slnet;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.login.InventoryFolder;
import slnet.login.SessionInfo;

/**
 * Answers inventory offers ({@link InventoryOffered} on {@link Client#events()}) as the viewer does:
 * an instant message back, of the accepted or declined kind, naming the offer. Thread-safe.
 */
public final class InventoryOffers {
    /** The asset type of a folder: a folder offered goes in the root, as the viewer puts it. */
    private static final int FOLDER = 8;

    private final Client client;

    InventoryOffers(Client client) {
        this.client = client;
    }

    /**
     * Accepts an offer: the item goes into the folder for its type (the one the login's inventory
     * skeleton lists with that default type, else the root folder), whose id the answer carries.
     *
     * @param offer the offer
     * @return the folder the item goes into (the nil id if the login listed no inventory)
     * @throws IllegalStateException if not connected
     */
    public UUID accept(InventoryOffered offer) {
        Objects.requireNonNull(offer, "offer");
        UUID folder = client.network().session().map(s -> folderFor(s, offer.assetType())).orElse(new UUID(0, 0));
        ByteBuffer bucket = ByteBuffer.allocate(16).putLong(folder.getMostSignificantBits())
                .putLong(folder.getLeastSignificantBits());
        answer(offer, offer.fromObject() ? ImDialog.TASK_INVENTORY_ACCEPTED : ImDialog.INVENTORY_ACCEPTED,
                bucket.array());
        return folder;
    }

    /**
     * Declines an offer.
     *
     * @param offer the offer
     * @throws IllegalStateException if not connected
     */
    public void decline(InventoryOffered offer) {
        Objects.requireNonNull(offer, "offer");
        answer(offer, offer.fromObject() ? ImDialog.TASK_INVENTORY_DECLINED : ImDialog.INVENTORY_DECLINED,
                new byte[1]);
    }

    private void answer(InventoryOffered offer, ImDialog dialog, byte[] bucket) {
        client.ims().sendRaw(offer.fromId(), dialog.code(), offer.transactionId(), "", bucket);
    }

    private static UUID folderFor(SessionInfo s, int assetType) {
        Optional<UUID> typed = assetType == FOLDER ? Optional.empty() : s.inventorySkeleton().stream()
                .filter(f -> f.typeDefault() == assetType).map(InventoryFolder::folderId).findFirst();
        return typed.or(s::inventoryRoot).orElse(new UUID(0, 0));
    }
}
