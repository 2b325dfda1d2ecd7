package slnet.world;

import java.time.Instant;
import java.util.Set;
import slnet.network.NetworkEvent;

/**
 * A known object changed: moved (a terse update), or a full update or properties reply differed.
 *
 * @param object the object after the change
 * @param changes what changed; never empty
 * @param at when
 */
public record ObjectChanged(WorldObject object, Set<ObjectChange> changes, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Copies the set. */
    public ObjectChanged {
        changes = Set.copyOf(changes);
    }
}
