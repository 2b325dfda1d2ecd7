package slnet;

import java.util.Objects;
import java.util.UUID;

/**
 * One friend of the agent, as far as the client knows: from the login's buddy list, then kept
 * current by presence notifications and friendships made and ended. Immutable.
 *
 * @param id the friend's agent id
 * @param online true once the grid said the friend is online (false until it says anything)
 * @param rightsGiven what the agent lets the friend do (bits: 1 see online, 2 map, 4 modify objects)
 * @param rightsHas what the friend lets the agent do (same bits)
 */
public record Friend(UUID id, boolean online, int rightsGiven, int rightsHas) {
    /** Checks that the id is there. */
    public Friend {
        Objects.requireNonNull(id, "id");
    }

    Friend withOnline(boolean value) {
        return new Friend(id, value, rightsGiven, rightsHas);
    }
}
