package slnet.world;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.protocol.types.Vector3;

/**
 * An avatar in a region, as the client knows it at one moment: from its object update when it is in
 * view (exact position, name, what it sits on), else from the region's coarse locations (the
 * mini-map's dots: whole meters, height in steps of 4 m, no name). Immutable snapshot.
 *
 * @param id the agent's id
 * @param name "First Last" from its object update, or empty when only coarse locations list it
 *     (ask {@code client.names()})
 * @param regionHandle the region it is in
 * @param position region-local meters; a sitting avatar's is its seat's position plus its offset
 * @param inView whether its object update came (then {@code localId} and {@code parentId} are known)
 * @param localId its object's local id in the region, 0 when not in view
 * @param parentId the local id of what it sits on, 0 when standing (or not in view)
 * @param distance meters from the client's own avatar (across regions by their global corners), or
 *     {@link Double#NaN} while the client's own position is not known
 */
public record Avatar(UUID id, String name, long regionHandle, Vector3 position, boolean inView, int localId,
                     int parentId, double distance) {

    /** Checks that nothing is null. */
    public Avatar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }

    /**
     * Returns the name, if the avatar's object update told it.
     *
     * @return the name, if the avatar's object update told it
     */
    public Optional<String> knownName() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Returns true if it sits on an object.
     *
     * @return true if it sits on an object
     */
    public boolean isSitting() {
        return parentId != 0;
    }

    /**
     * Returns the x of its global position, meters.
     *
     * @return the x of its global position, meters
     */
    public double globalX() {
        return (regionHandle >>> 32) + (double) position.x();
    }

    /**
     * Returns the y of its global position, meters.
     *
     * @return the y of its global position, meters
     */
    public double globalY() {
        return (regionHandle & 0xFFFF_FFFFL) + (double) position.y();
    }
}
