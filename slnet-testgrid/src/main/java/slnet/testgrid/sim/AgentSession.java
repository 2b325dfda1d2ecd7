package slnet.testgrid.sim;

import java.util.Objects;
import java.util.UUID;

/**
 * A session a login issued, as a simulator needs it to admit an agent.
 *
 * @param agentId     the agent
 * @param sessionId   the session id the viewer must present (a secret: never logged)
 * @param circuitCode the circuit code the viewer must present
 * @param firstName   the agent's first name
 * @param lastName    the agent's last name
 */
public record AgentSession(UUID agentId, UUID sessionId, int circuitCode, String firstName, String lastName) {

    /** Rejects nulls. */
    public AgentSession {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    /**
     * Returns "First Last", as chat and instant messages name the agent.
     *
     * @return "First Last", as chat and instant messages name the agent
     */
    public String fullName() {
        return firstName + " " + lastName;
    }

    @Override
    public String toString() {
        return "AgentSession[" + fullName() + ", agentId=" + agentId + ", circuitCode=" + circuitCode + "]";
    }
}
