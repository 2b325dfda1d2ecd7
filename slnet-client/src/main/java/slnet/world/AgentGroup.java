package slnet.world;

import java.util.Objects;
import java.util.UUID;

/**
 * Who the agent appears as: its active group and title, from {@code AgentDataUpdate} (sent at
 * login, on {@code AgentDataUpdateRequest}, and when the active group changes). Immutable.
 *
 * @param agentId the agent
 * @param firstName its first name
 * @param lastName its last name
 * @param activeGroupId the active group, the zero UUID for none
 * @param groupName the active group's name, empty for none
 * @param groupTitle the title shown over the agent's head, empty for none
 * @param groupPowers the agent's powers in the active group (a bit set)
 */
public record AgentGroup(UUID agentId, String firstName, String lastName, UUID activeGroupId, String groupName,
                         String groupTitle, long groupPowers) {
    /** Checks that nothing is null. */
    public AgentGroup {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(activeGroupId, "activeGroupId");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(groupTitle, "groupTitle");
    }

    /**
     * Returns true if a group is active.
     *
     * @return true if a group is active
     */
    public boolean hasActiveGroup() {
        return activeGroupId.getMostSignificantBits() != 0 || activeGroupId.getLeastSignificantBits() != 0;
    }
}
