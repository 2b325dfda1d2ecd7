package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * Something about the agent's friends: presence, offers, answers, ends. Arrives on
 * {@link Client#events()}; {@link Client#friends()} is up to date before it does.
 */
public sealed interface FriendshipEvent extends NetworkEvent.ExtensionEvent {
    /**
     * Returns the other agent.
     *
     * @return the other agent
     */
    UUID friendId();

    /** @return when it arrived */
    Instant at();

    /**
     * A friend came online or went offline.
     *
     * @param friendId the friend
     * @param online true if online now
     * @param at when the grid said so
     */
    record PresenceChanged(UUID friendId, boolean online, Instant at) implements FriendshipEvent {
        /** Checks that nothing is null. */
        public PresenceChanged {
            Objects.requireNonNull(friendId, "friendId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Someone offered the agent friendship: answer with {@link Friends#accept} or
     * {@link Friends#decline}, or not at all.
     *
     * @param friendId who offers
     * @param name their name as the grid gave it
     * @param message the offer's text
     * @param transactionId the offer's id, which the answer names
     * @param at when it arrived
     */
    record Offered(UUID friendId, String name, String message, UUID transactionId, Instant at)
            implements FriendshipEvent {
        /** Checks that nothing is null. */
        public Offered {
            Objects.requireNonNull(friendId, "friendId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Someone answered the agent's offer.
     *
     * @param friendId who answered
     * @param name their name as the grid gave it
     * @param accepted true if they are friends now
     * @param at when it arrived
     */
    record Answered(UUID friendId, String name, boolean accepted, Instant at) implements FriendshipEvent {
        /** Checks that nothing is null. */
        public Answered {
            Objects.requireNonNull(friendId, "friendId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A friend ended the friendship.
     *
     * @param friendId the former friend
     * @param at when the grid said so
     */
    record Ended(UUID friendId, Instant at) implements FriendshipEvent {
        /** Checks that nothing is null. */
        public Ended {
            Objects.requireNonNull(friendId, "friendId");
            Objects.requireNonNull(at, "at");
        }
    }
}
