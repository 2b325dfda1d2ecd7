package slnet.testgrid.sim;

import java.util.Optional;

/**
 * Where a simulator looks up the session a circuit code belongs to: in the test grid, the login
 * server's issued sessions. Called on the simulator's receive thread; must be quick and thread-safe.
 */
@FunctionalInterface
public interface SessionValidator {
    /** A validator that knows no session, so every circuit code is refused. */
    SessionValidator NONE = code -> Optional.empty();

    /**
     * Finds the session issued with a circuit code.
     *
     * @param circuitCode the code from {@code UseCircuitCode}
     * @return the session, or empty if no login issued that code
     */
    Optional<AgentSession> sessionFor(int circuitCode);
}
