package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Friend;
import slnet.FriendshipEvent;

/**
 * Friendship between two bots on the test grid over real UDP: offered, answered, seen coming and
 * going, listed at the next login, ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FriendsTest extends BotsOnTestGrid {
    @Override
    boolean withBob() {
        return true;
    }

    @Test
    void anAcceptedOfferMakesFriendsWhoSeeEachOtherComeAndGo() throws Exception {
        assertThat(alice.friends().list()).isEmpty();
        java.util.UUID transaction = alice.friends().offer(BOB.agentId(), "Be my friend?");

        FriendshipEvent.Offered offer = bobEvents.awaitEvent(FriendshipEvent.Offered.class, WAIT);
        assertThat(offer.friendId()).isEqualTo(ALICE.agentId());
        assertThat(offer.name()).isEqualTo("Alice Tester");
        assertThat(offer.message()).isEqualTo("Be my friend?");
        assertThat(offer.transactionId()).isEqualTo(transaction);
        bob.friends().accept(offer);

        FriendshipEvent.Answered answer = events.awaitEvent(FriendshipEvent.Answered.class, WAIT);
        assertThat(answer.friendId()).isEqualTo(BOB.agentId());
        assertThat(answer.accepted()).isTrue();
        events.awaitEvent(FriendshipEvent.PresenceChanged.class,
                e -> e.friendId().equals(BOB.agentId()) && e.online(), WAIT);
        assertThat(alice.friends().friend(BOB.agentId())).map(Friend::online).contains(true);
        assertThat(bob.friends().friend(ALICE.agentId())).isPresent();

        // Bob goes: Alice sees it. Bob comes back: his buddy list has Alice, and each sees the other online.
        bob.disconnect();
        events.awaitEvent(FriendshipEvent.PresenceChanged.class,
                e -> e.friendId().equals(BOB.agentId()) && !e.online(), WAIT);
        assertThat(alice.friends().friend(BOB.agentId())).map(Friend::online).contains(false);
        bob.close();
        bob = E2e.client();
        bobEvents = bob.events().events();
        bob.connect(E2e.credentials(grid, BOB));
        assertThat(bob.friends().list()).extracting(Friend::id).containsExactly(ALICE.agentId());
        bobEvents.awaitEvent(FriendshipEvent.PresenceChanged.class,
                e -> e.friendId().equals(ALICE.agentId()) && e.online(), WAIT);
        events.awaitEvent(FriendshipEvent.PresenceChanged.class,
                e -> e.friendId().equals(BOB.agentId()) && e.online(), WAIT);

        // Alice ends it: Bob is told, and neither lists the other.
        alice.friends().end(BOB.agentId());
        assertThat(bobEvents.awaitEvent(FriendshipEvent.Ended.class, WAIT).friendId()).isEqualTo(ALICE.agentId());
        assertThat(bob.friends().list()).isEmpty();
        assertThat(alice.friends().list()).isEmpty();
        assertThat(grid.grid().friendsOf(ALICE.agentId())).isEmpty();
    }

    @Test
    void aDeclinedOfferMakesNoFriends() throws Exception {
        alice.friends().offer(BOB.agentId(), "Friends?");
        bob.friends().decline(bobEvents.awaitEvent(FriendshipEvent.Offered.class, WAIT));
        FriendshipEvent.Answered answer = events.awaitEvent(FriendshipEvent.Answered.class, WAIT);
        assertThat(answer.accepted()).isFalse();
        assertThat(alice.friends().list()).isEmpty();
        assertThat(grid.grid().friendsOf(BOB.agentId())).isEmpty();
    }
}
