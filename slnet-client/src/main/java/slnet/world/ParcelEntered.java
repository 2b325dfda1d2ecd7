package slnet.world;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The agent is on another parcel than before (or the first one since connecting): the simulator
 * described the parcel it stands on.
 *
 * @param parcel the parcel
 * @param at when
 */
public record ParcelEntered(Parcel parcel, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ParcelEntered {
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(at, "at");
    }
}
