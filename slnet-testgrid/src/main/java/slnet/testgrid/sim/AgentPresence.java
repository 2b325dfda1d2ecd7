package slnet.testgrid.sim;

import java.net.InetSocketAddress;
import java.util.UUID;
import slnet.protocol.types.Vector3;

/**
 * A snapshot of an agent a simulator knows.
 *
 * @param agentId  the agent
 * @param fullName "First Last"
 * @param localId  its avatar's region-local object id
 * @param position where its avatar stands, region coordinates in meters
 * @param inRegion true once {@code CompleteAgentMovement} arrived (before that only the circuit is up)
 * @param address  the viewer's UDP address
 */
public record AgentPresence(UUID agentId, String fullName, int localId, Vector3 position, boolean inRegion,
        InetSocketAddress address) {
}
