package slnet.world;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * An avatar came into a region's list: it came into view, or the region's coarse locations first
 * listed it. An avatar moving to a neighbouring region the client also sees leaves one list and
 * arrives in the other.
 *
 * @param avatar the avatar as first known
 * @param at when
 */
public record AvatarArrived(Avatar avatar, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AvatarArrived {
        Objects.requireNonNull(avatar, "avatar");
        Objects.requireNonNull(at, "at");
    }
}
