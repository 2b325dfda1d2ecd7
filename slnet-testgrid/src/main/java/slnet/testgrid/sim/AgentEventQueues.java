package slnet.testgrid.sim;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import slnet.caps.LlsdMessageMapper;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;

/**
 * The capability side of a grid as its simulators see it: one seed capability and one event queue
 * per agent per region. Simulators post the LLSD-routed messages ({@code EnableSimulator},
 * {@code EstablishAgentCommunication}, {@code TeleportFinish}, {@code CrossedRegion}, ...) here;
 * without capabilities ({@link #NONE}) they fall back to UDP where the template allows it.
 *
 * <p>Implementations are called from simulator receive threads and timers: they must be
 * thread-safe and quick, and must not throw.
 */
public interface AgentEventQueues {
    /** No capabilities: no seeds, nothing queued. */
    AgentEventQueues NONE = new AgentEventQueues() {
        @Override
        public Optional<URI> seedCapability(AgentSession agent, RegionSettings region) {
            return Optional.empty();
        }

        @Override
        public boolean enqueue(UUID agentId, RegionSettings region, String name, Llsd body) {
            return false;
        }

        @Override
        public void release(UUID agentId, RegionSettings region) {
        }
    };

    /**
     * The agent's seed capability on a region, opening its capabilities there if needed.
     *
     * @param agent  the agent
     * @param region the region
     * @return the seed, or empty when the grid serves no capabilities
     */
    Optional<URI> seedCapability(AgentSession agent, RegionSettings region);

    /**
     * Queues an event on the agent's event queue of a region.
     *
     * @param agentId the agent
     * @param region  the region whose queue carries it
     * @param name    the event's message name
     * @param body    its body
     * @return false when the grid serves no capabilities (the caller may use UDP instead)
     */
    boolean enqueue(UUID agentId, RegionSettings region, String name, Llsd body);

    /**
     * Queues a template message as an event, in the LLSD form Second Life's servers use.
     *
     * @param agentId the agent
     * @param region  the region whose queue carries it
     * @param message the message
     * @return false when the grid serves no capabilities
     */
    default boolean enqueue(UUID agentId, RegionSettings region, Message message) {
        return enqueue(agentId, region, message.descriptor().name(), LlsdMessageMapper.standard().toLlsd(message));
    }

    /**
     * The agent left the region: its capabilities there end (polls get 404).
     *
     * @param agentId the agent
     * @param region  the region
     */
    void release(UUID agentId, RegionSettings region);
}
