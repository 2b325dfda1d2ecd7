package slnet.world;

import java.time.Instant;
import slnet.network.NetworkEvent;

/**
 * An object left the view.
 *
 * @param object the object as last known
 * @param reason why
 * @param at when
 */
public record ObjectRemoved(WorldObject object, Reason reason, Instant at) implements NetworkEvent.ExtensionEvent {

    /** Why an object was removed. */
    public enum Reason {
        /** The simulator sent {@code KillObject} for it. */
        KILLED,
        /** Its parent (root prim, or the avatar it was attached to) was killed. */
        PARENT_KILLED,
        /** The circuit to its region closed or was lost, or the agent left the region. */
        REGION_ENDED
    }
}
