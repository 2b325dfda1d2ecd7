package slnet.testgrid;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import slnet.protocol.llsd.Llsd;
import slnet.testgrid.caps.CapsServer;
import slnet.testgrid.caps.CapsSession;
import slnet.testgrid.sim.AgentEventQueues;
import slnet.testgrid.sim.AgentSession;
import slnet.testgrid.sim.RegionSettings;

/**
 * The grid's capabilities: one {@link CapsSession} per agent per region on one shared
 * {@link CapsServer}, opened when a seed is first needed (login, {@code TeleportFinish},
 * {@code CrossedRegion}, {@code EstablishAgentCommunication}) or an event is first queued, and
 * closed when the agent leaves the region. Thread-safe; does not own the server.
 */
final class CapsEventQueues implements AgentEventQueues {
    private final CapsServer server;
    private final ConcurrentHashMap<Key, CapsSession> sessions = new ConcurrentHashMap<>();

    private record Key(UUID agentId, long handle) {
    }

    CapsEventQueues(CapsServer server) {
        this.server = server;
    }

    @Override
    public Optional<URI> seedCapability(AgentSession agent, RegionSettings region) {
        return Optional.of(open(agent.agentId(), region).seedUri());
    }

    @Override
    public boolean enqueue(UUID agentId, RegionSettings region, String name, Llsd body) {
        open(agentId, region).enqueue(name, body);
        return true;
    }

    @Override
    public void release(UUID agentId, RegionSettings region) {
        CapsSession session = sessions.remove(new Key(agentId, region.handle()));
        if (session != null) {
            session.close();
        }
    }

    Optional<CapsSession> session(UUID agentId, long handle) {
        return Optional.ofNullable(sessions.get(new Key(agentId, handle)));
    }

    CapsSession open(UUID agentId, RegionSettings region) {
        return sessions.computeIfAbsent(new Key(agentId, region.handle()), k -> server.openSession(region.name(), agentId));
    }
}
