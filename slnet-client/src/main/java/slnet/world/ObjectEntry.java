package slnet.world;

/**
 * One object as the store keeps it: the last decoded snapshot and its motion as floats, which terse
 * updates overwrite in place. The snapshot is rebuilt from the floats only when read after a move.
 * Guarded by the owning {@link RegionObjects}.
 */
final class ObjectEntry {
    final int localId;
    private WorldObject snapshot;
    final MutableMotion motion = new MutableMotion();
    private boolean moved;

    ObjectEntry(WorldObject first) {
        this.localId = first.localId();
        replace(first);
    }

    void replace(WorldObject object) {
        snapshot = object;
        motion.set(object.motion());
        moved = false;
    }

    void setProperties(ObjectProperties properties) {
        snapshot = snapshot().withProperties(properties);
    }

    void moved() {
        moved = true;
    }

    /** The object as of now, built once per move. */
    WorldObject snapshot() {
        if (moved) {
            snapshot = snapshot.withMotion(motion.toMotion());
            moved = false;
        }
        return snapshot;
    }

    /** The last snapshot without applying pending motion (for fields terse updates do not touch). */
    WorldObject base() {
        return snapshot;
    }
}
