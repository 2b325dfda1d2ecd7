package slnet.network;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.CircuitEvent;
import slnet.circuit.CircuitException;
import slnet.circuit.CircuitStats;
import slnet.circuit.InboundMessage;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.MessagePath;
import slnet.internal.log.LogContext;
import slnet.login.AuthenticationService;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.protocol.Message;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.DisableSimulator;
import slnet.protocol.messages.KickUser;
import slnet.protocol.messages.LogoutReply;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.types.Vector3;
import slnet.time.ExecutorScheduler;
import slnet.time.Scheduler;

/**
 * Wires the client's layers into one connection to a grid: it owns the login service, the one UDP
 * transport, the circuits (a map by simulator address, and the primary circuit), the timers, the
 * {@link NetworkEventBus}, the {@link NetworkStatusTracker} and the {@link HandlerRegistry} every
 * inbound message is dispatched to.
 *
 * <h2>Lifecycle</h2>
 * {@link #connect} logs in ({@code AUTHENTICATING}), opens the primary circuit and runs the region
 * handshake ({@code CONNECTING}): {@code UseCircuitCode} (reliable), {@code CompleteAgentMovement},
 * {@code RegionHandshake} answered with {@code RegionHandshakeReply} and {@code AgentThrottle}, then
 * {@code AgentUpdate} at the viewer's cadence; it completes on {@code AgentMovementComplete}
 * ({@code CONNECTED}, events {@code CircuitConnected} then {@code Connected}). Each handshake step
 * has a timeout and a failure names it ({@link ConnectException#step()}). {@link #disconnect} sends
 * {@code LogoutRequest}, waits (bounded) for {@code LogoutReply}, closes the circuits and ends in
 * {@code DISCONNECTED} with a {@code Disconnected} event (during the login, once it answered and a
 * session it opened was logged out). {@code KickUser} and a
 * {@code DisableSimulator} on the primary circuit end the session the same way, with the reason
 * (a {@code DisableSimulator} from a region the agent is teleporting out of ends nothing: the
 * teleport decides, see {@link #teleport}).
 * When the primary circuit times out, {@code CircuitLost} is published and, if the
 * {@link ReconnectPolicy} allows, the manager moves to {@code RECONNECTING} and logs in again with
 * the same credentials; otherwise it ends in {@code DISCONNECTED}. A manager can connect again after
 * {@code DISCONNECTED}. If enabled, a JVM shutdown hook logs a connected agent out.
 *
 * <h2>Threading</h2>
 * All public methods are thread-safe. {@link #connect} blocks its caller; {@link #connectAsync} and
 * {@link #disconnectAsync} never block (login runs on a virtual thread) and may be called from a
 * handler. Each circuit has a dispatch thread of its own (virtual), which runs the manager's own
 * handling and then {@link HandlerRegistry#dispatch} for each message in arrival order; the
 * transport's receive thread only routes and queues. Timers run on the {@link Scheduler}. Events
 * are published on whichever of these threads made them happen; the bus never blocks them.
 *
 * <h2>Ownership</h2>
 * {@link #close()} logs out if connected (bounded by the logout timeout), then closes the circuits,
 * the transport's socket and thread, the event bus and its threads, and the scheduler and login
 * service if the manager created them. Idempotent; afterwards {@code connect} throws.
 */
public final class NetworkManager implements AutoCloseable {
    // The session lifecycle (login, handshake, logout, reconnect) lives in SessionLifecycle; this
    // class wires the layers and handles what circuits deliver.
    static final Logger LOG = LoggerFactory.getLogger(NetworkManager.class);

    private final NetworkConfig config;
    private final Object contextClient;
    private final Scheduler scheduler;
    private final ExecutorScheduler ownScheduler;
    private final AuthenticationService auth;
    private final boolean ownsAuth;
    /** Names this client's agent in the MDC of every thread that works for it. */
    private final LogContext logContext = new LogContext();
    private final NetworkEventBus bus = new NetworkEventBus(logContext.wrap(NetworkEventBus.virtualThreads()));
    private final NetworkStatusTracker tracker;
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final SimulatorCircuits circuits;
    private final RegionTravel travel;

