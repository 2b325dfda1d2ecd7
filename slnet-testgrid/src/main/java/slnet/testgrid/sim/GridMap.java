package slnet.testgrid.sim;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.ImprovedInstantMessage;

/**
 * The regions of one grid and where each agent is a root agent: what simulators consult to find a
 * teleport destination or the region across a border, and what keeps an agent's neighbourhood in
 * step as it moves.
 *
 * <p>When an agent completes its movement into a region (login, teleport or crossing), that region
 * becomes its root: the previous root keeps it as a child agent, regions no longer adjacent drop
 * their child agent with {@code DisableSimulator}, and each adjacent region is announced on the
 * root region's event queue with {@code EnableSimulator}. When the viewer connects a child circuit
 * to a neighbour (its {@code UseCircuitCode}, without {@code CompleteAgentMovement}), the root
 * region's event queue carries {@code EstablishAgentCommunication} with the neighbour's seed. When
 * a root agent leaves (logout, kick, lost circuit), its child agents elsewhere are dropped the same
 * way.
 *
 * <p>Thread-safe, lock-free: simulators call it from their receive threads and timers. Owns nothing;
 * a {@link Simulator} registers itself when it starts and leaves when it closes.
 */
public final class GridMap {
    private static final Logger LOG = LoggerFactory.getLogger(GridMap.class);
    private final AgentEventQueues queues;
    private final ConcurrentHashMap<Long, Simulator> byHandle = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Long> roots = new ConcurrentHashMap<>();
    private volatile Long homeHandle;
    /** Everyone the grid can name: accounts it was given and agents admitted anywhere. */
    private final ConcurrentHashMap<UUID, Person> people = new ConcurrentHashMap<>();
    /** Friendships, both ways: each agent's friends. */
    private final ConcurrentHashMap<UUID, java.util.Set<UUID>> friends = new ConcurrentHashMap<>();
    /** Friendship offers not yet answered, by transaction (the offer IM's session id). */
    private final ConcurrentHashMap<UUID, FriendshipOffer> friendshipOffers = new ConcurrentHashMap<>();

    /** Who offered friendship to whom. */
    private record FriendshipOffer(UUID from, UUID to) {
    }

    /**
     * Someone the grid knows by name, as its name services answer.
     *
     * @param id the agent
     * @param firstName the legacy first name
     * @param lastName the legacy last name
     * @param displayName the display name, or empty for the default (the legacy name)
     */
    public record Person(UUID id, String firstName, String lastName, String displayName) {
        /**
         * Rejects nulls.
         *
         * @param id the agent
         * @param firstName the legacy first name
         * @param lastName the legacy last name
         * @param displayName the display name, or empty for the default (the legacy name)
         */
        public Person {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(displayName, "displayName");
        }

        /**
         * Returns the display name, the legacy "First Last" when none was chosen.
         *
         * @return the display name, the legacy "First Last" when none was chosen
         */
        public String shownName() {
            return displayName.isEmpty() ? (firstName + " " + lastName).strip() : displayName;
        }
    }

    private final GroupChats groupChats = new GroupChats(this);

    /**
     * Sets the capability side of the grid ({@link AgentEventQueues#NONE} for UDP only).
     *
     * @param queues the capability side of the grid ({@link AgentEventQueues#NONE} for UDP only)
     */
    public GridMap(AgentEventQueues queues) {
        this.queues = Objects.requireNonNull(queues, "queues");
    }

    /**
     * Returns the capability side of the grid.
     *
     * @return the capability side of the grid
     */
    public AgentEventQueues eventQueues() {
        return queues;
    }

    /**
     * Returns the running simulators, west to east then south to north.
     *
     * @return the running simulators, west to east then south to north
     */
    public List<Simulator> simulators() {
        return byHandle.values().stream()
                .sorted(Comparator.comparingInt((Simulator s) -> s.region().cornerY())
                        .thenComparingInt(s -> s.region().cornerX()))
                .toList();
    }

    /**
     * Returns the simulator running that region.
     *
     * @param handle a region handle
     * @return the simulator running that region
     */
    public Optional<Simulator> simulatorAt(long handle) {
        return Optional.ofNullable(byHandle.get(handle));
    }

