package slnet.network;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitRole;
import slnet.login.AuthenticationService;
import slnet.time.Scheduler;

/**
 * How a {@link NetworkManager} behaves. Build with {@link #builder()}; {@link Builder#build()}
 * validates every value and combination once.
 *
 * @param transportFactory opens the manager's one datagram transport
 * @param circuitConfig settings of every circuit (the {@link CircuitRole#CLIENT} role)
 * @param handshakeStepTimeout how long each step of the region handshake may wait for the simulator
 * @param logoutTimeout how long {@code disconnect()} waits for {@code LogoutReply} (OpenSimulator
 *     often never sends one)
 * @param agentUpdateInterval the shortest spacing of {@code AgentUpdate}s when the agent's state
 *     changes (the official viewer: 10 per second)
 * @param agentUpdateKeepAlive the longest spacing of {@code AgentUpdate}s when nothing changes (the
 *     official viewer: one per second)
 * @param reconnectPolicy what happens when the primary circuit is lost
 * @param logoutOnShutdown whether a JVM shutdown hook logs a connected agent out
 * @param inboundQueueCapacity messages per circuit waiting for the dispatch thread; beyond it
 *     messages are dropped, counted and reported ({@link MessagesDropped}), so a stuck handler cannot
 *     exhaust memory
 * @param scheduler the timer for handshake steps, agent updates, logout and reconnect delays, or
 *     null for one of the manager's own (real time, closed with the manager); a given one is not closed
 * @param clock stamps events
 * @param authenticationService logs in, or null for one of the manager's own; a given one is not closed
 * @param packetTap sees every packet, or null
 * @param datagramTap sees every datagram's bytes, in and out, or null
 * @param regionServices starts what runs beside each region's circuit when the region has a seed capability
 *     (by default {@link RegionServices#capabilities()}; {@link RegionServices#NONE} for UDP only)
 */
