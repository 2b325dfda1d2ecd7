package slnet.testgrid.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitRole;
import slnet.circuit.TransportDatagramSender;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Vector3;
import slnet.time.ExecutorScheduler;
import slnet.time.Scheduler;
import slnet.transport.UdpTransport;
import slnet.transport.UdpTransportConfig;

/**
 * One region on a loopback UDP port, speaking LLUDP to viewers through the real circuit layer in the
 * {@link CircuitRole#SIMULATOR} role.
 *
 * <p>A datagram from an address without a circuit is admitted only if it is a {@code UseCircuitCode}
 * whose code, session and agent match a session the {@link SessionValidator} knows; anything else is
 * counted and dropped, unacknowledged. Once admitted, the viewer gets {@code RegionHandshake}; on
 * {@code CompleteAgentMovement} it gets {@code AgentMovementComplete}, and the agents in the region
 * get the newcomer's avatar {@code ObjectUpdate} (the newcomer also gets theirs), up to the
 * {@linkplain Builder#avatarViewLimit view limit} of nearest avatars each; every second each root
 * agent gets a {@code CoarseLocationUpdate} (at most 60 avatars, as OpenSimulator sends). Channel-0
 * chat is relayed by range (whisper 10 m, say 20 m, shout 100 m, typing 20 m) to every agent in range,
 * the speaker included; instant messages go to the addressee if present; {@code LogoutRequest} is
 * answered with {@code LogoutReply} (unless {@linkplain #setLogoutReplyEnabled switched off}) and
 * ends the agent's circuit. Whoever leaves is removed from the others' view with {@code KillObject}.
 * Pings and acks are the circuit layer's business.
 *
 * <p>Many regions: a simulator belongs to a {@link GridMap} (its own, unless the builder joins it to
 * a shared one). An agent whose circuit is here without {@code CompleteAgentMovement} is a <em>child
 * agent</em> (a viewer's connection to a neighbour); the last region an agent completed movement
 * into is its root, and the grid map keeps the neighbourhood in step (EnableSimulator,
 * EstablishAgentCommunication, DisableSimulator). A root agent's {@code TeleportLocationRequest}, or
 * {@code TeleportLandmarkRequest} with a zero landmark (home), to another region is answered with
 * {@code TeleportStart} and {@code TeleportProgress} (UDP) and, once the viewer acknowledged both,
 * {@code TeleportFinish} on the agent's event queue here; an unknown destination gets
 * {@code TeleportFailed} ({@code no_host} or {@code nolandmark_tp}); a destination in this region
 * gets {@code TeleportLocal}. {@linkplain #moveAgent Moving} a root agent past a border into a
 * running neighbour sends {@code CrossedRegion} on its event queue here. Either way the agent stays
 * here as a child agent, and the destination takes the viewer's {@code CompleteAgentMovement} as the
 * arrival, at the announced position. A departed agent that is not a neighbour of its new region
 * gets {@code DisableSimulator} and its circuit closed, on arrival or after the
 * {@linkplain Builder#departureGrace departure grace}.
 *
 * <p>Threading: viewer messages are handled on the transport's receive thread; test controls,
 * accessors and waits may be called from any thread. Owns its transport, its circuits and (unless
 * one was injected) a scheduler thread; {@link #close()} releases them all and is idempotent.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    /** How many other avatars one agent is shown at most, unless the builder says otherwise. */
    public static final int DEFAULT_AVATAR_VIEW_LIMIT = 100;
    /** How often coarse locations go out, unless the builder says otherwise. */
    public static final Duration DEFAULT_COARSE_LOCATION_INTERVAL = Duration.ofSeconds(1);
    private final Region region;
    private final GridMap grid;
    private final SessionValidator validator;
    private final UdpTransport transport;
    private final Scheduler scheduler;
    private final ExecutorScheduler ownedScheduler;
    private final CircuitHost host;
    private final LongAdder rejectedCodes = new LongAdder();
    private final LongAdder strayDatagrams = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Used only on the receive thread, to look at datagrams from addresses without a circuit. */
    private final PacketCodec admissionCodec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);

    private Simulator(Builder b, UdpTransport transport) {
        this.validator = b.validator;
        this.transport = transport;
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownedScheduler = null;
        } else {
            this.ownedScheduler = new ExecutorScheduler("slnet-sim-timer-" + transport.localAddress().getPort());
            this.scheduler = ownedScheduler;
        }
        this.grid = b.grid != null ? b.grid : new GridMap(AgentEventQueues.NONE);
        this.region = new Region(new RegionSettings(b.regionName, b.cornerX, b.cornerY, b.regionId, b.waterHeight,
                b.spawn), b.listener, scheduler, b.logoutReplyEnabled, grid, this, b.departureGrace.toNanos(),
                b.avatarViewLimit, b.spawnScatter);
        CircuitConfig config = b.circuitConfig.toBuilder().role(CircuitRole.SIMULATOR).build();
        slnet.circuit.DatagramSender sender = new TransportDatagramSender(transport);
        if (b.quirks.any()) {
            sender = new OlderSimulatorEncoding(sender, b.quirks);
        }
        this.host = new CircuitHost(sender, scheduler, config);
    }

    /**
     * Returns a builder for a region named "Test Region" at (256000, 256000), admitting nobody.
     *
     * @return a builder for a region named "Test Region" at (256000, 256000), admitting nobody
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the UDP address viewers connect to (loopback, never port 0).
     *
     * @return the UDP address viewers connect to (loopback, never port 0)
     */
    public InetSocketAddress address() {
        return transport.localAddress();
    }

    /**
     * Returns the region this simulator runs.
     *
     * @return the region this simulator runs
     */
    public RegionSettings region() {
        return region.settings();
    }

    /**
     * Returns the grid this simulator belongs to (a grid of its own unless one was given).
     *
     * @return the grid this simulator belongs to (a grid of its own unless one was given)
     */
    public GridMap grid() {
        return grid;
    }

    Region behaviour() {
        return region;
    }

    /**
     * Returns the objects this region holds: add, move and remove them; choose how they are sent.
     *
     * @return the objects this region holds: add, move and remove them; choose how they are sent
     */
    public SimObjects objects() {
        return region.objects;
    }

    /**
     * Returns the agents with a circuit here, in arrival order; snapshots.
     *
     * @return the agents with a circuit here, in arrival order; snapshots
     */
    public List<AgentPresence> agents() {
        return region.agents();
    }

    /**
     * Returns a snapshot of it, if it has a circuit here.
     *
     * @param agentId an agent
     * @return a snapshot of it, if it has a circuit here
     */
    public Optional<AgentPresence> agent(UUID agentId) {
        return region.agent(agentId);
    }

    /**
     * Returns every message the agents sent, oldest first (the last 10,000).
     *
     * @return every message the agents sent, oldest first (the last 10,000)
     */
    public List<ReceivedMessage> receivedMessages() {
        return region.log.all();
    }

    /**
     * Returns the names of the messages it sent, oldest first.
     *
     * @param agentId an agent
     * @return the names of the messages it sent, oldest first
     */
    public List<String> receivedMessages(UUID agentId) {
        return region.log.namesFrom(agentId);
    }

    /**
     * Returns {@code UseCircuitCode}s refused: unknown code, or session or agent not matching it.
     *
     * @return {@code UseCircuitCode}s refused: unknown code, or session or agent not matching it
     */
    public long rejectedCircuitCodes() {
        return rejectedCodes.sum();
    }

    /**
     * Returns other datagrams from addresses without a circuit, dropped.
     *
     * @return other datagrams from addresses without a circuit, dropped
     */
    public long strayDatagrams() {
        return strayDatagrams.sum();
    }

    /**
     * Switches the answer to {@code LogoutRequest}: OpenSimulator often never sends one, and a viewer
     * must cope. Without it the simulator just closes the agent's circuit.
     *
     * @param enabled true to send {@code LogoutReply}
     */
    public void setLogoutReplyEnabled(boolean enabled) {
        region.setLogoutReplyEnabled(enabled);
    }

    /**
     * A fault switch for the race a busy simulator can run: a teleport out of this region sends the
     * agent {@code DisableSimulator} (reliably) and queues {@code TeleportFinish} only once the
     * viewer acknowledged it, so the viewer hears "this region let go of you" before it learns where
     * to go. The agent stays a child here, its event queue included, until it arrived elsewhere.
     *
     * @param enabled true to disable before the finish
     */
    public void setDisableBeforeTeleportFinish(boolean enabled) {
        region.setDisableBeforeTeleportFinish(enabled);
    }

    /**
     * Kicks an agent: sends {@code KickUser} (reliably), removes the agent, and closes its circuit once
     * the viewer acknowledged it (or after a short grace).
     *
     * @param agentId the agent
     * @param reason  the message the viewer shows
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public void kick(UUID agentId, String reason) {
        region.kick(agentId, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Moves an agent's avatar and tells the agents shown it ({@code ImprovedTerseObjectUpdate}).
     * A root agent moved past a border into a region the grid runs crosses into it instead
     * ({@code CrossedRegion}); past a border with no region beyond, it goes where it is told.
     *
     * @param agentId  the agent
     * @param position the new position, region coordinates
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public void moveAgent(UUID agentId, Vector3 position) {
        region.moveAgent(agentId, position);
    }

    /**
     * Seats a root agent on an object of this region: every viewer shown the avatar gets its full
     * update with the seat as parent, at {@code offset} in the seat's frame (the seat unrotated).
     *
     * @param agentId the agent
     * @param seatLocalId an object added with {@link SimObjects#addObject}
     * @param offset where on the seat
     */
    public void sitAgent(UUID agentId, int seatLocalId, Vector3 offset) {
        region.sitAgent(agentId, seatLocalId, Objects.requireNonNull(offset, "offset"));
    }

    /**
     * The object an agent sits on.
     *
     * @param agentId the agent
     * @return the seat's local id, or 0 when the agent does not sit on an object
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public int seatOf(UUID agentId) {
        return region.seatOf(agentId);
    }

    /**
     * Tells whether an agent sits on the ground (it sent AGENT_CONTROL_SIT_ON_GROUND and has not
     * stood up).
     *
     * @param agentId the agent
     * @return true if it sits on the ground
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public boolean sitsOnGround(UUID agentId) {
        return region.sitsOnGround(agentId);
    }

    /**
     * The control flags an agent holds, from its last AgentUpdate.
     *
     * @param agentId the agent
     * @return the flags, the viewer's AGENT_CONTROL_* bits
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public int controlFlags(UUID agentId) {
        return region.controlFlags(agentId);
    }

    /**
     * Walks an agent in a straight line, in equal steps, each a {@link #moveAgent}: if a step takes
     * it past a border into a neighbour, it crosses and the walk ends there.
     *
     * @param agentId the agent, a root agent here
     * @param to      where to go, region coordinates (outside the region to cross)
     * @param steps   how many moves, at least 1
     * @return true if the agent crossed into another region
     * @throws IllegalArgumentException if the agent is not a root agent here or steps is below 1
     */
    public boolean walkAgent(UUID agentId, Vector3 to, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, not " + steps);
        }
        Vector3 from = region.agent(agentId).orElseThrow(() -> new IllegalArgumentException(
                "agent " + agentId + " has no circuit in " + region.settings().name())).position();
        if (!region.isInRegion(agentId)) {
            throw new IllegalArgumentException("agent " + agentId + " is not a root agent in " + region.settings().name());
        }
        for (int i = 1; i <= steps; i++) {
            float f = (float) i / steps;
            region.moveAgent(agentId, new Vector3(from.x() + (to.x() - from.x()) * f,
                    from.y() + (to.y() - from.y()) * f, from.z() + (to.z() - from.z()) * f));
            if (!region.isInRegion(agentId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Speaks as an object on channel 0, heard by the agents in range.
     *
     * @param objectId the object's id (also its owner's, here)
     * @param name     the object's name
     * @param position where it is
     * @param chatType 0 whisper, 1 say, 2 shout
     * @param text     what it says
     */
    public void sayAsObject(UUID objectId, String name, Vector3 position, int chatType, String text) {
        region.sayAsObject(objectId, name, position, chatType, text);
    }

    /**
     * Sends any message to an agent: for tests of messages this simulator does not produce itself.
     *
     * @param agentId  the agent
     * @param message  the message
     * @param reliable true to send it reliably
     * @return the circuit's future for it
     * @throws IllegalArgumentException if the agent has no circuit here
     */
    public CompletableFuture<Void> send(UUID agentId, Message message, boolean reliable) {
        return region.send(agentId, message, reliable);
    }

    /**
     * Sends an alert to every agent in the region ({@code AlertMessage}), as a restart warning or an
     * estate notice comes.
     *
     * @param text what it says
     */
    public void sendAlert(String text) {
        region.broadcast(RegionMessages.alert(text), null);
    }

    /**
     * Restarts the region as a simulator does: warns every agent in it now (the viewer's
     * {@code RegionRestartSeconds} alert, with the seconds left and the region's name), then after
     * {@code warning} goes down for {@code downtime}: the agents in it are kicked, child agents
     * dropped, and teleports into it fail; then it takes agents again, on the same address.
     *
     * @param warning the time between the warning and going down
     * @param downtime how long it stays down
     */
    public void scheduleRestart(Duration warning, Duration downtime) {
        region.scheduleRestart(Objects.requireNonNull(warning, "warning"), Objects.requireNonNull(downtime, "downtime"));
    }

    /**
     * Tells whether the region is down for a restart.
     *
     * @return true while down
     */
    public boolean isDown() {
        return region.isDown();
    }

    /**
     * Sends raw bytes to an agent's viewer from this simulator's socket, outside its circuit: for tests
     * of what a client does with datagrams a real simulator might send (malformed, or encoded by
     * another implementation, e.g. from a capture).
     *
     * @param agentId the agent
     * @param datagram the whole datagram, header included
     * @throws IllegalArgumentException if the agent has no circuit here
     * @throws java.io.UncheckedIOException if the socket cannot send
     */
    public void sendDatagram(UUID agentId, byte[] datagram) {
        AgentPresence agent = agent(agentId).orElseThrow(
                () -> new IllegalArgumentException("no agent " + agentId + " in " + region.settings().name()));
        try {
            transport.send(java.nio.ByteBuffer.wrap(datagram), agent.address());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Dies without a word: closes the socket first, so nothing more is sent (no acks, no pings, no
     * goodbye) and the viewers' circuits must time out. The simulator stays closed afterwards.
     */
    public void killAbruptly() {
        LOG.debug("simulator for {} killed abruptly", region.settings().name());
        grid.remove(this);
        region.silence("simulator died");
        transport.close();
        close();
    }

    /**
     * Waits until an agent completed its movement into the region.
     *
     * @param agentId the agent
     * @param timeout how long to wait
     * @return the agent
     * @throws TimeoutException if it did not arrive in time
     * @throws InterruptedException if interrupted
     */
    public AgentPresence awaitAgentInRegion(UUID agentId, Duration timeout) throws TimeoutException,
            InterruptedException {
        region.log.await(() -> region.isInRegion(agentId), timeout,
                "agent " + agentId + " in region " + region.settings().name());
        return region.agent(agentId).orElseThrow(() -> new TimeoutException("agent " + agentId + " left again"));
    }

    /**
     * Waits until an agent is a child agent here: a circuit without (or no longer with) its avatar in
     * the region, as a viewer's connection to a neighbour is.
     *
     * @param agentId the agent
     * @param timeout how long to wait
     * @return the agent
     * @throws TimeoutException if it is not a child agent in time
     * @throws InterruptedException if interrupted
     */
    public AgentPresence awaitChildAgent(UUID agentId, Duration timeout) throws TimeoutException,
            InterruptedException {
        region.log.await(() -> region.isChild(agentId), timeout,
                "child agent " + agentId + " in region " + region.settings().name());
        return region.agent(agentId).orElseThrow(() -> new TimeoutException("agent " + agentId + " left again"));
    }

    /**
     * Waits until an agent has no circuit here any more.
     *
     * @param agentId the agent
     * @param timeout how long to wait
     * @throws TimeoutException if it is still here
     * @throws InterruptedException if interrupted
     */
    public void awaitAgentGone(UUID agentId, Duration timeout) throws TimeoutException, InterruptedException {
        region.log.await(() -> !region.isPresent(agentId), timeout, "departure of agent " + agentId);
    }

    /**
     * Waits until an agent sent a message.
     *
     * @param agentId     the agent
     * @param messageName the message, such as {@code "AgentUpdate"}
     * @param timeout     how long to wait
     * @throws TimeoutException if it did not come in time
     * @throws InterruptedException if interrupted
     */
    public void awaitMessage(UUID agentId, String messageName, Duration timeout) throws TimeoutException,
            InterruptedException {
        region.log.await(() -> region.log.namesFrom(agentId).contains(messageName), timeout,
                messageName + " from agent " + agentId);
    }

    /** Closes every circuit (sending the acks still owed), the socket and the owned scheduler; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        grid.remove(this);
        region.silence("simulator closed");
        host.close();
        transport.close();
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + region.settings().name() + " at " + address() + "]";
    }

    // ---- inbound -------------------------------------------------------------------------------

    private void onDatagram(ByteBuffer datagram, InetSocketAddress source) {
        Circuit existing = host.circuit(source);
        if (existing != null && !region.isAbandoned(existing)) {
            host.onDatagram(datagram, source);
            return;
        }
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        if (existing != null) {
            if (!isUseCircuitCode(copy)) {
                host.onDatagram(copy, 0, copy.length, source); // acks for the goodbye still owed
                return;
            }
            existing.close(); // the viewer is back (e.g. teleported home) before the old circuit ended
        }
        UseCircuitCode use;
        try {
            MessageDescriptor descriptor = admissionCodec.peekDescriptor(copy, 0, copy.length);
            if (!UseCircuitCode.DESCRIPTOR.equals(descriptor)) {
                strayDatagrams.increment();
                return;
            }
            use = (UseCircuitCode) admissionCodec.decodeMessage(copy, 0, copy.length);
        } catch (PacketDecodeException | ClassCastException e) {
            strayDatagrams.increment();
            return;
        }
        var code = use.circuitCode();
        Optional<AgentSession> session = validator.sessionFor(code.code())
                .filter(s -> s.sessionId().equals(code.sessionID()) && s.agentId().equals(code.id()));
        if (session.isEmpty() || closed.get()) {
            rejectedCodes.increment();
            LOG.debug("refused UseCircuitCode with code {} from {}", code.code(), source);
            return;
        }
        admit(session.get(), source);
        host.onDatagram(copy, 0, copy.length, source);
    }

    private boolean isUseCircuitCode(byte[] datagram) {
        try {
            return UseCircuitCode.DESCRIPTOR.equals(admissionCodec.peekDescriptor(datagram, 0, datagram.length));
        } catch (PacketDecodeException e) {
            return false;
        }
    }

    private void admit(AgentSession session, InetSocketAddress source) {
        region.admit(session, agent -> host.open(source, inbound -> region.onMessage(agent, inbound),
                event -> region.onCircuitEvent(agent, event)));
        LOG.debug("accepted circuit code {} for agent {} from {}", session.circuitCode(), session.agentId(), source);
    }

    /** Builds and starts a {@link Simulator}; validated in {@link #start()}; not thread-safe. */
    public static final class Builder {
        private String regionName = "Test Region";
        private int cornerX = 1000 * 256;
        private int cornerY = 1000 * 256;
        private UUID regionId = UUID.randomUUID();
        private float waterHeight = 20f;
        private Vector3 spawn = new Vector3(128, 128, 25);
        private SessionValidator validator = SessionValidator.NONE;
        private SimulatorListener listener = SimulatorListener.NONE;
        private CircuitConfig circuitConfig = CircuitConfig.defaults();
        private Scheduler scheduler;
        private InetSocketAddress bindAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private boolean logoutReplyEnabled = true;
        private GridMap grid;
        private Duration departureGrace = Duration.ofSeconds(10);
        private int avatarViewLimit = DEFAULT_AVATAR_VIEW_LIMIT;
        private float spawnScatter;
        private Duration coarseLocationInterval = DEFAULT_COARSE_LOCATION_INTERVAL;
        private SimulatorQuirks quirks = SimulatorQuirks.NONE;

        private Builder() {
        }

        /**
         * Sets how many other avatars one agent's viewer is shown at most, nearest first at its arrival (default {@value #DEFAULT_AVATAR_VIEW_LIMIT}); bounds the work of an arrival however crowded the region.
         *
         * @param v how many other avatars one agent's viewer is shown at most, nearest first at its
         *          arrival (default {@value #DEFAULT_AVATAR_VIEW_LIMIT}); bounds the work of an
         *          arrival however crowded the region
         * @return this
         */
        public Builder avatarViewLimit(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("avatarViewLimit must not be negative, not " + v);
            }
            avatarViewLimit = v;
            return this;
        }

        /**
         * Sets arrivals by login land at a random spot within this distance of the spawn point, inside the region (default 0: all on the spawn point); spreads a crowd of bots so that chat by range reaches a few, not all.
         *
         * @param meters arrivals by login land at a random spot within this distance of the spawn
         *               point, inside the region (default 0: all on the spawn point); spreads a
         *               crowd of bots so that chat by range reaches a few, not all
         * @return this
         */
        public Builder spawnScatter(float meters) {
            if (!(meters >= 0 && meters <= 256)) {
                throw new IllegalArgumentException("spawnScatter must be 0..256 m, not " + meters);
            }
            spawnScatter = meters;
            return this;
        }

        /**
         * Sets how often every root agent gets a {@code CoarseLocationUpdate} (default 1 s, as simulators do; zero for never).
         *
         * @param v how often every root agent gets a {@code CoarseLocationUpdate} (default 1 s, as
         *          simulators do; zero for never)
         * @return this
         */
        public Builder coarseLocationInterval(Duration v) {
            if (v.isNegative()) {
                throw new IllegalArgumentException("coarseLocationInterval must not be negative");
            }
            coarseLocationInterval = v;
            return this;
        }

        /**
         * Makes the simulator depart from the template as other simulators do, e.g.
         * {@link SimulatorQuirks#OPENSIM_0_9}.
         *
         * @param v the quirks
         * @return this
         */
        public Builder quirks(SimulatorQuirks v) {
            quirks = java.util.Objects.requireNonNull(v, "quirks");
            return this;
        }

        /**
         * Sets the region's name.
         *
         * @param v the region's name
         * @return this
         */
        public Builder regionName(String v) {
            regionName = Objects.requireNonNull(v, "regionName");
            return this;
        }

        /**
         * Sets global x of the region's corner, meters (a multiple of 256).
         *
         * @param x global x of the region's corner, meters (a multiple of 256)
         * @param y global y of the region's corner, meters (a multiple of 256)
         * @return this
         */
        public Builder regionCorner(int x, int y) {
            cornerX = x;
            cornerY = y;
            return this;
        }

        /**
         * Sets the region's id (default: random).
         *
         * @param v the region's id (default: random)
         * @return this
         */
        public Builder regionId(UUID v) {
            regionId = Objects.requireNonNull(v, "regionId");
            return this;
        }

        /**
         * Sets water level in meters (default 20).
         *
         * @param v water level in meters (default 20)
         * @return this
         */
        public Builder waterHeight(float v) {
            waterHeight = v;
            return this;
        }

        /**
         * Sets where arriving avatars stand (default 128, 128, 25).
         *
         * @param v where arriving avatars stand (default 128, 128, 25)
         * @return this
         */
        public Builder spawn(Vector3 v) {
            spawn = Objects.requireNonNull(v, "spawn");
            return this;
        }

        /**
         * Sets who knows the issued sessions (default: nobody).
         *
         * @param v who knows the issued sessions (default: nobody)
         * @return this
         */
        public Builder sessionValidator(SessionValidator v) {
            validator = Objects.requireNonNull(v, "sessionValidator");
            return this;
        }

        /**
         * Sets who hears agents come and go.
         *
         * @param v who hears agents come and go
         * @return this
         */
        public Builder listener(SimulatorListener v) {
            listener = Objects.requireNonNull(v, "listener");
            return this;
        }

        /**
         * Sets the circuits' settings; the role is forced to {@link CircuitRole#SIMULATOR}.
         *
         * @param v the circuits' settings; the role is forced to {@link CircuitRole#SIMULATOR}
         * @return this
         */
        public Builder circuitConfig(CircuitConfig v) {
            circuitConfig = Objects.requireNonNull(v, "circuitConfig");
            return this;
        }

        /**
         * Sets the circuits' timer, not owned by the simulator (default: its own thread).
         *
         * @param v the circuits' timer, not owned by the simulator (default: its own thread)
         * @return this
         */
        public Builder scheduler(Scheduler v) {
            scheduler = Objects.requireNonNull(v, "scheduler");
            return this;
        }

        /**
         * Sets the UDP address to bind (default: loopback, ephemeral port).
         *
         * @param v the UDP address to bind (default: loopback, ephemeral port)
         * @return this
         */
        public Builder bindAddress(InetSocketAddress v) {
            bindAddress = Objects.requireNonNull(v, "bindAddress");
            return this;
        }

        /**
         * Sets whether {@code LogoutRequest} is answered at first (default true).
         *
         * @param v whether {@code LogoutRequest} is answered at first (default true)
         * @return this
         */
        public Builder logoutReplyEnabled(boolean v) {
            logoutReplyEnabled = v;
            return this;
        }

        /**
         * Sets the grid to join: its other regions are this one's neighbours and teleport destinations (default: a grid of its own, without capabilities).
         *
         * @param v the grid to join: its other regions are this one's neighbours and teleport
         *          destinations (default: a grid of its own, without capabilities)
         * @return this
         */
        public Builder grid(GridMap v) {
            grid = Objects.requireNonNull(v, "grid");
            return this;
        }

        /**
         * Sets how long an agent that teleported or crossed away may stay without being a neighbour of its new region before its circuit here is disabled (default 10 s).
         *
         * @param v how long an agent that teleported or crossed away may stay without being a
         *          neighbour of its new region before its circuit here is disabled (default 10 s)
         * @return this
         */
        public Builder departureGrace(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("departureGrace must be positive");
            }
            departureGrace = v;
            return this;
        }

        /**
         * Binds the socket and starts receiving.
         *
         * @return the running simulator
         * @throws IOException if the socket cannot be bound
         * @throws IllegalArgumentException if the region settings are invalid, or the grid already
         *         runs a region there
         */
        public Simulator start() throws IOException {
            new RegionSettings(regionName, cornerX, cornerY, regionId, waterHeight, spawn); // validates
            UdpTransport transport = UdpTransport.open(UdpTransportConfig.builder().bindAddress(bindAddress).build());
            Simulator simulator = null;
            try {
                simulator = new Simulator(this, transport);
                simulator.grid.add(simulator);
                transport.start(simulator::onDatagram);
                simulator.region.startCoarseLocations(coarseLocationInterval.toNanos());
            } catch (RuntimeException e) {
                if (simulator != null) {
                    simulator.close();
                }
                transport.close();
                throw e;
            }
            LOG.debug("simulator for {} listening on {}", regionName, transport.localAddress());
            return simulator;
        }
    }
}
