package slnet.circuit;

/**
 * Receives a circuit's {@link CircuitEvent}s, in order, on the circuit's event executor, never on the
 * network thread. A slow listener does not stall the circuit: past a bound, events are dropped and
 * counted instead.
 */
@FunctionalInterface
public interface CircuitListener {
    /** A listener that ignores every event. */
    CircuitListener NONE = event -> { };

    /**
     * Takes one event.
     *
     * @param event what happened
     */
    void onEvent(CircuitEvent event);
}