    private final SessionLifecycle lifecycle;

    /**
     * Creates a manager; nothing is opened until the first {@link #connect}.
     *
     * @param config the configuration
     */
    public NetworkManager(NetworkConfig config) {
        this(config, null);
    }

    /**
     * Creates a manager whose handler contexts carry a client object.
     *
     * @param config the configuration
     * @param contextClient what {@link HandlerContext#client()} returns (the facade), or null
     */
    public NetworkManager(NetworkConfig config, Object contextClient) {
        this.config = Objects.requireNonNull(config, "config");
        this.contextClient = contextClient;
        if (config.scheduler() != null) {
            scheduler = logContext.wrap(config.scheduler());
            ownScheduler = null;
        } else {
            ownScheduler = new ExecutorScheduler("slnet-network-timer");
            scheduler = logContext.wrap(ownScheduler);
        }
        if (config.authenticationService() != null) {
            auth = config.authenticationService();
            ownsAuth = false;
        } else {
            auth = AuthenticationService.create();
            ownsAuth = true;
        }
        tracker = new NetworkStatusTracker(bus::publish, config.clock());
        circuits = new SimulatorCircuits(config, scheduler, logContext, contextClient,
                failure -> bus.publish(new NetworkEvent.ErrorOccurred("transport failed: " + failure.kind() + " "
                        + failure.detail(), failure.cause(), config.clock().instant())),
                this::onInbound, this::onCircuitEvent, (simulator, first, count) -> bus.publish(
                        new MessagesDropped(simulator, first, count, config.clock().instant())));
        travel = new RegionTravel(this, handlers, config.handshakeStepTimeout());
        lifecycle = new SessionLifecycle(this, auth, tracker, circuits, travel);
        circuits.onClosed(link -> handlers.dispatchCircuitClosed(link.context));
    }

    // ---------------------------------------------------------------- for RegionTravel

    /** @return what names this client's agent in the log's MDC */
    LogContext logContext() {
        return logContext;
    }

    Session currentSession() {
        return lifecycle.current();
    }

    SimulatorCircuits circuits() {
        return circuits;
    }

    /**
     * Returns the timer of this manager (its own or the configured one), for layers above that batch or time out.
     *
     * @return the timer of this manager (its own or the configured one), for layers above that batch or time out
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    java.time.Instant now() {
        return config.clock().instant();
    }

    // ---------------------------------------------------------------- regions

    /**
     * Teleports the agent to a location, like the viewer's map: {@code TeleportLocationRequest} on
     * the primary circuit; events {@link TeleportStarted}, {@link TeleportProgressed}, then
     * {@link TeleportFinished} or {@link TeleportFailed}.
     *
     * @param regionHandle the destination region's handle
     * @param position where in it, region-local
     * @param lookAt the direction to face
     * <p>While it is under way, the region being left letting go of the agent ({@code DisableSimulator}
     * before or while the agent arrives elsewhere) ends nothing; if the teleport then fails, the agent
     * is in no region and the session ends ({@code Disconnected}, "lost between regions").
     *
     * @return completes once the agent is in the destination (its circuit primary), or fails with
     *     a {@link TeleportException} (refused, unreachable, no answer in time) or an
     *     {@link IllegalStateException} (not connected, a teleport already in progress)
     */
    public CompletableFuture<TeleportFinished> teleport(long regionHandle, Vector3 position, Vector3 lookAt) {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(lookAt, "lookAt");
        return travel.teleport(regionHandle, position, lookAt);
    }

    /**
     * Follows a teleport offer (lure) someone sent ({@code TeleportLureRequest}).
     *
     * @param lureId the offer's id (the lure IM's session id)
     * @return as {@link #teleport}
     */
    public CompletableFuture<TeleportFinished> teleportByLure(java.util.UUID lureId) {
        Objects.requireNonNull(lureId, "lureId");
        return travel.teleportByLure(lureId);
    }