    /**
     * Returns the simulator running that region.
     *
     * @param name a region name, case-insensitive
     * @return the simulator running that region
     */
    public Optional<Simulator> simulatorNamed(String name) {
        return byHandle.values().stream().filter(s -> s.region().name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Returns the simulators whose regions touch it, edge or corner.
     *
     * @param simulator a simulator of this grid
     * @return the simulators whose regions touch it, edge or corner
     */
    public List<Simulator> neighboursOf(Simulator simulator) {
        return simulators().stream().filter(s -> adjacent(s.region(), simulator.region())).toList();
    }

    /**
     * Returns the simulator where it is a root agent (the last region it completed movement into).
     *
     * @param agentId an agent
     * @return the simulator where it is a root agent (the last region it completed movement into)
     */
    public Optional<Simulator> rootOf(UUID agentId) {
        Long handle = roots.get(agentId);
        return handle == null ? Optional.empty() : simulatorAt(handle);
    }

    /**
     * Sets where {@code TeleportLandmarkRequest} with a zero landmark (home) goes.
     *
     * @param handle the home region's handle
     */
    public void setHome(long handle) {
        homeHandle = handle;
    }

    /**
     * Returns the home region's simulator: the one set, else the first region.
     *
     * @return the home region's simulator: the one set, else the first region
     */
    public Optional<Simulator> home() {
        Long h = homeHandle;
        if (h != null) {
            return simulatorAt(h);
        }
        return simulators().stream().findFirst();
    }

    /**
     * True if two different regions touch at an edge or a corner.
     *
     * @param a a region
     * @param b another
     * @return whether they are neighbours
     */
    public static boolean adjacent(RegionSettings a, RegionSettings b) {
        int dx = Math.abs(a.cornerX() - b.cornerX());
        int dy = Math.abs(a.cornerY() - b.cornerY());
        return (dx != 0 || dy != 0) && dx <= 256 && dy <= 256;
    }

    // ---- names -----------------------------------------------------------------------------------

    /**
     * Makes the grid's name services ({@code UUIDNameRequest}, {@code GetDisplayNames}) know an agent;
     * keeps a display name set before.
     *
     * @param id the person's id
     * @param firstName the first name
     * @param lastName the last name
     */
    public void addPerson(UUID id, String firstName, String lastName) {
        people.compute(id, (k, was) -> new Person(id, firstName, lastName, was == null ? "" : was.displayName()));
    }

    /**
     * Sets the display name of an agent the grid knows; empty for the default.
     *
     * @param id the person's id
     * @param displayName the display name, empty for none
     */
    public void setDisplayName(UUID id, String displayName) {
        people.computeIfPresent(id, (k, was) -> new Person(id, was.firstName(), was.lastName(), displayName));
    }

    /**
     * Returns the agent as the name services know it.
     *
     * @param id the person's id
     * @return the agent as the name services know it
     */
    public Optional<Person> person(UUID id) {
        return Optional.ofNullable(people.get(id));
    }

    // ---- simulator hooks -------------------------------------------------------------------------

    void add(Simulator simulator) {
        long handle = simulator.region().handle();
        if (byHandle.putIfAbsent(handle, simulator) != null) {
            throw new IllegalArgumentException("a region already runs at " + simulator.region().cornerX() + ", "
                    + simulator.region().cornerY());
        }
    }

    void remove(Simulator simulator) {
        byHandle.remove(simulator.region().handle(), simulator);
    }

    /** A circuit was admitted; a child circuit next to the agent's root gets its seed announced. */
    void circuitAccepted(Simulator at, AgentSession session, boolean arrivalExpected) {
        people.computeIfAbsent(session.agentId(), id -> new Person(id, session.firstName(), session.lastName(), ""));
        if (arrivalExpected) {
            return; // a teleport or crossing destination: TeleportFinish/CrossedRegion carried its seed
        }
        Optional<Simulator> root = rootOf(session.agentId());
        if (root.isPresent() && root.get() != at && adjacent(root.get().region(), at.region())) {
            establish(root.get(), at, session);
        }
    }

    // ---------------------------------------------------------------- groups and chat sessions

    /**
     * Creates a group with these members; its chat session has the group's id. Members online
     * are sent their groups at once ({@code AgentGroupDataUpdate}); the rest when they log in.
     *
     * @param name the group's name
     * @param members its members
     * @return the group's id
     */
    public UUID createGroup(String name, Collection<UUID> members) {
        return groupChats.createGroup(Objects.requireNonNull(name, "name"), List.copyOf(members));
    }

    /**
     * The groups an agent belongs to.
     *
     * @param agentId the agent
     * @return their ids
     */
    public List<UUID> groupsOf(UUID agentId) {
        return groupChats.groupsOf(agentId);
    }

    /**
     * Who joined a chat session (a group's, by the group's id, or a conference).
     *
     * @param sessionId the session
     * @return the agents that joined and have not left
     */
    public Set<UUID> chatSessionMembers(UUID sessionId) {
        return groupChats.joined(sessionId);
    }

    /**
     * Answers the {@code ChatSessionRequest} capability of an agent.
     *
     * @param agentId the agent whose capability it is
     * @param body the request
     * @return the answer, or empty for a bad request
     */
    public Optional<Llsd> chatSessionRequest(UUID agentId, Llsd body) {
        return groupChats.request(agentId, body);
    }

    /** Sends an agent its groups over its event queue. */
    void sendGroupData(UUID agentId) {
        groupChats.sendGroupData(agentId);
    }

    /** Relays a session message ({@code SESSION_SEND}); false if there is no such session for it. */
    boolean sessionMessage(UUID senderId, String senderName, UUID sessionId, ImprovedInstantMessage forwarded) {
        return groupChats.said(senderId, senderName, sessionId, forwarded);
    }

    /** An agent left a session ({@code SESSION_LEAVE}). */
    void sessionLeft(UUID agentId, UUID sessionId) {
        groupChats.left(agentId, sessionId);
    }

    // ---------------------------------------------------------------- friends and presence

    /**
     * Makes two agents friends, as an accepted offer does (tests may set friendships up directly).
     * Each is listed in the other's login buddy list and told when the other comes online or goes.
     *
     * @param a one agent
     * @param b the other
     */
    public void befriend(UUID a, UUID b) {
        friends.computeIfAbsent(a, k -> ConcurrentHashMap.newKeySet()).add(b);
        friends.computeIfAbsent(b, k -> ConcurrentHashMap.newKeySet()).add(a);
    }

    /**
     * Returns its friends.
     *
     * @param agentId an agent
     * @return its friends
     */
    public List<UUID> friendsOf(UUID agentId) {
        return List.copyOf(friends.getOrDefault(agentId, java.util.Set.of()));
    }

    /** Sends a message to an agent in whichever region it is in now, if any. */
    void sendToAgent(UUID agentId, slnet.protocol.Message message) {
        rootOf(agentId).ifPresent(sim -> {
            try {
                sim.send(agentId, message, true);
            } catch (RuntimeException e) {
                LOG.debug("{} went before {} reached it", agentId, message.descriptor().name());
            }
        });
    }

    /**
     * A teleport offer the grid issued: who may follow it, and to where.
     *
     * @param target who was offered it
     * @param regionHandle the region of whoever offered it, then
     * @param position their position there, then
     */
    record Lure(UUID target, long regionHandle, slnet.protocol.types.Vector3 position) {
    }

    private final ConcurrentHashMap<UUID, Lure> lures = new ConcurrentHashMap<>();

    /** Files a lure (StartLure) under its id. */
    void lureOffered(UUID lureId, Lure lure) {
        lures.put(lureId, lure);
    }

    /** The lure with that id, if it was offered to that agent; used up. */
    Optional<Lure> takeLure(UUID lureId, UUID agentId) {
        Lure lure = lures.get(lureId);
        return lure != null && lure.target().equals(agentId) && lures.remove(lureId, lure) ? Optional.of(lure)
                : Optional.empty();
    }

    /** An agent offered friendship (IM dialog 38) with this transaction. */
    void friendshipOffered(UUID transaction, UUID from, UUID to) {
        friendshipOffers.put(transaction, new FriendshipOffer(from, to));
    }

    /** The offeree answered an offer: friends if accepted; the offerer hears the answer either way. */
    void friendshipAnswered(UUID transaction, AgentSession by, boolean accepted, RegionMessages messages) {
        FriendshipOffer offer = friendshipOffers.get(transaction);
        if (offer == null || !offer.to().equals(by.agentId()) || !friendshipOffers.remove(transaction, offer)) {
            return;
        }
        UUID offerer = offer.from();
        if (accepted) {
            befriend(offerer, by.agentId());
        }
        // As OpenSimulator does: an IM from the one who answered, accepted (39) or declined (40).
        sendToAgent(offerer, messages.systemIm(by, offerer, accepted ? 39 : 40, transaction,
                accepted ? "Friendship offer accepted" : "Friendship offer declined"));
        if (accepted) {
            sendToAgent(offerer, online(by.agentId(), true));
            sendToAgent(by.agentId(), online(offerer, rootOf(offerer).isPresent()));
        }
    }

    /** An agent ended a friendship: the other is told (TerminateFriendship) if online. */
    void friendshipEnded(UUID by, UUID other) {
        java.util.Set<UUID> mine = friends.get(by);
        java.util.Set<UUID> theirs = friends.get(other);
        boolean was = mine != null && mine.remove(other);
        if (theirs != null) {
            theirs.remove(by);
        }
        if (was) {
            sendToAgent(other, new slnet.protocol.messages.TerminateFriendship(
                    new slnet.protocol.messages.TerminateFriendship.AgentData(other, new UUID(0, 0)),
                    new slnet.protocol.messages.TerminateFriendship.ExBlock(by)));
        }
    }

    private static slnet.protocol.Message online(UUID agentId, boolean online) {
        return online
                ? new slnet.protocol.messages.OnlineNotification(
                        List.of(new slnet.protocol.messages.OnlineNotification.AgentBlock(agentId)))
                : new slnet.protocol.messages.OfflineNotification(
                        List.of(new slnet.protocol.messages.OfflineNotification.AgentBlock(agentId)));
    }

    /** Tells an agent's online friends that it came or went; one that came hears who is online. */
    private void presenceChanged(UUID agentId, boolean online) {
        List<UUID> mine = friendsOf(agentId);
        List<slnet.protocol.messages.OnlineNotification.AgentBlock> onlineFriends = new ArrayList<>();
        for (UUID friend : mine) {
            if (rootOf(friend).isPresent()) {
                sendToAgent(friend, online(agentId, online));
                onlineFriends.add(new slnet.protocol.messages.OnlineNotification.AgentBlock(friend));
            }
        }
        if (online && !onlineFriends.isEmpty()) {
            sendToAgent(agentId, new slnet.protocol.messages.OnlineNotification(onlineFriends));
        }
    }

    /** The agent completed its movement into a region: that region is now its root. */
    void agentEntered(Simulator here, AgentSession session) {
        UUID agentId = session.agentId();
        Long previous = roots.put(agentId, here.region().handle());
        if (previous == null) {
            presenceChanged(agentId, true);
        }
        if (previous != null && previous != here.region().handle()) {
            simulatorAt(previous).ifPresent(old -> old.behaviour().demote(agentId, "entered " + here.region().name()));
        }
        for (Simulator other : simulators()) {
            if (other != here && !adjacent(other.region(), here.region()) && other.behaviour().isPresent(agentId)) {
                other.behaviour().dismiss(agentId, "no longer a neighbour of " + here.region().name());
            }
        }
        for (Simulator neighbour : neighboursOf(here)) {
            InetSocketAddress address = neighbour.address();
            here.behaviour().deliver(agentId, new EnableSimulator(new EnableSimulator.SimulatorInfo(
                    neighbour.region().handle(), (Inet4Address) address.getAddress(), address.getPort())));
            if (neighbour.behaviour().isPresent(agentId) && !neighbour.behaviour().isInRegion(agentId)) {
                establish(here, neighbour, session); // a child circuit from before: it will not connect again
            }
        }
    }

    /** The agent's circuit at a region is gone. */
    void agentLeft(Simulator at, AgentSession session, boolean wasRoot, boolean announce) {
        UUID agentId = session.agentId();
        queues.release(agentId, at.region());
        if (roots.remove(agentId, at.region().handle()) && wasRoot) {
            presenceChanged(agentId, false);
            groupChats.loggedOut(agentId);
        }
        if (wasRoot && announce) {
            for (Simulator other : simulators()) {
                if (other != at && other.behaviour().isPresent(agentId)) {
                    other.behaviour().dismiss(agentId, "root agent left " + at.region().name());
                }
            }
        }
    }

    /** A departed agent's grace ran out: drop it unless it is a child next to its new root. */
    void reviewDeparted(Simulator at, UUID agentId) {
        Region region = at.behaviour();
        if (!region.isPresent(agentId) || region.isInRegion(agentId)) {
            return;
        }
        Optional<Simulator> root = rootOf(agentId);
        if (root.isEmpty() || root.get() == at || !adjacent(root.get().region(), at.region())) {
            region.dismiss(agentId, "did not stay a neighbour");
        }
    }

    Optional<URI> seedCapability(AgentSession session, Simulator region) {
        return queues.seedCapability(session, region.region());
    }

    private void establish(Simulator root, Simulator neighbour, AgentSession session) {
        Optional<URI> seed = queues.seedCapability(session, neighbour.region());
        if (seed.isEmpty()) {
            return; // LLSD-only: without capabilities there is nothing to send
        }
        InetSocketAddress address = neighbour.address();
        LOG.debug("EstablishAgentCommunication for {} in {} via {}", session.agentId(), neighbour.region().name(),
                root.region().name());
        queues.enqueue(session.agentId(), root.region(), "EstablishAgentCommunication", Llsd.mapOf(
                "agent-id", Llsd.of(session.agentId()),
                "sim-ip-and-port", Llsd.of(address.getAddress().getHostAddress() + ":" + address.getPort()),
                "seed-capability", Llsd.of(seed.get().toString())));
    }
}
