package slnet.network;

/**
 * The steps of {@link NetworkManager#connect}, in order; a {@link ConnectException} names the one
 * that failed.
 */
public enum ConnectStep {
    /** The login request (XML-RPC or LLSD). */
    LOGIN("login"),
    /** {@code UseCircuitCode} sent reliably and not acknowledged by the simulator. */
    USE_CIRCUIT_CODE("UseCircuitCode not acknowledged"),
    /** The simulator did not send {@code RegionHandshake}. */
    REGION_HANDSHAKE("no RegionHandshake"),
    /** The simulator did not send {@code AgentMovementComplete} after {@code CompleteAgentMovement}. */
    AGENT_MOVEMENT_COMPLETE("no AgentMovementComplete"),
    /** The attempt was cancelled by {@code disconnect()} or {@code close()}. */
    CANCELLED("cancelled");

    private final String failure;

    ConnectStep(String failure) {
        this.failure = failure;
    }

    /**
     * Says what went wrong when this step failed, e.g. {@code "no RegionHandshake"}.
     *
     * @return a short phrase for people and logs
     */
    public String failure() {
        return failure;
    }
}
