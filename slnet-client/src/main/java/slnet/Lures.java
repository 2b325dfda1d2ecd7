package slnet;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import slnet.network.TeleportFinished;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.StartLure;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/**
 * Teleport offers (lures): send one to bring others where the agent is; follow or refuse one
 * received ({@link TeleportOffered} on {@link Client#events()}). Thread-safe.
 */
public final class Lures {
    private static final Bytes EMPTY_BUCKET = Bytes.copyOf(new byte[1]);

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
        Client.Connected c = client.connected();
        UUID regionId = client.region().map(RegionInfo::regionId).orElse(new UUID(0, 0));
        Vector3 position = client.position().map(AgentPosition::position).orElse(Vector3.ZERO);
        c.circuit().send(new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(c.agentId(), c.sessionId()),
                new ImprovedInstantMessage.MessageBlock(false, offer.fromId(), 0, regionId, position, 0,
                        ImDialog.LURE_DECLINED.code(), offer.lureId(), 0, Bytes.ofString(c.agentName()),
                        Bytes.ofString(message), EMPTY_BUCKET),
                new ImprovedInstantMessage.EstateBlock(0), List.of()), true);
    }
}
