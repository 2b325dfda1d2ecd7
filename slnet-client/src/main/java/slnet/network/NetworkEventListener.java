package slnet.network;

/**
 * Receives {@link NetworkEvent}s from a {@link NetworkEventBus}, one at a time, on the
 * subscription's own delivery thread, in the order they were published.
 */
@FunctionalInterface
public interface NetworkEventListener {

    /**
     * Handles one event. May take its time: only this listener's buffer fills meanwhile. An
     * exception is logged and counted in {@link Subscription#failures()}; delivery goes on.
     *
     * @param event the event
     */
    void onEvent(NetworkEvent event);
}
