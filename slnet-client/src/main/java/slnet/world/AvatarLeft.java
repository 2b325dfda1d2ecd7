package slnet.world;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * An avatar left a region's list: it is neither in view nor in the region's coarse locations any
 * more (it logged out, teleported away or crossed into another region), or the client's circuit to
 * the region ended.
 *
 * @param avatar the avatar as last known
 * @param regionEnded true when it left because the client's circuit to the region ended
 * @param at when
 */
public record AvatarLeft(Avatar avatar, boolean regionEnded, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public AvatarLeft {
        Objects.requireNonNull(avatar, "avatar");
        Objects.requireNonNull(at, "at");
    }
}