public record NetworkConfig(TransportFactory transportFactory, CircuitConfig circuitConfig,
                            Duration handshakeStepTimeout, Duration logoutTimeout, Duration agentUpdateInterval,
                            Duration agentUpdateKeepAlive, ReconnectPolicy reconnectPolicy, boolean logoutOnShutdown,
                            int inboundQueueCapacity, Scheduler scheduler, Clock clock,
                            AuthenticationService authenticationService, PacketTap packetTap,
                            RegionServices regionServices, DatagramTap datagramTap) {

    /** Every step of the handshake normally takes one round trip; a busy region may take seconds. */
    public static final Duration DEFAULT_HANDSHAKE_STEP_TIMEOUT = Duration.ofSeconds(15);
    /** Long enough for a simulator that answers; short enough not to hang on one that does not. */
    public static final Duration DEFAULT_LOGOUT_TIMEOUT = Duration.ofSeconds(5);
    /** The official viewer's {@code AGENT_UPDATES_PER_SECOND} is 10. */
    public static final Duration DEFAULT_AGENT_UPDATE_INTERVAL = Duration.ofMillis(100);
    /** The official viewer's {@code AGENT_FORCE_UPDATES_PER_SECOND} is 1. */
    public static final Duration DEFAULT_AGENT_UPDATE_KEEP_ALIVE = Duration.ofSeconds(1);
    /** Per circuit; a region's burst on arrival fits. */
    public static final int DEFAULT_INBOUND_QUEUE_CAPACITY = 4096;

    /** Validates. */
    public NetworkConfig {
        Objects.requireNonNull(transportFactory, "transportFactory");
        Objects.requireNonNull(circuitConfig, "circuitConfig");
        Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(regionServices, "regionServices");
        if (circuitConfig.role() != CircuitRole.CLIENT) {
            throw new IllegalArgumentException("circuitConfig must be for the CLIENT role, was " + circuitConfig.role());
        }
        positive("handshakeStepTimeout", handshakeStepTimeout);
        positive("logoutTimeout", logoutTimeout);
        positive("agentUpdateInterval", agentUpdateInterval);
        positive("agentUpdateKeepAlive", agentUpdateKeepAlive);
        if (agentUpdateKeepAlive.compareTo(agentUpdateInterval) < 0) {
            throw new IllegalArgumentException("agentUpdateKeepAlive " + agentUpdateKeepAlive
                    + " is shorter than agentUpdateInterval " + agentUpdateInterval);
        }
        if (inboundQueueCapacity < 1) {
            throw new IllegalArgumentException("inboundQueueCapacity must be at least 1: " + inboundQueueCapacity);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults: UDP, default circuits, the official viewer's update cadence, no reconnect,
     * logout on shutdown.
     *
     * @return the configuration
     */
    public static NetworkConfig defaults() {
        return builder().build();
    }

    /** Builds a {@link NetworkConfig}; not thread-safe. */
    public static final class Builder {
        private TransportFactory transportFactory = TransportFactory.UDP;
        private CircuitConfig circuitConfig = CircuitConfig.defaults();
        private Duration handshakeStepTimeout = DEFAULT_HANDSHAKE_STEP_TIMEOUT;
        private Duration logoutTimeout = DEFAULT_LOGOUT_TIMEOUT;
        private Duration agentUpdateInterval = DEFAULT_AGENT_UPDATE_INTERVAL;
        private Duration agentUpdateKeepAlive = DEFAULT_AGENT_UPDATE_KEEP_ALIVE;
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DISABLED;
        private boolean logoutOnShutdown = true;
        private int inboundQueueCapacity = DEFAULT_INBOUND_QUEUE_CAPACITY;
        private Scheduler scheduler;
        private Clock clock = Clock.systemUTC();
        private AuthenticationService authenticationService;
        private PacketTap packetTap;
        private RegionServices regionServices = RegionServices.capabilities();
        private DatagramTap datagramTap;

        private Builder() {
        }

        /**
         * Sets the transport factory.
         *
         * @param v the transport factory
         * @return this
         */
        public Builder transportFactory(TransportFactory v) {
            transportFactory = v;
            return this;
        }

        /**
         * Sets the circuits' settings (CLIENT role).
         *
         * @param v the circuits' settings (CLIENT role)
         * @return this
         */
        public Builder circuitConfig(CircuitConfig v) {
            circuitConfig = v;
            return this;
        }

        /**
         * Sets the wait per handshake step.
         *
         * @param v the wait per handshake step
         * @return this
         */
        public Builder handshakeStepTimeout(Duration v) {
            handshakeStepTimeout = v;
            return this;
        }

        /**
         * Sets the wait for LogoutReply.
         *
         * @param v the wait for LogoutReply
         * @return this
         */
        public Builder logoutTimeout(Duration v) {
            logoutTimeout = v;
            return this;
        }

        /**
         * Sets the shortest spacing of AgentUpdates on change.
         *
         * @param v the shortest spacing of AgentUpdates on change
         * @return this
         */
        public Builder agentUpdateInterval(Duration v) {
            agentUpdateInterval = v;
            return this;
        }

        /**
         * Sets the longest spacing of AgentUpdates when idle.
         *
         * @param v the longest spacing of AgentUpdates when idle
         * @return this
         */
        public Builder agentUpdateKeepAlive(Duration v) {
            agentUpdateKeepAlive = v;
            return this;
        }

        /**
         * Sets the reconnect policy.
         *
         * @param v the reconnect policy
         * @return this
         */
        public Builder reconnectPolicy(ReconnectPolicy v) {
            reconnectPolicy = v;
            return this;
        }

        /**
         * Sets whether a shutdown hook logs out.
         *
         * @param v whether a shutdown hook logs out
         * @return this
         */
        public Builder logoutOnShutdown(boolean v) {
            logoutOnShutdown = v;
            return this;
        }

        /**
         * Sets messages per circuit awaiting dispatch.
         *
         * @param v messages per circuit awaiting dispatch
         * @return this
         */
        public Builder inboundQueueCapacity(int v) {
            inboundQueueCapacity = v;
            return this;
        }

        /**
         * Sets the scheduler, not closed by the manager; null for its own.
         *
         * @param v the scheduler, not closed by the manager; null for its own
         * @return this
         */
        public Builder scheduler(Scheduler v) {
            scheduler = v;
            return this;
        }

        /**
         * Sets the clock that stamps events.
         *
         * @param v the clock that stamps events
         * @return this
         */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /**
         * Sets the login service, not closed by the manager; null for its own.
         *
         * @param v the login service, not closed by the manager; null for its own
         * @return this
         */
        public Builder authenticationService(AuthenticationService v) {
            authenticationService = v;
            return this;
        }

        /**
         * Sets the packet tap, or null.
         *
         * @param v the packet tap, or null
         * @return this
         */
        public Builder packetTap(PacketTap v) {
            packetTap = v;
            return this;
        }

        /**
         * Sets the datagram tap (e.g. a capture writer), or null.
         *
         * @param v the datagram tap (e.g. a capture writer), or null
         * @return this
         */
        public Builder datagramTap(DatagramTap v) {
            datagramTap = v;
            return this;
        }

        /**
         * Sets the region services hook.
         *
         * @param v the region services hook
         * @return this
         */
        public Builder regionServices(RegionServices v) {
            regionServices = v;
            return this;
        }

        /**
         * Runs the client on resources many clients share: their receive thread and one socket per
         * client, their timer, their login service and their HTTP client for capabilities and event
         * queues. The manager does not close them. Options set after this call override it.
         *
         * @param v the shared resources
         * @return this
         */
        public Builder resources(ClientResources v) {
            java.util.Objects.requireNonNull(v, "resources");
            transportFactory = v.transportFactory();
            scheduler = v.scheduler();
            authenticationService = v.authenticationService();
            regionServices = v.regionServices();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the bad value
         */
        public NetworkConfig build() {
            return new NetworkConfig(transportFactory, circuitConfig, handshakeStepTimeout, logoutTimeout,
                    agentUpdateInterval, agentUpdateKeepAlive, reconnectPolicy, logoutOnShutdown, inboundQueueCapacity,
                    scheduler, clock, authenticationService, packetTap, regionServices, datagramTap);
        }
    }
}
