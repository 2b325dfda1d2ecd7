package slnet.network;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import slnet.caps.CapabilityNames;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.login.SessionInfo;

/**
 * A hook for what runs alongside a region's circuit when the region has a seed capability (the
 * capabilities and the event queue, in {@code slnet.caps}). The network manager calls
 * {@link #start} for the first region once the agent is in it, and for every other region as soon
 * as its seed is known (a neighbour's {@code EstablishAgentCommunication}, a teleport's
 * {@code TeleportFinish}, a {@code CrossedRegion}), each on a virtual thread of its own, and closes
 * what it returned when that region's circuit closes or the session ends. Failures are published as
 * {@code ErrorOccurred} and do not end the session: the UDP circuit works without capabilities.
 */
@FunctionalInterface
public interface RegionServices {

    /** Starts nothing. */
    RegionServices NONE = context -> () -> { };

    /**
     * The default: asks the seed for {@link CapabilityNames#VIEWER_DEFAULTS} (retrying a few times
     * with backoff, as the viewer does), keeps the granted map, and long-polls the region's
     * {@code EventQueueGet}, dispatching each event through the handler registry on the
     * {@link slnet.handler.MessagePath#EVENT_QUEUE} path. What {@link #start} returns is a
     * {@link RegionCapabilityAccess}.
     *
     * @return the services
     */
    static RegionServices capabilities() {
        return capabilities(CapabilityNames.VIEWER_DEFAULTS, builder -> { });
    }

    /**
     * The default services with other capability names or event-queue settings (e.g. a quicker
     * backoff in tests).
     *
     * @param names the capabilities to ask each seed for
     * @param eventQueue adjusts each region's event-queue builder before it starts (called once per region)
     * @return the services
     */
    static RegionServices capabilities(java.util.List<String> names,
                                       Consumer<slnet.caps.EventQueueClient.Builder> eventQueue) {
        // No caller-made HTTP client (so no proxy to honour): event queues poll over slnet's light
        // HTTP/1.1 connection; the eventQueue consumer may turn that off with lightHttp(false).
        return new CapabilityRegionServices(names, CapabilityRegionServices.SEED_ATTEMPTS, eventQueue,
                slnet.caps.CapabilityClient::create, true);
    }

    /**
     * The default services with the capability clients a caller makes: e.g. one built on an
     * {@code HttpClient} with a {@code ProxySelector}, so that capability and event-queue traffic
     * goes through an HTTP proxy like the login does.
     *
     * @param names the capabilities to ask each seed for
     * @param eventQueue adjusts each region's event-queue builder before it starts
     * @param clients makes one capability client per region; the region's services close it
     * @return the services
     */
    static RegionServices capabilities(java.util.List<String> names,
                                       Consumer<slnet.caps.EventQueueClient.Builder> eventQueue,
                                       java.util.function.Supplier<slnet.caps.CapabilityClient> clients) {
        return new CapabilityRegionServices(names, CapabilityRegionServices.SEED_ATTEMPTS, eventQueue, clients);
    }

    /**
     * Starts the services of a region.
     *
     * @param context what they may use
     * @return a handle the manager closes when the region is left or the session ends; its close
     *     must be idempotent. If it is also a {@link RegionCapabilityAccess}, the manager offers it
     *     as the region's capabilities.
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
     * @param eventQueueTap told the name of each event-queue message before it is dispatched (for traces)
     * @param clock the manager's clock, which stamps the events the services publish
     */
    record Context(URI seedCapability, SessionInfo session, HandlerRegistry handlers,
                   HandlerContext eventQueueContext, Consumer<NetworkEvent> publisher, Consumer<String> eventQueueTap,
                   java.time.Clock clock) {
        /** Checks that nothing is null. */
        public Context {
            Objects.requireNonNull(seedCapability, "seedCapability");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(handlers, "handlers");
            Objects.requireNonNull(eventQueueContext, "eventQueueContext");
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(eventQueueTap, "eventQueueTap");
            Objects.requireNonNull(clock, "clock");
        }

        /**
         * A context without a trace tap.
         *
         * @param seedCapability the seed
         * @param session the session
         * @param handlers the registry
         * @param eventQueueContext the event-queue handler context
         * @param publisher the event publisher
         */
        public Context(URI seedCapability, SessionInfo session, HandlerRegistry handlers,
                       HandlerContext eventQueueContext, Consumer<NetworkEvent> publisher) {
            this(seedCapability, session, handlers, eventQueueContext, publisher, name -> { }, java.time.Clock.systemUTC());
        }
    }
}
