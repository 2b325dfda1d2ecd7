package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ChatReceived;
import slnet.ChatSourceType;
import slnet.ScriptDialogReceived;
import slnet.ScriptPermissions;
import slnet.ScriptQuestionReceived;
import slnet.protocol.types.Vector3;
import slnet.testgrid.sim.SimObject;
import slnet.world.WorldObject;

/**
 * Touching a scripted object and answering its dialog, over real UDP on loopback: the grid's
 * object answers a touch with {@code ScriptDialog} and says what was chosen in local chat.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScriptsTest extends BotsOnTestGrid {
    private WorldObject scripted(SimObject object, String name, String text, int channel, List<String> buttons)
            throws Exception {
        int localId = sim.objects().addObject(object);
        sim.objects().setTouchDialog(localId, name, text, channel, buttons);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alice.world().object(object.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the object's update reaches the world model on the dispatch thread
        }
        return alice.world().object(object.id()).orElseThrow();
    }

    @Test
    void aTouchShowsTheDialogAndTheAnswerReachesTheScript() throws Exception {
        SimObject box = SimObject.box(new Vector3(130, 128, 25));
        WorldObject seen = scripted(box, "Colour Picker", "Pick a colour", -4242, List.of("Red", "Green", "Blue"));

        alice.scripts().touch(seen);
        ScriptDialogReceived dialog = events.awaitEvent(ScriptDialogReceived.class, WAIT);
        assertThat(dialog.objectId()).isEqualTo(box.id());
        assertThat(dialog.objectName()).isEqualTo("Colour Picker");
        assertThat(dialog.ownerName()).isEqualTo("Test Owner");
        assertThat(dialog.ownerId()).isPresent();
        assertThat(dialog.message()).isEqualTo("Pick a colour");
        assertThat(dialog.channel()).isEqualTo(-4242);
        assertThat(dialog.buttons()).containsExactly("Red", "Green", "Blue");
        assertThat(dialog.textBox()).isFalse();
        sim.awaitMessage(ALICE.agentId(), "ObjectDeGrab", WAIT); // a click: grab, then let go

        assertThatThrownBy(() -> alice.scripts().reply(dialog, "Purple")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.scripts().reply(dialog, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        alice.scripts().reply(dialog, "Blue");
        ChatReceived said = events.awaitEvent(ChatReceived.class,
                e -> e.message().sourceType() == ChatSourceType.OBJECT, WAIT);
        assertThat(said.message().fromName()).isEqualTo("Colour Picker");
        assertThat(said.message().text()).isEqualTo("Alice Tester chose Blue");

        // By id, as a bot that knows the object's UUID does; by index this time.
        alice.scripts().touch(box.id());
        alice.scripts().reply(events.awaitEvent(ScriptDialogReceived.class, WAIT), 0);
        assertThat(events.awaitEvent(ChatReceived.class, e -> e.message().sourceType() == ChatSourceType.OBJECT,
                WAIT).message().text()).isEqualTo("Alice Tester chose Red");
    }

    @Test
    void aTextBoxIsAnsweredWithText() throws Exception {
        SimObject box = SimObject.box(new Vector3(126, 128, 25));
        WorldObject seen = scripted(box, "Guest Book", "Sign here", 77, List.of());
        alice.scripts().touch(seen);
        ScriptDialogReceived dialog = events.awaitEvent(ScriptDialogReceived.class, WAIT);
        assertThat(dialog.textBox()).isTrue();
        assertThat(dialog.buttons()).isEmpty();
        alice.scripts().replyText(dialog, "Alice was here");
        assertThat(events.awaitEvent(ChatReceived.class, e -> e.message().sourceType() == ChatSourceType.OBJECT,
                WAIT).message().text()).isEqualTo("Alice Tester chose Alice was here");
    }

    @Test
    void permissionRequestsAreAnsweredByThePolicy() throws Exception {
        SimObject ball = SimObject.sphere(new Vector3(128, 132, 25));
        int localId = sim.objects().addObject(ball);
        int asked = ScriptPermissions.TRIGGER_ANIMATION | ScriptPermissions.DEBIT;
        sim.objects().setTouchPermissionRequest(localId, "Dance Ball", asked);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alice.world().object(ball.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the object's update reaches the world model on the dispatch thread
        }

        // By default a bot grants nothing: the viewer's "No" is an answer with no bits.
        alice.scripts().touch(ball.id());
        ScriptQuestionReceived first = events.awaitEvent(ScriptQuestionReceived.class, WAIT);
        assertThat(first.objectName()).isEqualTo("Dance Ball");
        assertThat(first.ownerName()).isEqualTo("Test Owner");
        assertThat(first.questions()).isEqualTo(asked);
        assertThat(first.granted()).isZero();
        assertThat(events.awaitEvent(ChatReceived.class, e -> e.message().sourceType() == ChatSourceType.OBJECT,
                WAIT).message().text()).isEqualTo("Alice Tester granted 0x0");

        // Animations yes, money never.
        alice.scripts().permissionPolicy(ScriptPermissions.Policy.allowingOwner("test owner",
                ScriptPermissions.TRIGGER_ANIMATION | ScriptPermissions.ATTACH));
        alice.scripts().touch(ball.id());
        assertThat(events.awaitEvent(ScriptQuestionReceived.class, WAIT).granted())
                .isEqualTo(ScriptPermissions.TRIGGER_ANIMATION);
        assertThat(events.awaitEvent(ChatReceived.class, e -> e.message().sourceType() == ChatSourceType.OBJECT,
                WAIT).message().text()).isEqualTo("Alice Tester granted 0x10");
    }

    @Test
    void touchingAnUnknownObjectSaysSo() {
        assertThatThrownBy(() -> alice.scripts().touch(java.util.UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in view");
    }
}
