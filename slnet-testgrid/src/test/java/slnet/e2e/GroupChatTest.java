package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ChatSessionInvited;
import slnet.ChatSessionMembersChanged;
import slnet.ChatSessionMessage;
import slnet.GroupsChanged;

/**
 * Group chat and conferences against the test grid, which relays a session's messages only to the
 * members who joined it, as Second Life does: a bot joins its groups' sessions by itself and hears
 * them without having spoken first (node-metaverse's issues 4 and 17), gets an invitation for a
 * session it left, sees members come and go, and holds a conference.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupChatTest extends BotsOnTestGrid {
    private static final Duration LONG = Duration.ofSeconds(20);

    @Override
    boolean withBob() {
        return true;
    }

    private UUID builders() throws Exception {
        UUID aliceId = alice.agentId().orElseThrow();
        UUID bobId = bob.agentId().orElseThrow();
        UUID group = grid.grid().createGroup("Builders", List.of(aliceId, bobId));
        GroupsChanged groups = events.awaitEvent(GroupsChanged.class, g -> !g.groups().isEmpty(), LONG);
        assertThat(groups.groups()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(group);
            assertThat(g.name()).isEqualTo("Builders");
        });
        await(() -> grid.grid().chatSessionMembers(group).equals(Set.of(aliceId, bobId)),
                "both bots joined the group's chat by themselves");
        return group;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        E2e.awaitTrue(condition, what, LONG);
    }

    @Test
    void aBotHearsItsGroupWithoutHavingSpokenThere() throws Exception {
        UUID group = builders();
        assertThat(alice.chatSessions().group("builders")).isPresent();
        bob.chatSessions().send(group, "hello builders");
        ChatSessionMessage heard = events.awaitEvent(ChatSessionMessage.class, LONG);
        assertThat(heard.sessionId()).isEqualTo(group);
        assertThat(heard.group()).isTrue();
        assertThat(heard.sessionName()).isEqualTo("Builders");
        assertThat(heard.fromName()).isEqualTo("Bob Tester");
        assertThat(heard.text()).isEqualTo("hello builders");
        assertThat(alice.chatSessions().joined()).contains(group);
    }

    @Test
    void aBotThatLeftGetsAnInvitationAndJoinsItsGroupAgain() throws Exception {
        UUID group = builders();
        UUID aliceId = alice.agentId().orElseThrow();
        alice.chatSessions().leave(group);
        await(() -> !grid.grid().chatSessionMembers(group).contains(aliceId), "Alice left");
        ChatSessionMembersChanged left = bobEvents.awaitEvent(ChatSessionMembersChanged.class,
                c -> c.left().contains(aliceId), LONG);
        assertThat(left.sessionId()).isEqualTo(group);

        bob.chatSessions().send(group, "are you there?");
        ChatSessionInvited invited = events.awaitEvent(ChatSessionInvited.class, LONG);
        assertThat(invited.sessionId()).isEqualTo(group);
        assertThat(invited.group()).isTrue();
        assertThat(invited.text()).isEqualTo("are you there?");
        assertThat(invited.fromName()).isEqualTo("Bob Tester");
        await(() -> grid.grid().chatSessionMembers(group).contains(aliceId), "Alice joined her group again");
        ChatSessionMembersChanged back = bobEvents.awaitEvent(ChatSessionMembersChanged.class,
                c -> c.joined().contains(aliceId), LONG);
        assertThat(back.sessionId()).isEqualTo(group);
    }

    @Test
    void groupsComeWithTheLoginAndTheirChatIsJoinedAtOnce() throws Exception {
        UUID group = builders();
        UUID bobId = bob.agentId().orElseThrow();
        bob.disconnect();
        await(() -> !grid.grid().chatSessionMembers(group).contains(bobId), "Bob's logout left the session");
        try (slnet.Client again = E2e.client(); slnet.network.EventStream seen = again.events().events()) {
            again.connect(E2e.credentials(grid, E2e.BOB));
            assertThat(seen.awaitEvent(GroupsChanged.class, g -> !g.groups().isEmpty(), LONG).groups())
                    .extracting(slnet.GroupMembership::name).containsExactly("Builders");
            await(() -> grid.grid().chatSessionMembers(group).contains(bobId), "Bob joined again at login");
            alice.chatSessions().send(group, "welcome back");
            assertThat(seen.awaitEvent(ChatSessionMessage.class, LONG).text()).isEqualTo("welcome back");
        }
    }

    @Test
    void aConferenceStartsWithAnInvitationAndGoesOnOnceJoined() throws Exception {
        UUID bobId = bob.agentId().orElseThrow();
        UUID conference = alice.chatSessions().startConference(List.of(bobId)).get(LONG.toSeconds(), TimeUnit.SECONDS);
        alice.chatSessions().send(conference, "a word, Bob?");
        ChatSessionInvited invited = bobEvents.awaitEvent(ChatSessionInvited.class, LONG);
        assertThat(invited.sessionId()).isEqualTo(conference);
        assertThat(invited.group()).isFalse();
        assertThat(invited.text()).isEqualTo("a word, Bob?");

        bob.chatSessions().join(conference).get(LONG.toSeconds(), TimeUnit.SECONDS);
        alice.chatSessions().send(conference, "thanks for joining");
        ChatSessionMessage heard = bobEvents.awaitEvent(ChatSessionMessage.class, LONG);
        assertThat(heard.sessionId()).isEqualTo(conference);
        assertThat(heard.group()).isFalse();
        assertThat(heard.text()).isEqualTo("thanks for joining");
        bob.chatSessions().send(conference, "sure");
        assertThat(events.awaitEvent(ChatSessionMessage.class, LONG).text()).isEqualTo("sure");
    }
}
