package slnet.caps;

/**
 * Receives a region's events, in the order the server sent them, each once. Called on the event
 * queue's own thread: a slow sink delays the next poll (never the UDP path), so hand heavy work
 * off. An exception thrown here is logged and the loop goes on.
 */
public interface EventQueueSink {

    /** Why an event queue stopped. */
    enum StopReason {
        /** {@link EventQueueClient#close()} was called. */
        CLOSED,
        /** The server answered 404 (or 410): the region no longer serves this agent. */
        GONE
    }

    /**
     * Sets the next event.
     *
     * @param event the next event
     */
    void onEvent(EventQueueEvent event);

    /**
     * Called when a poll failed in a way that is not "no events" (an error status, a dropped
     * connection, a malformed answer), before the queue waits and polls again.
     *
     * @param failure what failed
     * @param retryIn how long the queue waits before the next poll
     */
    default void onPollFailed(CapabilityException failure, java.time.Duration retryIn) {
    }

    /**
     * Called once, last, when the queue stops polling.
     *
     * @param reason why
     */
    default void onStopped(StopReason reason) {
    }
}
