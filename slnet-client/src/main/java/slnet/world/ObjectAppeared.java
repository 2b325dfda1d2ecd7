package slnet.world;

import java.time.Instant;
import slnet.network.NetworkEvent;

/**
 * An object came into view: its first full, compressed or cache-answered update in a region.
 *
 * @param object the object
 * @param at when
 */
public record ObjectAppeared(WorldObject object, Instant at) implements NetworkEvent.ExtensionEvent {
}
