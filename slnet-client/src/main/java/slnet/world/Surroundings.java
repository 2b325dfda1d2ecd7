package slnet.world;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.login.SessionInfo;
import slnet.network.NetworkEventBus;
import slnet.network.NetworkManager;
import slnet.protocol.messages.AgentDataUpdate;
import slnet.protocol.messages.AgentDataUpdateRequest;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ParcelProperties;
import slnet.protocol.messages.ParcelPropertiesRequest;
import slnet.protocol.messages.RegionInfo;
import slnet.protocol.messages.RequestRegionInfo;
import slnet.protocol.messages.SimulatorViewerTimeMessage;
import slnet.protocol.types.Vector3;

/**
 * Where the agent is beyond its coordinates: the parcel it stands on ({@code ParcelProperties},
 * which current simulators send over the event queue), its region's details ({@code RegionInfo}),
 * the region's time of day and sun ({@code SimulatorViewerTimeMessage}), and who it appears as
 * there (active group and title, {@code AgentDataUpdate}).
 *
 * <p>Each time the agent arrives in a region ({@code AgentMovementComplete}) it asks, as the viewer
 * does: {@code ParcelPropertiesRequest} for the agent's position, {@code RequestRegionInfo} and
 * {@code AgentDataUpdateRequest}. Only the region the agent is in counts; neighbours' answers are
 * ignored.
 *
 * <h2>Events, threading, ownership</h2>
 * {@link ParcelEntered} when the parcel the agent stands on is another than before. Learns only
 * through {@link HandlerRegistry} and sends only on the circuit the agent arrived on; owns no thread.
 * Thread-safe; {@link #close()} removes its handlers, idempotent.
 */
public final class Surroundings implements AutoCloseable {
    /** Runs with the world's handlers, before user handlers at default priority. */
    public static final int HANDLER_PRIORITY = World.HANDLER_PRIORITY;
    /** The {@code SequenceID} of the agent's own parcel requests (the viewer's selection requests count up from 0). */
    public static final int AGENT_PARCEL_SEQUENCE = -10_000;

    private final NetworkEventBus events;
    private final Clock clock;
    private final Supplier<Optional<SessionInfo>> session;
    private final Supplier<Optional<InetSocketAddress>> primary;
    private final List<Registration> registrations;
    private final AtomicReference<Parcel> parcel = new AtomicReference<>();
    private final AtomicReference<RegionDetails> details = new AtomicReference<>();
    private final AtomicReference<RegionTime> time = new AtomicReference<>();
    private final AtomicReference<AgentGroup> group = new AtomicReference<>();
    private final AtomicInteger parcelReplies = new AtomicInteger();
    private final boolean askOnArrival;

    /**
     * Surroundings fed by a network manager's handlers.
     *
     * @param network the manager
     * @param askOnArrival whether to ask for the parcel, region details and active group on each
     *     arrival (a load tester's bot may only listen)
     * @return the surroundings; close to detach
     */
    public static Surroundings attach(NetworkManager network, boolean askOnArrival) {
        return new Surroundings(network.handlers(), network.events(), network.config().clock(), network::session,
                network::primaryCircuit, askOnArrival);
    }

    /**
     * Surroundings on any handler registry.
     *
     * @param handlers where its handlers go
     * @param events where {@link ParcelEntered} goes
     * @param clock stamps events
     * @param session the agent's ids, while connected
     * @param primary the address of the region the agent is in, while connected
     * @param askOnArrival whether to send the requests on each arrival
     */
    public Surroundings(HandlerRegistry handlers, NetworkEventBus events, Clock clock,
                        Supplier<Optional<SessionInfo>> session, Supplier<Optional<InetSocketAddress>> primary,
                        boolean askOnArrival) {
        this.askOnArrival = askOnArrival;
        this.events = events;
        this.clock = clock;
        this.session = session;
        this.primary = primary;
        registrations = List.of(
                handlers.register(AgentMovementComplete.class, HANDLER_PRIORITY, this::onArrived),
                handlers.register(ParcelProperties.class, HANDLER_PRIORITY, this::onParcel),
                handlers.register(RegionInfo.class, HANDLER_PRIORITY, this::onRegionInfo),
                handlers.register(SimulatorViewerTimeMessage.class, HANDLER_PRIORITY, this::onTime),
                handlers.register(AgentDataUpdate.class, HANDLER_PRIORITY, this::onAgentData));
    }

    /**
     * Returns the parcel the agent stands on, once its region described it.
     *
     * @return the parcel the agent stands on, once its region described it
     */
    public Optional<Parcel> parcel() {
        return Optional.ofNullable(parcel.get());
    }

    /**
     * Returns the details of the agent's region, once it answered {@code RequestRegionInfo}.
     *
     * @return the details of the agent's region, once it answered {@code RequestRegionInfo}
     */
    public Optional<RegionDetails> regionDetails() {
        return Optional.ofNullable(details.get());
    }

