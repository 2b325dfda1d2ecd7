package slnet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import slnet.network.NetworkEvent;

/**
 * The agent's groups, as the simulator sent them ({@code AgentGroupDataUpdate}, at login and when
 * they change).
 *
 * @param groups every group the agent belongs to now
 * @param at when the client learnt it
 */
public record GroupsChanged(List<GroupMembership> groups, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null and copies the list. */
    public GroupsChanged {
        groups = List.copyOf(groups);
        Objects.requireNonNull(at, "at");
    }
}
