package slnet.world;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * The objects of one region (one simulator circuit), as its updates describe them: by local id, by
 * UUID, and as linksets (children by parent local id; a child may arrive before its parent, and is
 * linked when the parent comes).
 *
 * <h2>Threading</h2>
 * Thread-safe: the world applies updates on the circuit's dispatch thread while any thread reads.
 * Every read returns immutable {@link WorldObject} snapshots; a terse update changes the stored
 * motion in place and a snapshot is only built when the object is read or an event needs it.
 */
public final class RegionObjects {
    private final long regionHandle;
    private final InetSocketAddress simulator;
    private final LocalIdMap<ObjectEntry> byLocalId = new LocalIdMap<>(256);
    private final Map<UUID, ObjectEntry> byId = new HashMap<>();
    /** Parent local id to its children's local ids, also for parents not (yet) known. */
    private final Map<Integer, Set<Integer>> children = new HashMap<>();

    /**
     * An empty region store; the world makes one per circuit.
     *
     * @param regionHandle the region's handle
     * @param simulator the simulator's address, or null when not on a circuit (tests, benchmarks)
     */
    public RegionObjects(long regionHandle, InetSocketAddress simulator) {
        this.regionHandle = regionHandle;
        this.simulator = simulator;
    }

    /**
     * Returns the region's handle.
     *
     * @return the region's handle
     */
    public long regionHandle() {
        return regionHandle;
    }

    /**
     * Returns the simulator's UDP address, or null for a store not on a circuit.
     *
     * @return the simulator's UDP address, or null for a store not on a circuit
     */
    public InetSocketAddress simulator() {
        return simulator;
    }

    /**
     * Returns how many objects are known.
     *
     * @return how many objects are known
     */
    public synchronized int size() {
        return byLocalId.size();
    }