    /**
     * Returns the time of day in the agent's region, once it told it.
     *
     * @return the time of day in the agent's region, once it told it
     */
    public Optional<RegionTime> time() {
        return Optional.ofNullable(time.get());
    }

    /**
     * Returns the agent's active group and title, once told.
     *
     * @return the agent's active group and title, once told
     */
    public Optional<AgentGroup> agentGroup() {
        return Optional.ofNullable(group.get());
    }

    /**
     * Returns how many descriptions of the agent's parcel arrived (each request is answered once).
     *
     * @return how many descriptions of the agent's parcel arrived (each request is answered once)
     */
    public int parcelUpdates() {
        return parcelReplies.get();
    }

    /** Removes the handlers; what is known stays. Idempotent. */
    @Override
    public void close() {
        registrations.forEach(Registration::remove);
    }

    @Override
    public String toString() {
        return "Surroundings[" + parcel().map(Parcel::name).orElse("?") + "]";
    }

    // ---------------------------------------------------------------- handlers

    private boolean isPrimary(HandlerContext context) {
        return primary.get().map(context.circuit().remoteAddress()::equals).orElse(false);
    }

    private void onArrived(AgentMovementComplete message, HandlerContext context) {
        Optional<SessionInfo> s = session.get();
        if (s.isEmpty() || !askOnArrival) {
            return;
        }
        var agent = s.get();
        Vector3 at = message.data().position();
        // A point selection: the parcel under the agent, as the viewer asks for the agent's parcel.
        context.circuit().send(new ParcelPropertiesRequest(
                new ParcelPropertiesRequest.AgentData(agent.agentId(), agent.sessionId()),
                new ParcelPropertiesRequest.ParcelData(AGENT_PARCEL_SEQUENCE, at.x(), at.y(), at.x(), at.y(), false)),
                true);
        context.circuit().send(new RequestRegionInfo(new RequestRegionInfo.AgentData(agent.agentId(),
                agent.sessionId())), true);
        context.circuit().send(new AgentDataUpdateRequest(new AgentDataUpdateRequest.AgentData(agent.agentId(),
                agent.sessionId())), true);
    }

    private void onParcel(ParcelProperties message, HandlerContext context) {
        if (!isPrimary(context)) {
            return;
        }
        ParcelProperties.ParcelData d = message.parcelData();
        Parcel next = new Parcel(context.region().handle(), d.localID(), d.name().asString(), d.desc().asString(),
                d.ownerID(), d.isGroupOwned(), d.groupID(), d.parcelFlags(), d.area(), d.musicURL().asString(),
                d.mediaURL().asString(), d.salePrice(), d.category(), d.aabbMin(), d.aabbMax(), d.maxPrims(),
                d.totalPrims(), d.userLocation());
        Parcel before = parcel.getAndSet(next);
        parcelReplies.incrementAndGet();
        if (before == null || before.localId() != next.localId() || before.regionHandle() != next.regionHandle()) {
            events.publish(new ParcelEntered(next, clock.instant()));
        }
    }

    private void onRegionInfo(RegionInfo message, HandlerContext context) {
        if (!isPrimary(context)) {
            return;
        }
        RegionInfo.RegionInfoBlock r = message.regionInfo();
        RegionInfo.RegionInfo2 r2 = message.regionInfo2();
        long extended = message.regionInfo3().isEmpty() ? r.regionFlags() & 0xFFFF_FFFFL
                : message.regionInfo3().get(0).regionFlagsExtended();
        details.set(new RegionDetails(context.region().handle(), r.simName().asString(), r.estateID(),
                r.parentEstateID(), r.regionFlags(), extended, r.simAccess(),
                r2.maxAgents32() != 0 ? r2.maxAgents32() : r.maxAgents(), r.waterHeight(), r2.productSKU().asString(),
                r2.productName().asString(), r.useEstateSun(), r.sunHour()));
    }

    private void onTime(SimulatorViewerTimeMessage message, HandlerContext context) {
        if (!isPrimary(context)) {
            return;
        }
        SimulatorViewerTimeMessage.TimeInfo t = message.timeInfo();
        time.set(new RegionTime(context.region().handle(), t.usecSinceStart(), t.secPerDay(), t.secPerYear(),
                t.sunDirection(), t.sunPhase(), t.sunAngVelocity()));
    }

    private void onAgentData(AgentDataUpdate message, HandlerContext context) {
        AgentDataUpdate.AgentData d = message.agentData();
        Optional<SessionInfo> s = session.get();
        if (s.isPresent() && !s.get().agentId().equals(d.agentID())) {
            return;
        }
        group.set(new AgentGroup(d.agentID(), d.firstName().asString(), d.lastName().asString(), d.activeGroupID(),
                d.groupName().asString(), d.groupTitle().asString(), d.groupPowers()));
    }
}
