package slnet.testgrid.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import slnet.protocol.Message;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.ObjectUpdateCached;
import slnet.protocol.messages.ObjectUpdateCompressed;
import slnet.protocol.messages.RequestMultipleObjects;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * The objects a test region holds, sent the way a simulator sends them: every object to a viewer
 * that completes its movement into the region (as {@code ObjectUpdate}, or on a switch as
 * {@code ObjectUpdateCompressed} or {@code ObjectUpdateCached}), a full update to everyone in the
 * region when one is added, a terse update when one moves, {@code KillObject} when one is removed,
 * and {@code RequestMultipleObjects} answered with compressed updates. Thread-safe.
 */
public final class SimObjects {
    /** How a region describes its objects to a viewer entering it. */
    public enum UpdateForm {
        /** {@code ObjectUpdate}, every field. */ FULL,
        /** {@code ObjectUpdateCompressed}. */ COMPRESSED,
        /** {@code ObjectUpdateCached}: id and CRC only; the viewer asks for what it lacks. */ CACHED
    }

    private static final int FULL_SPEED = 65535;
    private static final UUID DEFAULT_TEXTURE = UUID.fromString("89556747-24cb-43ed-920b-47caed15465f");

    private final Region region;
    private final AtomicInteger nextLocalId = new AtomicInteger(5_000);
    private final Map<Integer, SimObject> objects = new LinkedHashMap<>();
    private volatile UpdateForm form = UpdateForm.FULL;
    private final AtomicInteger requestedObjects = new AtomicInteger();
    /** Objects whose script answers a touch with a dialog, by local id. */
    private final Map<Integer, Vector3> sitTargets = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, TouchDialog> dialogs = new java.util.concurrent.ConcurrentHashMap<>();
    /** The owner every scripted object of a test grid has. */
    static final UUID SCRIPT_OWNER = UUID.nameUUIDFromBytes("slnet test grid script owner".getBytes(StandardCharsets.UTF_8));

    /** Objects whose script asks a touching agent for permissions. */
    private final Map<Integer, PermissionRequest> permissionRequests = new java.util.concurrent.ConcurrentHashMap<>();
    /** The name the owner of every scripted object goes by. */
    private static final String OWNER_FIRST = "Test";
    private static final String OWNER_LAST = "Owner";

    /** What a touched object's script asks for, under which name. */
    private record PermissionRequest(String objectName, int questions) {
    }

    /** What a touched object's script shows, and says when answered. */
    private record TouchDialog(String objectName, String message, int channel, List<String> buttons) {
    }

    SimObjects(Region region) {
        this.region = region;
    }

    /**
     * Sets how objects are sent to viewers entering from now on.
     *
     * @param updateForm how objects are sent to viewers entering from now on
     */
    public void setUpdateForm(UpdateForm updateForm) {
        form = updateForm;
    }

    /**
     * Adds an object and sends it in full to everyone in the region.
     *
     * @param object the object
     * @return its local id
     */
    public int addObject(SimObject object) {
        int localId = nextLocalId.getAndIncrement();
        synchronized (this) {
            objects.put(localId, object);
        }
        region.broadcast(full(List.of(Map.entry(localId, object))), null);
        return localId;
    }

    /**
     * Gives an object a script that answers a touch with a dialog ({@code llDialog}), and, when a
     * button is pressed, says in local chat (normal range) "First Last chose LABEL", as the object.
     * An empty button list makes it a text box ({@code llTextBox}); the answer is said the same way.
     *
     * @param localId the object
     * @param objectName the name the dialog and the chat give it
     * @param message the dialog's text
     * @param channel the channel it listens on for the answer
     * @param buttons the buttons' labels (at most 12, as in llDialog)
     * @throws IllegalArgumentException if there is no such object, or more than 12 buttons
     */
    public void setTouchDialog(int localId, String objectName, String message, int channel, List<String> buttons) {
        if (buttons.size() > 12) {
            throw new IllegalArgumentException("a dialog has at most 12 buttons");
        }
        requireObject(localId);
        dialogs.put(localId, new TouchDialog(objectName, message, channel, List.copyOf(buttons)));
    }

