package slnet.network;

import java.util.Objects;
import java.util.UUID;

/**
 * What a {@link NetworkEvent.Connected} tells about the session that came up: enough to greet the
 * user and to log, and nothing secret (no session id, secure session id or circuit code).
 *
 * @param agentId the agent's id
 * @param agentName the agent's display form of its legacy name, e.g. {@code "First Last"}
 * @param regionName the name of the region the agent arrived in; empty if not yet known
 */
public record SessionSummary(UUID agentId, String agentName, String regionName) {

    /** Checks that nothing is null. */
    public SessionSummary {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(regionName, "regionName");
    }
}
