package slnet.circuit;

/**
 * Which end of a circuit this is, which decides what the peer may send (see
 * {@link slnet.circuit.internal.TrustPolicy}).
 */
public enum CircuitRole {
    /** We are a viewer; the peer is a simulator. */
    CLIENT,
    /** We are a simulator (the test grid); the peer is a viewer. */
    SIMULATOR
}