    /**
     * Teleports the agent to a landmark, or home for the zero id ({@code TeleportLandmarkRequest}).
     *
     * @param landmark the landmark's asset id, or {@code new UUID(0, 0)} for home
     * @return as {@link #teleport}
     */
    public CompletableFuture<TeleportFinished> teleportToLandmark(java.util.UUID landmark) {
        Objects.requireNonNull(landmark, "landmark");
        return travel.teleportToLandmark(landmark);
    }

    /**
     * Finds a region's handle by its name, as the viewer's map does ({@code MapNameRequest},
     * answered with {@code MapBlockReply}); the match ignores case.
     *
     * @param regionName the region's name
     * @return completes with the handle, or fails with a {@link TeleportException} if no such region answered
     */
    public CompletableFuture<Long> regionHandle(String regionName) {
        Objects.requireNonNull(regionName, "regionName");
        return travel.regionHandle(regionName);
    }

    /**
     * Returns the current region's capabilities, once its seed answered (with the default region services).
     *
     * @return the current region's capabilities, once its seed answered (with the default region services)
     */
    public Optional<RegionCapabilityAccess> capabilities() {
        Session s = lifecycle.current();
        if (s == null) {
            return Optional.empty();
        }
        return s.services.get(s.primary.remoteAddress()) instanceof RegionCapabilityAccess access
                ? Optional.of(access) : Optional.empty();
    }

    /**
     * Returns the addresses of every open circuit: the primary one and the neighbours'.
     *
     * @return the addresses of every open circuit: the primary one and the neighbours'
     */
    public java.util.Set<InetSocketAddress> circuitAddresses() {
        return circuits.stats().keySet();
    }

    // ---------------------------------------------------------------- accessors

    /**
     * Returns the current status, read without blocking.
     *
     * @return the current status, read without blocking
     */
    public NetworkStatus status() {
        return tracker.status();
    }

    /**
     * Returns the event bus: subscribe to it, or pull from {@link NetworkEventBus#events()}.
     *
     * @return the event bus: subscribe to it, or pull from {@link NetworkEventBus#events()}
     */
    public NetworkEventBus events() {
        return bus;
    }

