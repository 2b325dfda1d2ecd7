package slnet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import slnet.protocol.messages.ObjectDeGrab;
import slnet.protocol.messages.ObjectGrab;
import slnet.protocol.messages.ScriptDialogReply;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.world.WorldObject;

/**
 * What a {@link Client} does with scripted objects: touch them, and answer their dialogs
 * ({@link ScriptDialogReceived} events on {@link Client#events()}). To talk to a script on a
 * channel, use {@link Chat#say(String, int, ChatType)}. Thread-safe.
 */
public final class Scripts {
    /** The viewer's limit for a dialog answer's label, in bytes of UTF-8 (the field's length byte). */
    public static final int MAX_REPLY_BYTES = 254;

    private final Client client;
    private volatile ScriptPermissions.Policy permissionPolicy = ScriptPermissions.Policy.DENY_ALL;

    Scripts(Client client) {
        this.client = client;
    }

    /**
     * Sets how permission requests ({@code ScriptQuestion}) are answered from now on; each is
     * answered at once ({@code ScriptAnswerYes}, with the granted bits, 0 for no, as the viewer
     * does) and reported as a {@link ScriptQuestionReceived} event. The default denies everything.
     *
     * @param policy the policy
     */
    public void permissionPolicy(ScriptPermissions.Policy policy) {
        permissionPolicy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Returns the policy answering permission requests.
     *
     * @return the policy answering permission requests
     */
    public ScriptPermissions.Policy permissionPolicy() {
        return permissionPolicy;
    }

    /** Answers a permission request by the policy; on the dispatch thread. */
    ScriptQuestionReceived answer(slnet.protocol.messages.ScriptQuestion message, java.time.Instant at) {
        slnet.protocol.messages.ScriptQuestion.Data d = message.data();
        ScriptQuestionReceived asked = new ScriptQuestionReceived(d.taskID(), d.itemID(), d.objectName().asString(),
                d.objectOwner().asString(), message.experience().experienceID(), d.questions(), 0, at);
        int granted;
        try {
            granted = permissionPolicy.grant(asked) & d.questions();
        } catch (RuntimeException e) {
            granted = 0; // a failing policy grants nothing
        }
        Client.Connected c = client.connected();
        c.circuit().send(new slnet.protocol.messages.ScriptAnswerYes(
                new slnet.protocol.messages.ScriptAnswerYes.AgentData(c.agentId(), c.sessionId()),
                new slnet.protocol.messages.ScriptAnswerYes.Data(d.taskID(), d.itemID(), granted)), true);
        return new ScriptQuestionReceived(asked.taskId(), asked.itemId(), asked.objectName(), asked.ownerName(),
                asked.experienceId(), asked.questions(), granted, at);
    }

    /**
     * Touches an object as a click in the viewer does: {@code ObjectGrab} then {@code ObjectDeGrab}
     * (reliable), with the touch at the object's position, so its script's {@code touch_start} and
     * {@code touch_end} run.
     *
     * @param object the object, from {@link Client#world()}
     * @throws IllegalStateException if not connected
     */
    public void touch(WorldObject object) {
        Objects.requireNonNull(object, "object");
        Client.Connected c = client.connected();
        Vector3 at = object.position();
        // One surface block, as the viewer sends: where on the object the touch landed.
        List<ObjectGrab.SurfaceInfo> grabSurface = List.of(new ObjectGrab.SurfaceInfo(Vector3.ZERO, Vector3.ZERO, 0,
                at, Vector3.ZERO, Vector3.ZERO));
        List<ObjectDeGrab.SurfaceInfo> releaseSurface = List.of(new ObjectDeGrab.SurfaceInfo(Vector3.ZERO,
                Vector3.ZERO, 0, at, Vector3.ZERO, Vector3.ZERO));
        c.circuit().send(new ObjectGrab(new ObjectGrab.AgentData(c.agentId(), c.sessionId()),
                new ObjectGrab.ObjectData(object.localId(), Vector3.ZERO), grabSurface), true);
        c.circuit().send(new ObjectDeGrab(new ObjectDeGrab.AgentData(c.agentId(), c.sessionId()),
                new ObjectDeGrab.ObjectData(object.localId()), releaseSurface), true);
    }

    /**
     * Touches the object with that id, if the world model knows it.
     *
     * @param objectId the object's id
     * @throws IllegalArgumentException if no region in view holds that object
     * @throws IllegalStateException if not connected
     */
    public void touch(UUID objectId) {
        Objects.requireNonNull(objectId, "objectId");
        touch(client.world().object(objectId).orElseThrow(
                () -> new IllegalArgumentException("no object " + objectId + " in view")));
    }

    /**
     * Presses one of a dialog's buttons ({@code ScriptDialogReply}, reliable): the script hears its
     * label on the dialog's channel, from the agent.
     *
     * @param dialog the dialog
     * @param buttonIndex which button, from 0
     * @throws IndexOutOfBoundsException if the dialog has no such button
     * @throws IllegalStateException if not connected
     */
    public void reply(ScriptDialogReceived dialog, int buttonIndex) {
        Objects.requireNonNull(dialog, "dialog");
        Objects.checkIndex(buttonIndex, dialog.buttons().size());
        send(dialog, buttonIndex, dialog.buttons().get(buttonIndex));
    }

    /**
     * Presses the dialog's button with that label.
     *
     * @param dialog the dialog
     * @param label the button's label, exactly
     * @throws IllegalArgumentException if the dialog has no such button
     * @throws IllegalStateException if not connected
     */
    public void reply(ScriptDialogReceived dialog, String label) {
        Objects.requireNonNull(dialog, "dialog");
        int index = dialog.buttons().indexOf(Objects.requireNonNull(label, "label"));
        if (index < 0) {
            throw new IllegalArgumentException("the dialog has no button \"" + label + "\": " + dialog.buttons());
        }
        send(dialog, index, label);
    }

    /**
     * Answers a text box ({@code llTextBox}) with free text; the script hears the text on the
     * dialog's channel.
     *
     * @param dialog the dialog
     * @param text the answer
     * @throws IllegalArgumentException if the text is longer than {@link #MAX_REPLY_BYTES}
     * @throws IllegalStateException if not connected
     */
    public void replyText(ScriptDialogReceived dialog, String text) {
        Objects.requireNonNull(dialog, "dialog");
        send(dialog, 0, Objects.requireNonNull(text, "text"));
    }

    private void send(ScriptDialogReceived dialog, int index, String label) {
        if (label.getBytes(StandardCharsets.UTF_8).length > MAX_REPLY_BYTES) {
            throw new IllegalArgumentException("a dialog answer is longer than " + MAX_REPLY_BYTES + " bytes");
        }
        Client.Connected c = client.connected();
        c.circuit().send(new ScriptDialogReply(new ScriptDialogReply.AgentData(c.agentId(), c.sessionId()),
                new ScriptDialogReply.Data(dialog.objectId(), dialog.channel(), index, Bytes.ofString(label))), true);
    }
}
