package slnet.testgrid.sim;

/**
 * Hears about agents entering and leaving a simulator's region: the hook for per-agent services
 * (such as a capability server's event queue) to set up and tear down their state. Called on the
 * simulator's receive thread or a circuit event thread; must be quick and must not throw. Default
 * methods do nothing.
 */
public interface SimulatorListener {
    /** A listener that ignores everything. */
    SimulatorListener NONE = new SimulatorListener() { };

    /**
     * A viewer's circuit was accepted ({@code UseCircuitCode} with a valid session).
     *
     * @param session the agent's session
     */
    default void circuitAccepted(AgentSession session) {
    }

    /**
     * The agent completed its movement into the region.
     *
     * @param agent the agent, now in the region
     */
    default void agentEntered(AgentPresence agent) {
    }

    /**
     * The agent left: logout, kick, or its circuit closed or timed out.
     *
     * @param agent the agent as it was last
     * @param reason why, in words
     */
    default void agentLeft(AgentPresence agent, String reason) {
    }
}
