package slnet;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import slnet.network.TeleportFinished;
import slnet.protocol.messages.StartLure;
import slnet.protocol.types.Bytes;

/**
 * Teleport offers (lures): send one to bring others where the agent is; follow or refuse one
 * received ({@link TeleportOffered} on {@link Client#events()}). Thread-safe.
 */
public final class Lures {
    private final Client client;

    Lures(Client client) {
        this.client = client;
    }

    /**
     * Offers agents a teleport to where the agent is ({@code StartLure}).
     *
     * @param message the offer's text
     * @param to who is offered it
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if nobody is named
     */
    public void offer(String message, UUID... to) {
        Objects.requireNonNull(message, "message");
        if (to.length == 0) {
            throw new IllegalArgumentException("a teleport offer needs someone to offer it to");
        }
        Client.Connected c = client.connected();
        List<StartLure.TargetData> targets = java.util.Arrays.stream(to).map(StartLure.TargetData::new).toList();
        c.circuit().send(new StartLure(new StartLure.AgentData(c.agentId(), c.sessionId()),
                new StartLure.Info(0, Bytes.ofString(message)), targets), true);
    }

    /**
     * Follows an offer ({@code TeleportLureRequest}); the teleport then runs as any other.
     *
     * @param offer the offer
     * @return completes when the agent arrived, as {@link Client#teleport(String, Vector3, Vector3)}
     */
    public CompletableFuture<TeleportFinished> accept(TeleportOffered offer) {
        Objects.requireNonNull(offer, "offer");
        return client.network().teleportByLure(offer.lureId());
    }

    /**
     * Refuses an offer: tells whoever made it (an instant message of the "lure declined" kind).
     *
     * @param offer the offer
     * @param message why, or empty
     * @throws IllegalStateException if not connected
     */
    public void decline(TeleportOffered offer, String message) {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(message, "message");
        client.ims().sendRaw(offer.fromId(), ImDialog.LURE_DECLINED.code(), offer.lureId(), message, new byte[1]);
    }
}