    /**
     * Returns the object.
     *
     * @param localId a local id
     * @return the object
     */
    public synchronized Optional<WorldObject> get(int localId) {
        ObjectEntry e = byLocalId.get(localId);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    /**
     * Returns the object.
     *
     * @param id an object's UUID
     * @return the object
     */
    public synchronized Optional<WorldObject> get(UUID id) {
        ObjectEntry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    /**
     * Returns every object, in no particular order.
     *
     * @return every object, in no particular order
     */
    public synchronized List<WorldObject> all() {
        List<WorldObject> all = new ArrayList<>(byLocalId.size());
        byLocalId.forEach(e -> all.add(e.snapshot()));
        return all;
    }

    /**
     * Returns those matching, in no particular order.
     *
     * @param filter which objects
     * @return those matching, in no particular order
     */
    public synchronized List<WorldObject> find(Predicate<? super WorldObject> filter) {
        List<WorldObject> found = new ArrayList<>();
        byLocalId.forEach(e -> {
            WorldObject o = e.snapshot();
            if (filter.test(o)) {
                found.add(o);
            }
        });
        return found;
    }

    /**
     * Returns the avatars in view.
     *
     * @return the avatars in view
     */
    public List<WorldObject> avatars() {
        return find(WorldObject::isAvatar);
    }

    /**
     * Objects by name, ignoring case: avatars by their name-value names, others by the name their
     * properties gave (ask with {@link World#requestProperties}).
     *
     * @param name the name
     * @return those so named
     */
    public List<WorldObject> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return find(o -> o.name().map(n -> n.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false));
    }

    /**
     * Objects whose region position is within {@code radius} of {@code centre}. A child's region
     * position is its root's position plus its own, rotated by the root; a child whose root is not
     * known is left out.
     *
     * @param centre region coordinates
     * @param radius meters
     * @return those near, in no particular order
     */
    public synchronized List<WorldObject> within(Vector3 centre, float radius) {
        Objects.requireNonNull(centre, "centre");
        float r2 = radius * radius;
        List<WorldObject> found = new ArrayList<>();
        byLocalId.forEach(e -> {
            Vector3 p = regionPositionLocked(e);
            if (p != null) {
                float dx = p.x() - centre.x();
                float dy = p.y() - centre.y();
                float dz = p.z() - centre.z();
                if (dx * dx + dy * dy + dz * dz <= r2) {
                    found.add(e.snapshot());
                }
            }
        });
        return found;
    }

    /**
     * Returns its position in region coordinates, when it and its ancestors are known.
     *
     * @param localId an object
     * @return its position in region coordinates, when it and its ancestors are known
     */
    public synchronized Optional<Vector3> regionPosition(int localId) {
        ObjectEntry e = byLocalId.get(localId);
        return e == null ? Optional.empty() : Optional.ofNullable(regionPositionLocked(e));
    }

    /**
     * Returns its children as known.
     *
     * @param parentLocalId a parent's local id (known or not)
     * @return its children as known
     */
    public synchronized List<WorldObject> children(int parentLocalId) {
        Set<Integer> ids = children.get(parentLocalId);
        if (ids == null) {
            return List.of();
        }
        List<WorldObject> found = new ArrayList<>(ids.size());
        for (int id : ids) {
            ObjectEntry e = byLocalId.get(id);
            if (e != null) {
                found.add(e.snapshot());
            }
        }
        return found;
    }

    /**
     * The root of an object's linkset: itself for a root object.
     *
     * @param localId an object
     * @return its root, empty if it or an ancestor is not known (yet)
     */
    public synchronized Optional<WorldObject> root(int localId) {
        ObjectEntry e = byLocalId.get(localId);
        for (int hops = 0; e != null && hops < 64; hops++) {
            int parent = e.base().parentId();
            if (parent == 0) {
                return Optional.of(e.snapshot());
            }
            e = byLocalId.get(parent);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RegionObjects[" + regionHandle + ", " + size() + " objects]";
    }

    // ---------------------------------------------------------------- updates (package-private)

    /** Told of every change while the store's lock is held; must not block. */
    interface Changes {
        void appeared(ObjectEntry entry);

        void changed(ObjectEntry entry, Set<ObjectChange> what);

        void removed(WorldObject last, ObjectRemoved.Reason reason);

        Changes NONE = new Changes() {
            @Override
            public void appeared(ObjectEntry entry) {
            }

            @Override
            public void changed(ObjectEntry entry, Set<ObjectChange> what) {
            }

            @Override
            public void removed(WorldObject last, ObjectRemoved.Reason reason) {
            }
        };
    }

    /** Adds or replaces an object from a full, compressed or cached update. */
    synchronized void put(WorldObject object, Changes changes) {
        ObjectEntry e = byLocalId.get(object.localId());
        if (e == null) {
            ObjectEntry stale = byId.get(object.id());
            if (stale != null) {
                // Same object under a new local id (the simulator reassigned it): forget the old one.
                removeLocked(stale.localId, null, Changes.NONE);
            }
            e = new ObjectEntry(object);
            byLocalId.put(object.localId(), e);
            byId.put(object.id(), e);
            link(object.localId(), object.parentId());
            changes.appeared(e);
            return;
        }
        WorldObject before = e.snapshot();
        if (!before.id().equals(object.id())) {
            byId.remove(before.id(), e);
            byId.put(object.id(), e);
        }
        if (before.parentId() != object.parentId()) {
            unlink(object.localId(), before.parentId());
            link(object.localId(), object.parentId());
        }
        WorldObject merged = before.properties() != null && object.properties() == null
                && before.id().equals(object.id()) ? object.withProperties(before.properties()) : object;
        Set<ObjectChange> what = differences(before, merged);
        e.replace(merged);
        if (!what.isEmpty()) {
            changes.changed(e, what);
        }
    }

    /**
     * Applies one terse block in place.
     *
     * @return true if the object was known
     */
    synchronized boolean applyTerse(Bytes data, Changes changes) throws ObjectDecodeException {
        int localId = ObjectMotions.terseLocalId(data);
        ObjectEntry e = byLocalId.get(localId);
        if (e == null) {
            return false;
        }
        ObjectMotions.applyTerse(data, e.motion);
        e.moved();
        changes.changed(e, MOTION);
        return true;
    }

    private static final Set<ObjectChange> MOTION = Set.of(ObjectChange.MOTION);
    private static final Set<ObjectChange> TEXTURES_CHANGED = Set.of(ObjectChange.TEXTURES);
    private static final Set<ObjectChange> PROPERTIES_CHANGED = Set.of(ObjectChange.PROPERTIES);

    /** Replaces an object's textures (a terse update's optional texture entry). */
    synchronized void setTextures(int localId, TextureEntry textures, Changes changes) {
        ObjectEntry e = byLocalId.get(localId);
        if (e == null) {
            return;
        }
        WorldObject o = e.snapshot();
        e.replace(new WorldObject(o.regionHandle(), o.localId(), o.id(), o.parentId(), o.pcode(), o.state(), o.crc(),
                o.material(), o.clickAction(), o.scale(), o.motion(), o.updateFlags(), o.shape(), textures,
                o.extraParams(), o.nameValues(), o.text(), o.mediaUrl(), o.particleSystem(), o.textureAnimation(),
                o.data(), o.sound(), o.ownerId(), o.properties()));
        changes.changed(e, TEXTURES_CHANGED);
    }

    /** Records a properties reply for a known object; false if not known here. */
    synchronized boolean setProperties(ObjectProperties properties, Changes changes) {
        ObjectEntry e = byId.get(properties.objectId());
        if (e == null) {
            return false;
        }
        if (!properties.equals(e.base().properties())) {
            e.setProperties(properties);
            changes.changed(e, PROPERTIES_CHANGED);
        }
        return true;
    }

    /** @return the object's CRC if known, else empty */
    synchronized java.util.OptionalInt crc(int localId) {
        ObjectEntry e = byLocalId.get(localId);
        return e == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(e.base().crc());
    }

    /** Removes an object and, as the viewer does, everything linked below it. @return how many */
    synchronized int kill(int localId, Changes changes) {
        return removeLocked(localId, ObjectRemoved.Reason.KILLED, changes);
    }

    /** Removes every object (the region ended). */
    synchronized int clear(Changes changes) {
        List<ObjectEntry> all = new ArrayList<>(byLocalId.size());
        byLocalId.forEach(all::add);
        byLocalId.clear();
        byId.clear();
        children.clear();
        for (ObjectEntry e : all) {
            changes.removed(e.snapshot(), ObjectRemoved.Reason.REGION_ENDED);
        }
        return all.size();
    }

    private int removeLocked(int localId, ObjectRemoved.Reason reason, Changes changes) {
        ObjectEntry e = byLocalId.remove(localId);
        if (e == null) {
            return 0;
        }
        WorldObject last = e.snapshot();
        byId.remove(last.id(), e);
        unlink(localId, last.parentId());
        int removed = 1;
        Set<Integer> kids = children.remove(localId);
        if (reason != null) {
            changes.removed(last, reason);
        }
        if (kids != null) {
            for (int child : List.copyOf(kids)) {
                removed += removeLocked(child, reason == null ? null : ObjectRemoved.Reason.PARENT_KILLED, changes);
            }
        }
        return removed;
    }

    private void link(int child, int parent) {
        if (parent != 0) {
            children.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(child);
        }
    }

    private void unlink(int child, int parent) {
        if (parent == 0) {
            return;
        }
        Set<Integer> kids = children.get(parent);
        if (kids != null && kids.remove(child) && kids.isEmpty()) {
            children.remove(parent);
        }
    }

    private Vector3 regionPositionLocked(ObjectEntry e) {
        MutableMotion m = e.motion;
        int parent = e.base().parentId();
        if (parent == 0) {
            return new Vector3(m.px, m.py, m.pz);
        }
        ObjectEntry p = byLocalId.get(parent);
        if (p == null || p.base().parentId() != 0) {
            return null; // parent unknown, or nested deeper than a linkset (an attachment's prims)
        }
        MutableMotion pm = p.motion;
        Vector3 offset = rotate(new Quaternion(pm.qx, pm.qy, pm.qz, pm.qw), m.px, m.py, m.pz);
        return new Vector3(pm.px + offset.x(), pm.py + offset.y(), pm.pz + offset.z());
    }

    private static Vector3 rotate(Quaternion q, float x, float y, float z) {
        // v' = v + 2w(u x v) + 2 u x (u x v), u = (qx, qy, qz)
        float tx = 2 * (q.y() * z - q.z() * y);
        float ty = 2 * (q.z() * x - q.x() * z);
        float tz = 2 * (q.x() * y - q.y() * x);
        return new Vector3(x + q.w() * tx + (q.y() * tz - q.z() * ty), y + q.w() * ty + (q.z() * tx - q.x() * tz),
                z + q.w() * tz + (q.x() * ty - q.y() * tx));
    }

    static Set<ObjectChange> differences(WorldObject a, WorldObject b) {
        EnumSet<ObjectChange> what = EnumSet.noneOf(ObjectChange.class);
        if (!a.motion().equals(b.motion())) {
            what.add(ObjectChange.MOTION);
        }
        if (a.parentId() != b.parentId()) {
            what.add(ObjectChange.PARENT);
        }
        if (!a.scale().equals(b.scale())) {
            what.add(ObjectChange.SCALE);
        }
        if (!a.shape().equals(b.shape())) {
            what.add(ObjectChange.SHAPE);
        }
        if (!a.textures().equals(b.textures())) {
            what.add(ObjectChange.TEXTURES);
        }
        if (!a.extraParams().equals(b.extraParams())) {
            what.add(ObjectChange.EXTRA_PARAMS);
        }
        if (!Objects.equals(a.text(), b.text())) {
            what.add(ObjectChange.TEXT);
        }
        if (!a.nameValues().equals(b.nameValues())) {
            what.add(ObjectChange.NAME_VALUES);
        }
        if (a.updateFlags() != b.updateFlags()) {
            what.add(ObjectChange.FLAGS);
        }
        if (a.material() != b.material() || a.clickAction() != b.clickAction()) {
            what.add(ObjectChange.MATERIAL);
        }
        if (!a.mediaUrl().equals(b.mediaUrl())) {
            what.add(ObjectChange.MEDIA);
        }
        if (!Objects.equals(a.sound(), b.sound())) {
            what.add(ObjectChange.SOUND);
        }
        if (!a.particleSystem().equals(b.particleSystem()) || !a.textureAnimation().equals(b.textureAnimation())) {
            what.add(ObjectChange.PARTICLES);
        }
        if (!Objects.equals(a.properties(), b.properties())) {
            what.add(ObjectChange.PROPERTIES);
        }
        if (a.crc() != b.crc() || a.state() != b.state() || !a.ownerId().equals(b.ownerId())
                || !a.data().equals(b.data()) || a.pcode() != b.pcode() || !a.id().equals(b.id())) {
            what.add(ObjectChange.OTHER);
        }
        return what;
    }
}
