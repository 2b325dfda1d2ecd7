package slnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import slnet.login.SessionInfo;
import slnet.protocol.messages.AcceptFriendship;
import slnet.protocol.messages.DeclineFriendship;
import slnet.protocol.messages.TerminateFriendship;

/**
 * The agent's friends: the list from login kept current, offers made and answered, friendships
 * ended. Changes arrive as {@link FriendshipEvent}s on {@link Client#events()}. Thread-safe.
 */
public final class Friends {
    /** The inventory folder type of calling cards, where an accepted friend's card goes. */
    private static final int CALLING_CARD_FOLDER = 2;

    private final Client client;
    private final ConcurrentHashMap<UUID, Friend> friends = new ConcurrentHashMap<>();
    /** The session the list belongs to: a new login starts it afresh. */
    private volatile UUID sessionId;

    Friends(Client client) {
        this.client = client;
    }

    /**
     * Returns the friends as known now, in no particular order.
     *
     * @return the friends as known now, in no particular order
     */
    public List<Friend> list() {
        current();
        return List.copyOf(friends.values());
    }

    /**
     * Returns that friend, if a friend.
     *
     * @param id an agent
     * @return that friend, if a friend
     */
    public Optional<Friend> friend(UUID id) {
        current();
        return Optional.ofNullable(friends.get(id));
    }

    /**
     * Offers friendship (an instant message of the offer kind, as the viewer sends it).
     *
     * @param to the agent
     * @param message the offer's text
     * @return the offer's transaction id
     * @throws IllegalStateException if not connected
     */
    public UUID offer(UUID to, String message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        UUID transaction = UUID.randomUUID();
        client.ims().sendRaw(to, ImDialog.FRIENDSHIP_OFFERED.code(), transaction, message, new byte[1]);
        return transaction;
    }

    /**
     * Accepts an offer ({@code AcceptFriendship}, the calling card going to the calling-card folder).
     *
     * @param offer the offer
     * @throws IllegalStateException if not connected
     */
    public void accept(FriendshipEvent.Offered offer) {
        Objects.requireNonNull(offer, "offer");
        Client.Connected c = client.connected();
        UUID folder = client.network().session().flatMap(Friends::callingCardFolder).orElse(new UUID(0, 0));
        c.circuit().send(new AcceptFriendship(new AcceptFriendship.AgentData(c.agentId(), c.sessionId()),
                new AcceptFriendship.TransactionBlock(offer.transactionId()),
                List.of(new AcceptFriendship.FolderData(folder))), true);
        current();
        friends.putIfAbsent(offer.friendId(), new Friend(offer.friendId(), false, 1, 1)); // online once the grid says
    }

    /**
     * Declines an offer ({@code DeclineFriendship}).
     *
     * @param offer the offer
     * @throws IllegalStateException if not connected
     */
    public void decline(FriendshipEvent.Offered offer) {
        Objects.requireNonNull(offer, "offer");
        Client.Connected c = client.connected();
        c.circuit().send(new DeclineFriendship(new DeclineFriendship.AgentData(c.agentId(), c.sessionId()),
                new DeclineFriendship.TransactionBlock(offer.transactionId())), true);
    }

    /**
     * Ends a friendship ({@code TerminateFriendship}); the other is told.
     *
     * @param friend the friend
     * @throws IllegalStateException if not connected
     */
    public void end(UUID friend) {
        Objects.requireNonNull(friend, "friend");
        Client.Connected c = client.connected();
        c.circuit().send(new TerminateFriendship(new TerminateFriendship.AgentData(c.agentId(), c.sessionId()),
                new TerminateFriendship.ExBlock(friend)), true);
        current();
        friends.remove(friend);
    }

    // ---------------------------------------------------------------- from the grid, on dispatch threads

    List<FriendshipEvent> presence(List<UUID> ids, boolean online, Instant at) {
        current();
        List<FriendshipEvent> changed = new ArrayList<>();
        for (UUID id : ids) {
            Friend was = friends.get(id);
            // Grids tell of friends only; one not listed yet (made friends elsewhere) is added.
            Friend now = was == null ? new Friend(id, online, 1, 1) : was.withOnline(online);
            friends.put(id, now);
            if (was == null || was.online() != online) {
                changed.add(new FriendshipEvent.PresenceChanged(id, online, at));
            }
        }
        return changed;
    }

    FriendshipEvent.Answered answered(UUID from, String name, boolean accepted, Instant at) {
        current();
        if (accepted) {
            friends.putIfAbsent(from, new Friend(from, false, 1, 1)); // online once the grid says
        }
        return new FriendshipEvent.Answered(from, name, accepted, at);
    }

    FriendshipEvent.Ended ended(UUID other, Instant at) {
        current();
        friends.remove(other);
        return new FriendshipEvent.Ended(other, at);
    }

    /** Starts the list afresh from the login's buddy list when the session changed. */
    private void current() {
        Optional<SessionInfo> session = client.network().session();
        if (session.isEmpty()) {
            return;
        }
        SessionInfo s = session.get();
        if (s.sessionId().equals(sessionId)) {
            return;
        }
        synchronized (this) {
            if (s.sessionId().equals(sessionId)) {
                return;
            }
            friends.clear();
            s.buddyList().forEach(b -> friends.put(b.buddyId(), new Friend(b.buddyId(), false, b.rightsGiven(),
                    b.rightsHas())));
            sessionId = s.sessionId();
        }
    }

    private static Optional<UUID> callingCardFolder(SessionInfo s) {
        return s.inventorySkeleton().stream().filter(f -> f.typeDefault() == CALLING_CARD_FOLDER)
                .map(slnet.login.InventoryFolder::folderId).findFirst();
    }
}
