package slnet;

import java.util.Objects;
import java.util.UUID;

/**
 * A group the agent belongs to, from {@code AgentGroupDataUpdate}. Immutable.
 *
 * @param id the group, which is also its chat session's id
 * @param name its name
 * @param powers the agent's powers in it (a bit set)
 * @param acceptNotices whether the agent takes its notices
 */
public record GroupMembership(UUID id, String name, long powers, boolean acceptNotices) {
    /** Checks that nothing is null. */
    public GroupMembership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