    /**
     * Returns where handlers for inbound messages are registered.
     *
     * @return where handlers for inbound messages are registered
     */
    public HandlerRegistry handlers() {
        return handlers;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public NetworkConfig config() {
        return config;
    }

    /**
     * Returns the current session, while there is one (CONNECTING, CONNECTED).
     *
     * @return the current session, while there is one (CONNECTING, CONNECTED)
     */
    public Optional<SessionInfo> session() {
        Session s = lifecycle.current();
        return s == null ? Optional.empty() : Optional.of(s.info);
    }

    /**
     * Returns the primary circuit's address, while there is one.
     *
     * @return the primary circuit's address, while there is one
     */
    public Optional<InetSocketAddress> primaryCircuit() {
        Session s = lifecycle.current();
        return s == null ? Optional.empty() : Optional.of(s.primary.remoteAddress());
    }

    /**
     * Returns the primary circuit's view (send messages on it), while there is one.
     *
     * @return the primary circuit's view (send messages on it), while there is one
     */
    public Optional<HandlerContext> primaryContext() {
        Session s = lifecycle.current();
        return s == null ? Optional.empty() : Optional.of(s.primary.context);
    }

    /**
     * Returns the local address of the UDP transport, once the first connect opened it (until close).
     *
     * @return the local address of the UDP transport, once the first connect opened it (until close)
     */
    public Optional<InetSocketAddress> localAddress() {
        return circuits.localAddress();
    }

    /**
     * Returns the primary region's id, once its RegionHandshake arrived.
     *
     * @return the primary region's id, once its RegionHandshake arrived
     */
    public Optional<java.util.UUID> regionId() {
        Session s = lifecycle.current();
        return s == null ? Optional.empty() : Optional.ofNullable(s.primary.region.regionId());
    }

    /**
     * Returns the counters of each open circuit, by simulator address.
     *
     * @return the counters of each open circuit, by simulator address
     */
    public Map<InetSocketAddress, CircuitStats> circuitStats() {
        return circuits.stats();
    }

    /**
     * Returns inbound messages dropped because a circuit's dispatch queue was full.
     *
     * @return inbound messages dropped because a circuit's dispatch queue was full
     */
    public long inboundDropped() {
        return circuits.inboundDropped();
    }

    /**
     * Publishes an event on this manager's bus, e.g. one a layer above derived from a message.
     *
     * @param event the event
     */
    public void publish(NetworkEvent event) {
        bus.publish(event);
    }

    /**
     * Tells the agent-update loop where the agent is, so the camera follows it; sent within the
     * update interval if it changed.
     *
     * @param position the region-local position
     */
    public void agentMoved(Vector3 position) {
        Session s = lifecycle.current();
        if (s != null && s.updater != null) {
            s.updater.agentMoved(position);
        }
    }

    /**
     * Sets the agent's controls: the control flags held down and the body's rotation, sent in every
     * {@code AgentUpdate} from now on (a change within the update interval). Does nothing without a
     * session.
     *
     * @param controlFlags the agent control flags (see {@code slnet.AgentControl})
     * @param bodyRotation the body's rotation, which walking and flying follow
     */
    public void agentControls(int controlFlags, slnet.protocol.types.Quaternion bodyRotation) {
        Objects.requireNonNull(bodyRotation, "bodyRotation");
        Session s = lifecycle.current();
        if (s != null && s.updater != null) {
            s.updater.controls(controlFlags, bodyRotation);
        }
    }

    /**
     * Sends control flags in the next {@code AgentUpdate} only, as the viewer sends stand-up and
     * sit-on-ground. Does nothing without a session.
     *
     * @param controlFlags the flags
     */
    public void pulseAgentControls(int controlFlags) {
        Session s = lifecycle.current();
        if (s != null && s.updater != null) {
            s.updater.pulse(controlFlags);
        }
    }

    // ---------------------------------------------------------------- connect

    /**
     * Logs in and enters the region, blocking until the agent is there or the attempt failed.
     *
     * @param credentials who and where
     * @return the session's summary
     * @throws ConnectException naming the step that failed (login, or which handshake message was not answered)
     * @throws InterruptedException if the caller was interrupted; the attempt is cancelled
     * @throws IllegalStateException if already connecting or connected, or closed
     */
    public SessionSummary connect(LoginCredentials credentials) throws ConnectException, InterruptedException {
        Objects.requireNonNull(credentials, "credentials");
        logContext.agent(credentials.firstName() + " " + credentials.lastName());
        return lifecycle.connect(credentials);
    }

    /**
     * Starts logging in and entering the region, without blocking.
     *
     * @param credentials who and where
     * @return completes with the session's summary, or fails with a {@link ConnectException}
     * @throws IllegalStateException if already connecting or connected, or closed
     */
    public CompletableFuture<SessionSummary> connectAsync(LoginCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        logContext.agent(credentials.firstName() + " " + credentials.lastName());
        return lifecycle.connectAsync(credentials);
    }

    /** For RegionTravel: the agent is in no region any more. */
    void endSessionLost(Session s, String reason) {
        lifecycle.endSession(s, reason);
    }

    /** Starts a region's services unless they run already (or none are configured); never blocks. */
    void startRegionServices(Session s, CircuitLink link, java.net.URI seed) {
        if (config.regionServices() == RegionServices.NONE) {
            return;
        }
        InetSocketAddress address = link.remoteAddress();
        // Holds the region's place while its services start; closing it (the session ended or the
        // circuit closed) interrupts the start, so no seed retry outlives the session.
        StartingServices placeholder = new StartingServices();
        synchronized (s) {
            if (s.ended || !circuits.isOpen(link) || s.services.putIfAbsent(address, placeholder) != null) {
                return;
            }
        }
        PacketTap tap = config.packetTap();
        RegionServices.Context context = new RegionServices.Context(seed, s.info, handlers,
                link.context.withPath(MessagePath.EVENT_QUEUE), bus::publish, tap == null ? name -> { }
                        : name -> traceEventQueue(tap, address, name), config.clock());
        Thread starter = Thread.ofVirtual().name("slnet-region-services").unstarted(logContext.wrap(() -> {
            try {
                AutoCloseable services = config.regionServices().start(context);
                boolean keep;
                synchronized (s) {
                    keep = !s.ended && circuits.isOpen(link) && s.services.replace(address, placeholder, services);
                }
                if (!keep) {
                    services.close();
                } else if (services instanceof RegionCapabilityAccess access) {
                    bus.publish(new CapabilitiesGranted(address, access.granted().names(),
                            config.clock().instant()));
                }
            } catch (Exception e) {
                boolean removed = s.services.remove(address, placeholder);
                if (removed && !s.ended) {
                    bus.publish(new NetworkEvent.ErrorOccurred("region services of " + address
                            + " failed to start: " + e.getMessage(), e, config.clock().instant()));
                }
            }
        }));
        placeholder.starter = starter;
        starter.start();
    }

    /** The place of a region's services while they start: closing it interrupts the start. */
    private static final class StartingServices implements AutoCloseable {
        volatile Thread starter;

        @Override
        public void close() {
            Thread thread = starter;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private static void traceEventQueue(PacketTap tap, InetSocketAddress address, String name) {
        try {
            tap.onPacket(new TracedPacket(false, address, name, -1, 0, MessagePath.EVENT_QUEUE));
        } catch (RuntimeException e) {
            LOG.warn("packet tap threw", e);
        }
    }

    static void closeQuietly(AutoCloseable services) {
        try {
            services.close();
        } catch (Exception e) {
            LOG.warn("region services failed to close", e);
        }
    }

    // ---------------------------------------------------------------- circuits

    /** On the circuit's dispatch thread. */
    private void onInbound(CircuitLink link, InboundMessage inbound) {
        Message message = inbound.message();
        Session s = lifecycle.current();
        if (message instanceof RegionHandshake rh) {
            link.region.onHandshake(rh.regionInfo().simName().asString(), rh.regionInfo2().regionID());
        } else if (message instanceof AgentMovementComplete amc) {
            link.region.onHandle(amc.data().regionHandle());
        } else if (message instanceof LogoutReply && s != null && s.primary == link) {
            s.logoutReply.complete(null);
        }
        // Handlers first: when the handshake completes on AgentMovementComplete, connect() returns
        // with the facade's state (position) already updated from it.
        handlers.dispatch(message, link.context);
        Handshake handshake = link.handshake;
        if (handshake != null) {
            handshake.onMessage(message);
        }
        if (message instanceof AgentMovementComplete) {
            // After the handlers, as for the handshake: a move completes with the facade up to date.
            CompletableFuture<AgentMovementComplete> waiting = link.arrival.getAndSet(null);
            if (waiting != null) {
                waiting.complete((AgentMovementComplete) message);
            }
        }
        if (message instanceof KickUser kick) {
            String reason = kick.userInfo().reason().asString();
            if (s != null && s.primary == link) {
                lifecycle.endSession(s, "kicked: " + (reason.isEmpty() ? "no reason given" : reason));
            } else {
                lose(link, "kicked from a neighbouring region: " + reason);
            }
        } else if (message instanceof DisableSimulator) {
            regionLetGo(s, link, "simulator disabled the circuit");
        }
    }

    /**
     * A region let go of a circuit. The primary circuit's region ends the session, unless the
     * agent is on its way out of it: then the circuit and its event queue stay (the teleport's
     * finish may still come through them) until the move decides, see {@link RegionTravel}.
     */
    void regionLetGo(Session s, CircuitLink link, String reason) {
        Session.LetGo decision = s == null ? Session.LetGo.NOT_PRIMARY : s.letGo(link);
        switch (decision) {
            case NOT_PRIMARY -> lose(link, reason);
            case DEFERRED -> {
                LOG.debug("{} let go of the primary circuit while the agent is leaving it: {}", link.remoteAddress(),
                        reason);
            }
            case SESSION_ENDS -> {
                bus.publish(new NetworkEvent.CircuitLost(link.remoteAddress(), reason, config.clock().instant()));
                lifecycle.endSession(s, reason);
            }
        }
    }

    /** Closes a circuit (not the session's end) and its region's services, publishing CircuitLost. */
    void lose(CircuitLink link, String reason) {
        Session s = lifecycle.current();
        boolean wasOpen = circuits.isOpen(link);
        circuits.close(link);
        AutoCloseable services = s == null ? null : s.services.remove(link.remoteAddress());
        if (services != null) {
            // Closing an event queue says goodbye over HTTP (bounded): not on a dispatch thread.
            Thread.ofVirtual().name("slnet-region-services-close").start(logContext.wrap(() -> closeQuietly(services)));
        }
        if (!wasOpen && services == null) {
            return; // lost already (a region let go twice, or a move and a DisableSimulator crossed)
        }
        bus.publish(new NetworkEvent.CircuitLost(link.remoteAddress(), reason, config.clock().instant()));
    }

    /** On the circuit's event executor. */
    private void onCircuitEvent(CircuitLink link, CircuitEvent event) {
        String reason;
        if (event instanceof CircuitEvent.PacketRejected rejected) {
            bus.publish(new NetworkEvent.PacketRejected(link.remoteAddress(), rejected.messageName(),
                    rejected.reason().name(), rejected.detail(), rejected.count(), config.clock().instant()));
            return;
        } else if (event instanceof CircuitEvent.CircuitTimedOut timedOut) {
            reason = "no packets from the simulator for " + timedOut.silence().toMillis() + " ms";
        } else if (event instanceof CircuitEvent.CircuitClosed closedEvent
                && closedEvent.reason() != CircuitException.Reason.CLOSED
                && closedEvent.reason() != CircuitException.Reason.TIMED_OUT) {
            reason = "circuit closed: " + closedEvent.reason();
        } else {
            return;
        }
        lifecycle.circuitLost(link, reason);
    }

    // ---------------------------------------------------------------- disconnect

    /**
     * Logs out and closes the circuits, blocking until done (at most about the logout timeout).
     * Does nothing when not connected. Must not be called from a handler (the handler's circuit
     * could not deliver the {@code LogoutReply}); use {@link #disconnectAsync()} there.
     *
     * @throws InterruptedException if the caller was interrupted while waiting
     */
    public void disconnect() throws InterruptedException {
        try {
            disconnectAsync().get();
        } catch (ExecutionException e) {
            LOG.warn("disconnect failed", e.getCause());
        }
    }

    /**
     * Starts logging out without blocking: sends {@code LogoutRequest}, and when
     * {@code LogoutReply} arrives or the logout timeout passes, closes the circuits and moves to
     * {@code DISCONNECTED}. Safe from a handler. While logging in ({@code AUTHENTICATING}) it moves
     * to {@code DISCONNECTING} and waits for the login's answer (bounded by the login timeout): if
     * the login succeeded after all, the grid holds a session for an agent that never entered, so
     * the circuit is opened just to send {@code UseCircuitCode} and {@code LogoutRequest} (within
     * the logout timeout) before {@code DISCONNECTED}.
     *
     * @return completes when disconnected
     */
    public CompletableFuture<Void> disconnectAsync() {
        return lifecycle.disconnectAsync();
    }

    /**
     * Logs out if connected (bounded), then releases every thread, timer and socket the manager
     * owns. Idempotent.
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        circuits.close();
        if (ownsAuth) {
            auth.close();
        }
        bus.close();
        if (ownScheduler != null) {
            ownScheduler.close();
        }
    }

    @Override
    public String toString() {
        return "NetworkManager[" + tracker.status() + ", circuits=" + circuits.size() + "]";
    }
}
