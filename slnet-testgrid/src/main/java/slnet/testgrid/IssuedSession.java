package slnet.testgrid;

import java.util.UUID;

/**
 * A session the test grid's login server handed out; what a simulator checks
 * {@code UseCircuitCode} against.
 *
 * @param account         the account logged in
 * @param sessionId       the session id
 * @param secureSessionId the secure session id
 * @param circuitCode     the circuit code
 */
public record IssuedSession(TestAccount account, UUID sessionId, UUID secureSessionId, int circuitCode) {

    /**
     * The agent.
     *
     * @return the account's agent id
     */
    public UUID agentId() {
        return account.agentId();
    }

    @Override
    public String toString() {
        return "IssuedSession[" + account.firstName() + " " + account.lastName() + ", circuitCode=" + circuitCode + "]";
    }
}