    /**
     * Gives an object a script that asks a touching agent for permissions
     * ({@code llRequestPermissions}: {@code ScriptQuestion}) and, when answered
     * ({@code ScriptAnswerYes}), says in local chat "First Last granted 0xBITS" (hexadecimal, 0 for
     * a refusal), as the object.
     *
     * @param localId the object
     * @param objectName the name the question and the chat give it
     * @param questions the permission bits asked for
     * @throws IllegalArgumentException if there is no such object
     */
    public void setTouchPermissionRequest(int localId, String objectName, int questions) {
        requireObject(localId);
        permissionRequests.put(localId, new PermissionRequest(objectName, questions));
    }

    private synchronized void requireObject(int localId) {
        if (!objects.containsKey(localId)) {
            throw new IllegalArgumentException("no object " + localId);
        }
    }

    /** The id of the one script each scripted object of a test grid holds. */
    private static UUID scriptItem(SimObject object) {
        return UUID.nameUUIDFromBytes(("script of " + object.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** An agent answered a permission request: the object's script says what it got. */
    void permissionsAnswered(Agent agent, slnet.protocol.messages.ScriptAnswerYes.Data answer) {
        permissionRequests.forEach((localId, request) -> {
            SimObject object;
            synchronized (this) {
                object = objects.get(localId);
            }
            if (object != null && object.id().equals(answer.taskID()) && scriptItem(object).equals(answer.itemID())) {
                region.sayAsObject(object.id(), request.objectName(), object.position(), 1,
                        agent.session.fullName() + " granted 0x" + Integer.toHexString(answer.questions()));
            }
        });
    }

    /** An agent touched an object (ObjectGrab): its script, if any, shows the dialog or asks. */
    void touched(Agent agent, int localId) {
        TouchDialog dialog = dialogs.get(localId);
        PermissionRequest request = permissionRequests.get(localId);
        SimObject object;
        synchronized (this) {
            object = objects.get(localId);
        }
        if (object != null && request != null) {
            agent.circuit.sendReliable(new slnet.protocol.messages.ScriptQuestion(
                    new slnet.protocol.messages.ScriptQuestion.Data(object.id(), scriptItem(object),
                            Bytes.ofString(request.objectName()), Bytes.ofString(OWNER_FIRST + " " + OWNER_LAST),
                            request.questions()),
                    new slnet.protocol.messages.ScriptQuestion.Experience(new UUID(0, 0))));
        }
        if (dialog == null || object == null) {
            return;
        }
        List<slnet.protocol.messages.ScriptDialog.Buttons> buttons = new ArrayList<>();
        for (String label : dialog.buttons().isEmpty() ? List.of("!!llTextBox!!") : dialog.buttons()) {
            buttons.add(new slnet.protocol.messages.ScriptDialog.Buttons(Bytes.ofString(label)));
        }
        agent.circuit.sendReliable(new slnet.protocol.messages.ScriptDialog(
                new slnet.protocol.messages.ScriptDialog.Data(object.id(), Bytes.ofString(OWNER_FIRST),
                        Bytes.ofString(OWNER_LAST), Bytes.ofString(dialog.objectName()), Bytes.ofString(dialog.message()),
                        dialog.channel(), new UUID(0, 0)),
                buttons, List.of(new slnet.protocol.messages.ScriptDialog.OwnerData(SCRIPT_OWNER))));
    }

    /** An agent answered a dialog (ScriptDialogReply): the object's script says what was chosen. */
    void dialogAnswered(Agent agent, slnet.protocol.messages.ScriptDialogReply.Data reply) {
        dialogs.forEach((localId, dialog) -> {
            SimObject object;
            synchronized (this) {
                object = objects.get(localId);
            }
            if (object != null && object.id().equals(reply.objectID()) && dialog.channel() == reply.chatChannel()) {
                region.sayAsObject(object.id(), dialog.objectName(), object.position(), 1,
                        agent.session.fullName() + " chose " + reply.buttonLabel().asString());
            }
        });
    }

    /**
     * Moves an object and sends a terse update to everyone in the region.
     *
     * @param localId the object
     * @param to its new position
     */
    public void moveObject(int localId, Vector3 to) {
        SimObject moved;
        synchronized (this) {
            SimObject o = require(localId);
            moved = o.at(to);
            objects.put(localId, moved);
        }
        region.broadcast(new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(handle(), FULL_SPEED),
                List.of(new ImprovedTerseObjectUpdate.ObjectData(terse(localId, moved), Bytes.EMPTY))), null);
    }

    /**
     * Removes an object (not its children: delete those first, or let viewers drop them with it)
     * and sends {@code KillObject} to everyone in the region.
     *
     * @param localId the object
     */
    public void removeObject(int localId) {
        synchronized (this) {
            require(localId);
            objects.remove(localId);
        }
        region.broadcast(new KillObject(List.of(new KillObject.ObjectData(localId))), null);
    }

    /**
     * Gives an object a sit target ({@code llSitTarget}): an avatar that sits on it sits there, in its
     * frame, whatever offset the viewer asked for.
     *
     * @param localId the object
     * @param offset where the avatar sits, in the object's frame
     */
    public void setSitTarget(int localId, Vector3 offset) {
        synchronized (this) {
            require(localId);
        }
        sitTargets.put(localId, java.util.Objects.requireNonNull(offset, "offset"));
    }

    /** @return the object's sit target, if it has one */
    java.util.Optional<Vector3> sitTarget(int localId) {
        return java.util.Optional.ofNullable(sitTargets.get(localId));
    }

    /** @return the local id of the object with that id, or -1 */
    synchronized int localIdOf(java.util.UUID id) {
        for (Map.Entry<Integer, SimObject> entry : objects.entrySet()) {
            if (entry.getValue().id().equals(id)) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /**
     * Returns the objects by local id, a copy.
     *
     * @return the objects by local id, a copy
     */
    public synchronized Map<Integer, SimObject> objects() {
        return Map.copyOf(objects);
    }

    /**
     * Returns how many objects viewers asked for with {@code RequestMultipleObjects}.
     *
     * @return how many objects viewers asked for with {@code RequestMultipleObjects}
     */
    public int requestedObjects() {
        return requestedObjects.get();
    }

    private SimObject require(int localId) {
        SimObject o = objects.get(localId);
        if (o == null) {
            throw new IllegalArgumentException("no object " + localId);
        }
        return o;
    }

    private long handle() {
        return region.settings().handle();
    }

    // ---------------------------------------------------------------- hooks from Region

    /** A viewer completed its movement here: it gets every object, in the current form. */
    void sendAllTo(Agent agent) {
        List<Map.Entry<Integer, SimObject>> all;
        synchronized (this) {
            all = new ArrayList<>(objects.entrySet());
        }
        if (all.isEmpty()) {
            return;
        }
        for (int from = 0; from < all.size(); from += 8) {
            List<Map.Entry<Integer, SimObject>> batch = all.subList(from, Math.min(all.size(), from + 8));
            Message m = switch (form) {
                case FULL -> full(batch);
                case COMPRESSED -> compressed(batch);
                case CACHED -> cached(batch);
            };
            agent.circuit.sendReliable(m);
        }
    }

    /** A viewer asked for objects it does not have. */
    void answer(Agent agent, RequestMultipleObjects request) {
        List<Map.Entry<Integer, SimObject>> found = new ArrayList<>();
        synchronized (this) {
            for (RequestMultipleObjects.ObjectData d : request.objectData()) {
                SimObject o = objects.get(d.id());
                if (o != null) {
                    found.add(Map.entry(d.id(), o));
                }
            }
        }
        requestedObjects.addAndGet(request.objectData().size());
        for (int from = 0; from < found.size(); from += 8) {
            agent.circuit.sendReliable(compressed(found.subList(from, Math.min(found.size(), from + 8))));
        }
    }

    /** A viewer asked for an object's name and owner: objects here are named "Object {local id}". */
    /** A scripted object has the name its script gives it; others are "Object LOCALID". */
    private String nameOf(int localId) {
        TouchDialog dialog = dialogs.get(localId);
        if (dialog != null) {
            return dialog.objectName();
        }
        PermissionRequest request = permissionRequests.get(localId);
        return request != null ? request.objectName() : "Object " + localId;
    }

    void answerProperties(Agent agent, slnet.protocol.messages.RequestObjectPropertiesFamily request) {
        UUID wanted = request.objectData().objectID();
        Map.Entry<Integer, SimObject> found = null;
        synchronized (this) {
            for (Map.Entry<Integer, SimObject> e : objects.entrySet()) {
                if (e.getValue().id().equals(wanted)) {
                    found = e;
                }
            }
        }
        if (found == null) {
            return;
        }
        UUID zero = new UUID(0, 0);
        agent.circuit.sendReliable(new slnet.protocol.messages.ObjectPropertiesFamily(
                new slnet.protocol.messages.ObjectPropertiesFamily.ObjectData(request.objectData().requestFlags(),
                        wanted, zero, zero, 0, 0, 0, 0, 0, 0, 0, 0, 0, zero, Bytes.ofString(nameOf(found.getKey())),
                        Bytes.ofString(""))));
    }

    // ---------------------------------------------------------------- encoding

    private ObjectUpdate full(List<Map.Entry<Integer, SimObject>> batch) {
        List<ObjectUpdate.ObjectData> blocks = new ArrayList<>();
        for (Map.Entry<Integer, SimObject> e : batch) {
            SimObject o = e.getValue();
            Bytes text = o.text() == null ? Bytes.EMPTY : Bytes.ofString(o.text());
            blocks.add(new ObjectUpdate.ObjectData(e.getKey(), 0, o.id(), o.crc(), o.pcode(), 3, 0, o.scale(),
                    motion60(o), o.parentLocalId(), 0, o.pathCurve(), o.profileCurve(), 0, 0, 100, 100, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, o.profileHollow(), textureEntry(o), Bytes.EMPTY, Bytes.EMPTY,
                    treeData(o), text, Bytes.fromHex("ffff0000"), Bytes.EMPTY, Bytes.EMPTY, extraParams(o),
                    new UUID(0, 0), new UUID(0, 0), 0, 0, 0, 0, Vector3.ZERO, Vector3.ZERO));
        }
        return new ObjectUpdate(new ObjectUpdate.RegionData(handle(), FULL_SPEED), blocks);
    }

    private ObjectUpdateCompressed compressed(List<Map.Entry<Integer, SimObject>> batch) {
        List<ObjectUpdateCompressed.ObjectData> blocks = new ArrayList<>();
        for (Map.Entry<Integer, SimObject> e : batch) {
            blocks.add(new ObjectUpdateCompressed.ObjectData(0, compressedBlock(e.getKey(), e.getValue())));
        }
        return new ObjectUpdateCompressed(new ObjectUpdateCompressed.RegionData(handle(), FULL_SPEED), blocks);
    }

    private ObjectUpdateCached cached(List<Map.Entry<Integer, SimObject>> batch) {
        List<ObjectUpdateCached.ObjectData> blocks = new ArrayList<>();
        for (Map.Entry<Integer, SimObject> e : batch) {
            blocks.add(new ObjectUpdateCached.ObjectData(e.getKey(), e.getValue().crc(), 0));
        }
        return new ObjectUpdateCached(new ObjectUpdateCached.RegionData(handle(), FULL_SPEED), blocks);
    }

    private static Bytes motion60(SimObject o) {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        vector(b, o.position());
        vector(b, Vector3.ZERO);
        vector(b, Vector3.ZERO);
        Quaternion q = o.rotation().toWireForm();
        b.putFloat(q.x()).putFloat(q.y()).putFloat(q.z());
        vector(b, Vector3.ZERO);
        return Bytes.copyOf(b.array());
    }

    private static Bytes terse(int localId, SimObject o) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(localId).put((byte) 0).put((byte) 0);
        vector(b, o.position());
        for (int i = 0; i < 3; i++) {
            b.putShort(quantise(0, 128));
        }
        for (int i = 0; i < 3; i++) {
            b.putShort(quantise(0, 64));
        }
        Quaternion q = o.rotation().toWireForm();
        b.putShort(quantise(q.x(), 1)).putShort(quantise(q.y(), 1)).putShort(quantise(q.z(), 1))
                .putShort(quantise(q.w(), 1));
        for (int i = 0; i < 3; i++) {
            b.putShort(quantise(0, 64));
        }
        return Bytes.copyOf(b.array());
    }

    private Bytes compressedBlock(int localId, SimObject o) {
        ByteBuffer b = ByteBuffer.allocate(600).order(ByteOrder.LITTLE_ENDIAN);
        uuid(b, o.id());
        b.putInt(localId).put((byte) o.pcode()).put((byte) 0).putInt(o.crc()).put((byte) 3).put((byte) 0);
        vector(b, o.scale());
        vector(b, o.position());
        Quaternion q = o.rotation().toWireForm();
        b.putFloat(q.x()).putFloat(q.y()).putFloat(q.z());
        int flags = (o.parentLocalId() != 0 ? 0x20 : 0) | (o.text() != null ? 0x04 : 0) | (isTree(o) ? 0x02 : 0);
        b.putInt(flags);
        uuid(b, new UUID(0, 0));
        if (o.parentLocalId() != 0) {
            b.putInt(o.parentLocalId());
        }
        if (isTree(o)) {
            b.put((byte) 3);
        }
        if (o.text() != null) {
            b.put(o.text().getBytes(StandardCharsets.UTF_8)).put((byte) 0);
            b.put((byte) 0xFF).put((byte) 0xFF).put((byte) 0).put((byte) 0);
        }
        Bytes extra = extraParams(o);
        if (extra.length() == 0) {
            b.put((byte) 0);
        } else {
            b.put(extra.toArray());
        }
        b.put((byte) o.pathCurve()).putShort((short) 0).putShort((short) 0).put((byte) 100).put((byte) 100);
        b.put(new byte[8]).put((byte) 0);
        b.put((byte) o.profileCurve()).putShort((short) 0).putShort((short) 0).putShort((short) o.profileHollow());
        Bytes te = textureEntry(o);
        b.putInt(te.length()).put(te.toArray());
        return Bytes.copyOf(b.array(), 0, b.position());
    }

    private static boolean isTree(SimObject o) {
        return o.pcode() == 255 || o.pcode() == 111 || o.pcode() == 95;
    }

    private static Bytes treeData(SimObject o) {
        return isTree(o) ? Bytes.fromHex("03") : Bytes.EMPTY;
    }

    /** Default texture for every face; face 1 overridden when asked, then zero-bitfield terminators. */
    private static Bytes textureEntry(SimObject o) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        uuid(b, DEFAULT_TEXTURE);
        if (o.faceTexture() != null) {
            b.put((byte) 0x02);
            uuid(b, o.faceTexture());
        }
        b.put((byte) 0);
        b.putInt(0); // colour: white, opaque (the wire inverts it)
        b.put((byte) 0);
        return Bytes.copyOf(b.array(), 0, b.position());
    }

    private static Bytes extraParams(SimObject o) {
        if (o.lightRadius() <= 0) {
            return Bytes.EMPTY;
        }
        ByteBuffer b = ByteBuffer.allocate(23).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putShort((short) 0x20).putInt(16);
        b.put((byte) 255).put((byte) 255).put((byte) 255).put((byte) 255);
        b.putFloat(o.lightRadius()).putFloat(0).putFloat(0.75f);
        return Bytes.copyOf(b.array());
    }

    private static void vector(ByteBuffer b, Vector3 v) {
        b.putFloat(v.x()).putFloat(v.y()).putFloat(v.z());
    }

    private static void uuid(ByteBuffer b, UUID id) {
        ByteBuffer big = ByteBuffer.allocate(16);
        big.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        b.put(big.array());
    }

    private static short quantise(float value, float range) {
        return (short) Math.round((Math.max(-range, Math.min(range, value)) + range) / (2 * range) * 65535);
    }
}
