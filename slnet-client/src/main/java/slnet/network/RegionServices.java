package slnet.network;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.login.SessionInfo;

/**
 * A hook for what runs alongside the primary circuit when the region has a seed capability (the
 * capabilities and the event queue, in {@code slnet.caps}). The network manager calls
 * {@link #start} once the agent is in the region, on a virtual thread of its own, and closes what it
 * returned when the session ends. Failures are published as {@code ErrorOccurred} and do not end the
 * session: the UDP circuit works without capabilities.
 */
@FunctionalInterface
public interface RegionServices {

    /** Starts nothing. */
    RegionServices NONE = context -> () -> { };

    /**
     * Starts the services of a region.
     *
     * @param context what they may use
     * @return a handle the manager closes when the session ends; its close must be idempotent
     * @throws Exception if they could not start
     */
    AutoCloseable start(Context context) throws Exception;

    /**
     * What region services are given.
     *
     * @param seedCapability the region's seed capability
     * @param session the session (holds secrets: never log it whole)
     * @param handlers where event-queue messages are to be dispatched
     * @param eventQueueContext the handler context for messages that arrive through the event queue
     * @param publisher publishes network events on the manager's bus
     */
    record Context(URI seedCapability, SessionInfo session, HandlerRegistry handlers,
                   HandlerContext eventQueueContext, Consumer<NetworkEvent> publisher) {
        /** Checks that nothing is null. */
        public Context {
            Objects.requireNonNull(seedCapability, "seedCapability");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(handlers, "handlers");
            Objects.requireNonNull(eventQueueContext, "eventQueueContext");
            Objects.requireNonNull(publisher, "publisher");
        }
    }
}
