package slnet;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;
import slnet.network.ConnectException;
import slnet.network.NetworkEventBus;
import slnet.network.NetworkManager;
import slnet.network.NetworkStatus;
import slnet.network.SessionSummary;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.types.Vector3;

/**
 * A Second Life client: log in, chat, send and receive instant messages, follow the agent's
 * region and position, and hear about everything through events. The one type most users hold.
 *
 * <pre>{@code
 * try (Client client = Client.create()) {
 *     EventStream events = client.events().events();
 *     client.connect(LoginCredentials.of("First", "Last", password).withGrid(grid));
 *     client.chat().say("Hello");
 *     ChatReceived heard = events.awaitEvent(ChatReceived.class, Duration.ofSeconds(10));
 *     client.disconnect();
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * Thread-safe. {@link #connect} and {@link #disconnect} block their caller (use the async forms
 * from handlers or event listeners); everything else never blocks. Incoming messages are turned
 * into events ({@link ChatReceived}, {@link ImReceived}, {@link AgentMoved}) on the circuit's
 * dispatch thread, in arrival order, before user handlers of the same priority run; event
 * subscribers receive them on their own threads (see {@link NetworkEventBus}). Domain objects are
 * immutable records and carry no packets.
 *
 * <h2>Ownership</h2>
 * The client owns its {@link NetworkManager}; {@link #close()} logs out if connected and releases
 * every thread, timer and socket. Idempotent.
 */
public final class Client implements AutoCloseable {
    /** The facade's own handlers run before user handlers at default priority. */
    private static final int FACADE_PRIORITY = 1_000_000;
    private static final int AVATAR_PCODE = 47;

    private final ClientConfig config;
    private final NetworkManager network;
    private final Clock clock;
    private final Chat chat = new Chat(this);
    private final InstantMessages ims = new InstantMessages(this);
    private final Scripts scripts = new Scripts(this);
    private final Friends friends = new Friends(this);
    private final Lures lures = new Lures(this);
    private final InventoryOffers inventoryOffers = new InventoryOffers(this);
    private final GroupInvitations groupInvitations = new GroupInvitations(this);
    private final Movement movement = new Movement(this);
    private final ChatSessions chatSessions = new ChatSessions(this);
    private final RegionRestarts restarts;
    private final AtomicReference<AgentPosition> position = new AtomicReference<>();
    private volatile long avatarLocalId = -1;
    private final Registration[] registrations;
    private final slnet.world.World world;
    private final slnet.world.Avatars avatars;
    private final slnet.world.Surroundings surroundings;
    private final slnet.names.Names names;

    private Client(ClientConfig config) {
        this.config = config;
        this.network = new NetworkManager(config.network(), this);
        this.clock = config.network().clock();
        this.restarts = new RegionRestarts(this, config.restartPolicy());
        HandlerRegistry handlers = network.handlers();
        world = config.objectTracking() ? slnet.world.World.attach(network) : null;
        avatars = world != null ? slnet.world.Avatars.attach(network, world) : null;
        surroundings = slnet.world.Surroundings.attach(network, config.objectTracking());
        names = slnet.names.Names.attach(network, config.names());
        registrations = new Registration[] {
            handlers.register(ChatFromSimulator.class, FACADE_PRIORITY, this::onChat),
            handlers.register(ImprovedInstantMessage.class, FACADE_PRIORITY, this::onInstantMessage),
            handlers.register(slnet.protocol.messages.ScriptDialog.class, FACADE_PRIORITY, this::onScriptDialog),
            handlers.register(slnet.protocol.messages.OnlineNotification.class, FACADE_PRIORITY, (m, c) ->
                    friends.presence(m.agentBlock().stream().map(b -> b.agentID()).toList(), true, clock.instant())
                            .forEach(network::publish)),
            handlers.register(slnet.protocol.messages.OfflineNotification.class, FACADE_PRIORITY, (m, c) ->
                    friends.presence(m.agentBlock().stream().map(b -> b.agentID()).toList(), false, clock.instant())
                            .forEach(network::publish)),
            handlers.register(slnet.protocol.messages.TerminateFriendship.class, FACADE_PRIORITY, (m, c) ->
                    network.publish(friends.ended(m.exBlock().otherID(), clock.instant()))),
            handlers.register(slnet.protocol.messages.AlertMessage.class, FACADE_PRIORITY, this::onAlert),
            handlers.register(slnet.protocol.messages.LoadURL.class, FACADE_PRIORITY, (m, c) -> network.publish(
                    new UrlOffered(m.data().objectID(), m.data().objectName().asString(), m.data().ownerID(),
                            m.data().ownerIsGroup(), m.data().message().asString(), m.data().url().asString(),
                            clock.instant()))),
            handlers.register(slnet.protocol.messages.ScriptQuestion.class, FACADE_PRIORITY, (m, c) -> {
                if (network.status().hasSession()) {
                    network.publish(scripts.answer(m, clock.instant()));
                }
            }),
            handlers.register(AgentMovementComplete.class, FACADE_PRIORITY, this::onMovementComplete),
            handlers.register(slnet.protocol.messages.AgentGroupDataUpdate.class, FACADE_PRIORITY, (m, c) -> {
                if (agentId().map(m.agentData().agentID()::equals).orElse(false)) {
                    chatSessions.onGroupData(m);
                }
            }),
            handlers.registerLlsd("ChatterBoxInvitation", FACADE_PRIORITY, (name, body, c) ->
                    chatSessions.onInvitation(body)),
            handlers.registerLlsd("ChatterBoxSessionAgentListUpdates", FACADE_PRIORITY, (name, body, c) ->
                    chatSessions.onAgentListUpdates(body)),
            handlers.register(slnet.protocol.messages.AvatarSitResponse.class, FACADE_PRIORITY, (m, c) -> {
                if (isPrimary(c)) {
                    movement.onSitResponse(m);
                }
            }),
            handlers.register(ObjectUpdate.class, FACADE_PRIORITY, this::onObjectUpdate),
            handlers.register(ImprovedTerseObjectUpdate.class, FACADE_PRIORITY, this::onTerseUpdate),
            handlers.register(RegionHandshake.class, FACADE_PRIORITY, (m, c) -> {
                if (isPrimary(c)) {
                    avatarLocalId = -1;
                }
            }),
        };
    }

    /**
     * Creates a client with the defaults; nothing is opened until {@link #connect}.
     *
     * @return the client
     */
    public static Client create() {
        return create(ClientConfig.defaults());
    }

    /**
     * Creates a client; nothing is opened until {@link #connect}.
     *
     * @param config the configuration
     * @return the client
     */
    public static Client create(ClientConfig config) {
        return new Client(Objects.requireNonNull(config, "config"));
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Logs in and enters the region; blocks until the agent is in the region or the attempt failed.
     * Each step is bounded (the login service's timeouts, then one timeout per handshake step).
     *
     * @param credentials who and where
     * @return who and where the agent is
     * @throws ConnectException naming the step that failed
     * @throws InterruptedException if interrupted; the attempt is cancelled
     */
    public SessionSummary connect(LoginCredentials credentials) throws ConnectException, InterruptedException {
        return network.connect(credentials);
    }

    /**
     * Starts logging in without blocking.
     *
     * @param credentials who and where
     * @return completes when in the region, or fails with a {@link ConnectException}
     */
    public CompletableFuture<SessionSummary> connectAsync(LoginCredentials credentials) {
        return network.connectAsync(credentials);
    }

    /**
     * Logs out (LogoutRequest, bounded wait for LogoutReply) and closes the circuits; blocks.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void disconnect() throws InterruptedException {
        movement.onDisconnected();
        chatSessions.onDisconnected();
        network.disconnect();
    }

    /**
     * Returns completes when logged out; never blocks.
     *
     * @return completes when logged out; never blocks
     */
    public CompletableFuture<Void> disconnectAsync() {
        movement.onDisconnected();
        chatSessions.onDisconnected();
        return network.disconnectAsync();
    }

    /** Logs out if connected, then releases everything; idempotent. */
    @Override
    public void close() {
        for (Registration registration : registrations) {
            registration.remove();
        }
        if (avatars != null) {
            avatars.close();
        }
        if (world != null) {
            world.close();
        }
        surroundings.close();
        names.close();
        movement.onDisconnected();
        network.close();
    }

    // ---------------------------------------------------------------- accessors

    /**
     * Returns the events: status changes, connection events, chat, IMs, movement.
     *
     * @return the events: status changes, connection events, chat, IMs, movement
     */
    public NetworkEventBus events() {
        return network.events();
    }

    /**
     * Returns where typed handlers for inbound messages are registered.
     *
     * @return where typed handlers for inbound messages are registered
     */
    public HandlerRegistry handlers() {
        return network.handlers();
    }

    /**
     * Returns the objects around the agent, per region: prims, avatars, trees; events {@link slnet.world.ObjectAppeared}, {@link slnet.world.ObjectChanged}, {@link slnet.world.ObjectRemoved}.
     *
     * @return the objects around the agent, per region: prims, avatars, trees; events
     *     {@link slnet.world.ObjectAppeared}, {@link slnet.world.ObjectChanged}, {@link slnet.world.ObjectRemoved}
     * @throws IllegalStateException if {@link ClientConfig#objectTracking()} is off
     */
    public slnet.world.World world() {
        if (world == null) {
            throw new IllegalStateException("object tracking is off in this client's ClientConfig");
        }
        return world;
    }

    /**
     * Returns the avatars around the agent, one list per region (in view and beyond draw distance), with distances; events {@link slnet.world.AvatarArrived}, {@link slnet.world.AvatarLeft}.
     *
     * @return the avatars around the agent, one list per region (in view and beyond draw distance),
     *     with distances; events {@link slnet.world.AvatarArrived}, {@link slnet.world.AvatarLeft}
     * @throws IllegalStateException if {@link ClientConfig#objectTracking()} is off
     */
    public slnet.world.Avatars avatars() {
        if (avatars == null) {
            throw new IllegalStateException("object tracking is off in this client's ClientConfig");
        }
        return avatars;
    }

    /**
     * Returns who UUIDs are: legacy and display names, batched and cached.
     *
     * @return who UUIDs are: legacy and display names, batched and cached
     */
    public slnet.names.Names names() {
        return names;
    }

    /**
     * Returns the parcel the agent stands on, its region's details and time of day, its active group; event {@link slnet.world.ParcelEntered}.
     *
     * @return the parcel the agent stands on, its region's details and time of day, its active group;
     *     event {@link slnet.world.ParcelEntered}
     */
    public slnet.world.Surroundings surroundings() {
        return surroundings;
    }

    /**
     * Returns local chat.
     *
     * @return local chat
     */
    public Chat chat() {
        return chat;
    }

    /**
     * Returns moving the agent: controls, facing, the {@link Movement#moveTo} autopilot, sitting.
     *
     * @return moving the agent: controls, facing, the {@link Movement#moveTo} autopilot, sitting
     */
    public Movement movement() {
        return movement;
    }

    /**
     * Returns the agent's groups and its group chat and conference sessions.
     *
     * @return the agent's groups and its group chat and conference sessions
     */
    public ChatSessions chatSessions() {
        return chatSessions;
    }

    /**
     * Returns touching scripted objects and answering their dialogs ({@link ScriptDialogReceived}).
     *
     * @return touching scripted objects and answering their dialogs ({@link ScriptDialogReceived})
     */
    public Scripts scripts() {
        return scripts;
    }

    /**
     * Returns answers to group invitations ({@link GroupInvited}).
     *
     * @return answers to group invitations ({@link GroupInvited})
     */
    public GroupInvitations groupInvitations() {
        return groupInvitations;
    }

    /**
     * Returns answers to inventory offers ({@link InventoryOffered}).
     *
     * @return answers to inventory offers ({@link InventoryOffered})
     */
    public InventoryOffers inventoryOffers() {
        return inventoryOffers;
    }

    /**
     * Returns teleport offers: send them, follow or refuse those received ({@link TeleportOffered}).
     *
     * @return teleport offers: send them, follow or refuse those received ({@link TeleportOffered})
     */
    public Lures lures() {
        return lures;
    }

    /**
     * Returns the agent's friends: the list, offers, presence ({@link FriendshipEvent}).
     *
     * @return the agent's friends: the list, offers, presence ({@link FriendshipEvent})
     */
    public Friends friends() {
        return friends;
    }

    /**
     * Returns instant messages.
     *
     * @return instant messages
     */
    public InstantMessages ims() {
        return ims;
    }

    /**
     * Returns the connection status, read without blocking.
     *
     * @return the connection status, read without blocking
     */
    public NetworkStatus status() {
        return network.status();
    }

    /**
     * Returns the network manager underneath, for what the facade does not cover.
     *
     * @return the network manager underneath, for what the facade does not cover
     */
    public NetworkManager network() {
        return network;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public ClientConfig config() {
        return config;
    }

    /**
     * Returns the agent's id while there is a session.
     *
     * @return the agent's id while there is a session
     */
    public Optional<UUID> agentId() {
        return network.session().map(SessionInfo::agentId);
    }

    /**
     * Returns the region the agent is in, once its handshake arrived.
     *
     * @return the region the agent is in, once its handshake arrived
     */
    public Optional<RegionInfo> region() {
        Optional<HandlerContext> context = network.primaryContext();
        if (context.isEmpty()) {
            return Optional.empty();
        }
        HandlerContext c = context.get();
        return network.regionId().map(id -> new RegionInfo(c.region().name(), c.region().handle(),
                c.circuit().remoteAddress(), id));
    }

    /**
     * Returns where the agent is, once known.
     *
     * @return where the agent is, once known
     */
    public Optional<AgentPosition> position() {
        return Optional.ofNullable(position.get());
    }

    // ---------------------------------------------------------------- regions

    /**
     * Teleports to a region by name: looks its handle up on the map ({@code MapNameRequest}), then
     * teleports there. Never blocks.
     *
     * @param regionName the destination's name (case ignored)
     * @param position where in it, region-local
     * @param lookAt the direction to face
     * @return completes once the agent is there; fails with a {@link slnet.network.TeleportException}
     *     (unknown region, refused, unreachable, no answer in time)
     */
    public CompletableFuture<slnet.network.TeleportFinished> teleport(String regionName, Vector3 position,
                                                                     Vector3 lookAt) {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(lookAt, "lookAt");
        return network.regionHandle(regionName).thenCompose(handle -> network.teleport(handle, position, lookAt));
    }

    /**
     * Teleports to a region by handle. Never blocks.
     *
     * @param regionHandle the destination's handle
     * @param position where in it, region-local
     * @param lookAt the direction to face
     * @return as {@link #teleport(String, Vector3, Vector3)}
     */
    public CompletableFuture<slnet.network.TeleportFinished> teleport(long regionHandle, Vector3 position,
                                                                     Vector3 lookAt) {
        return network.teleport(regionHandle, position, lookAt);
    }

    /**
     * Returns completes once the agent is home; as {@link #teleport(String, Vector3, Vector3)}.
     *
     * @return completes once the agent is home; as {@link #teleport(String, Vector3, Vector3)}
     */
    public CompletableFuture<slnet.network.TeleportFinished> teleportHome() {
        return network.teleportToLandmark(new UUID(0, 0));
    }

    /**
     * Teleports to a landmark.
     *
     * @param landmark the landmark's asset id
     * @return as {@link #teleport(String, Vector3, Vector3)}
     */
    public CompletableFuture<slnet.network.TeleportFinished> teleportToLandmark(UUID landmark) {
        return network.teleportToLandmark(landmark);
    }

    /**
     * The current region's capabilities: call any of them with LLSD in and out (blocking; from a
     * virtual thread, not a handler).
     *
     * @return them, once the region's seed answered
     */
    public Optional<slnet.network.RegionCapabilityAccess> capabilities() {
        return network.capabilities();
    }

    /**
     * Returns the counters of circuits, handlers and events.
     *
     * @return the counters of circuits, handlers and events
     */
    public ClientStats stats() {
        NetworkEventBus bus = network.events();
        return new ClientStats(network.circuitStats(), network.primaryCircuit(), network.handlers().stats(),
                bus.published(), bus.droppedByOpenSubscribers(), network.inboundDropped());
    }

    @Override
    public String toString() {
        return "Client[" + network.status() + "]";
    }

    // ---------------------------------------------------------------- internals

    /** What sending needs of the current session. */
    record Connected(CircuitView circuit, UUID agentId, UUID sessionId, String agentName) {
    }

    /** @return the clock events are stamped with */
    Clock clock() {
        return clock;
    }

    /** @throws IllegalStateException if there is no session to send on */
    Connected connected() {
        Optional<SessionInfo> info = network.session();
        Optional<HandlerContext> context = network.primaryContext();
        if (info.isEmpty() || context.isEmpty() || !network.status().hasSession()) {
            throw new IllegalStateException("not connected (status " + network.status() + ")");
        }
        SessionInfo s = info.get();
        return new Connected(context.get().circuit(), s.agentId(), s.sessionId(),
                (s.firstName() + " " + s.lastName()).strip());
    }

    private void onChat(ChatFromSimulator message, HandlerContext context) {
        ChatFromSimulator.ChatData d = message.chatData();
        ChatType type = ChatType.fromCode(d.chatType());
        if (!config.publishTypingNotices() && (type == ChatType.START_TYPING || type == ChatType.STOP_TYPING)) {
            return;
        }
        ChatMessage chat = new ChatMessage(d.fromName().asString(), d.sourceID(), d.ownerID(),
                ChatSourceType.fromCode(d.sourceType()), type, 0, d.position(), d.message().asString(),
                clock.instant());
        network.publish(new ChatReceived(chat, chat.receivedAt()));
    }

    private void onInstantMessage(ImprovedInstantMessage message, HandlerContext context) {
        ImprovedInstantMessage.MessageBlock b = message.messageBlock();
        InstantMessage im = new InstantMessage(message.agentData().agentID(), b.fromAgentName().asString(),
                b.toAgentID(), b.message().asString(), b.dialog(), b.id(), b.offline() != 0, clock.instant(), b.binaryBucket());
        network.publish(new ImReceived(im, im.receivedAt()));
        // The kinds with a typed event get it too, after the raw one.
        ImDialog kind = im.dialogType().orElse(ImDialog.MESSAGE);
        switch (kind) {
            case GROUP_INVITATION -> network.publish(GroupInvited.of(im));
            case SESSION_SEND -> chatSessions.onSessionMessage(im);
            case GROUP_NOTICE, GROUP_NOTICE_REQUESTED -> network.publish(GroupNoticeReceived.of(im));
            case INVENTORY_OFFERED, TASK_INVENTORY_OFFERED ->
                    network.publish(InventoryOffered.of(im, kind == ImDialog.TASK_INVENTORY_OFFERED));
            case LURE_USER, GODLIKE_LURE_USER -> network.publish(new TeleportOffered(im.fromId(), im.fromName(),
                    im.text(), b.id(), kind == ImDialog.GODLIKE_LURE_USER, im.receivedAt()));
            case FRIENDSHIP_OFFERED -> network.publish(new FriendshipEvent.Offered(im.fromId(), im.fromName(),
                    im.text(), b.id(), im.receivedAt()));
            case FRIENDSHIP_ACCEPTED, FRIENDSHIP_DECLINED_DEPRECATED -> network.publish(friends.answered(im.fromId(),
                    im.fromName(), kind == ImDialog.FRIENDSHIP_ACCEPTED, im.receivedAt()));
            default -> {
                // The raw ImReceived is all there is.
            }
        }
    }

    private void onScriptDialog(slnet.protocol.messages.ScriptDialog message, HandlerContext context) {
        slnet.protocol.messages.ScriptDialog.Data d = message.data();
        List<String> buttons = new java.util.ArrayList<>(message.buttons().size());
        message.buttons().forEach(b -> buttons.add(b.buttonLabel().asString()));
        boolean textBox = buttons.size() == 1 && buttons.get(0).equals(ScriptDialogReceived.TEXT_BOX_BUTTON);
        Optional<UUID> owner = message.ownerData().isEmpty() ? Optional.empty()
                : Optional.of(message.ownerData().get(0).ownerID());
        String ownerName = (d.firstName().asString() + " " + d.lastName().asString()).strip();
        network.publish(new ScriptDialogReceived(d.objectID(), d.objectName().asString(), ownerName, owner,
                d.message().asString(), d.chatChannel(), d.imageID(), textBox ? List.of() : buttons, textBox,
                clock.instant()));
    }

    private void onAlert(slnet.protocol.messages.AlertMessage message, HandlerContext context) {
        java.time.Instant now = clock.instant();
        String text = message.alertData().message().asString();
        if (message.alertInfo().isEmpty()) {
            network.publish(new AlertReceived(text, "", slnet.protocol.llsd.Llsd.undef(), now));
            return;
        }
        for (slnet.protocol.messages.AlertMessage.AlertInfo info : message.alertInfo()) {
            String id = info.message().asString();
            slnet.protocol.llsd.Llsd parameters = slnet.protocol.llsd.Llsd.undef();
            String extra = info.extraParams().asString();
            if (!extra.isEmpty()) {
                try {
                    parameters = slnet.protocol.llsd.LlsdXml.parse(extra);
                } catch (slnet.protocol.llsd.LlsdException | RuntimeException e) {
                    parameters = slnet.protocol.llsd.Llsd.undef(); // the text alone still tells the user
                }
            }
            network.publish(new AlertReceived(text, id, parameters, now));
            // As the viewer reads them: the minutes or seconds left and the region's name.
            if (id.equals("RegionRestartMinutes") || id.equals("RegionRestartSeconds")) {
                long seconds = id.equals("RegionRestartMinutes") ? 60L * parameters.get("MINUTES").asInt()
                        : parameters.get("SECONDS").asInt();
                java.time.Duration in = java.time.Duration.ofSeconds(Math.max(0, seconds));
                RegionRestartScheduled warning = new RegionRestartScheduled(parameters.get("NAME").asString(), in,
                        now.plus(in), now);
                network.publish(warning);
                restarts.onScheduled(warning);
            }
        }
    }

    /** Neighbours send updates of the agent's avatar too; only the region it is in counts. */
    private boolean isPrimary(HandlerContext context) {
        return network.primaryCircuit().map(context.circuit().remoteAddress()::equals).orElse(false);
    }

    private void onMovementComplete(AgentMovementComplete message, HandlerContext context) {
        AgentPosition before = position.get();
        if (before != null && before.regionHandle() != message.data().regionHandle()) {
            avatarLocalId = -1; // another region: the avatar has another local id there
        }
        moved(message.data().regionHandle(), message.data().position(), Vector3.ZERO);
    }

    private void onObjectUpdate(ObjectUpdate message, HandlerContext context) {
        Optional<UUID> self = agentId();
        if (self.isEmpty() || !isPrimary(context)) {
            return;
        }
        for (ObjectUpdate.ObjectData object : message.objectData()) {
            if (object.pCode() == AVATAR_PCODE && self.get().equals(object.fullID())) {
                avatarLocalId = object.id() & 0xFFFF_FFFFL;
                long parent = object.parentID() & 0xFFFF_FFFFL;
                long handle = message.regionData().regionHandle();
                movement.onAvatarParent(parent, parent == 0 || world == null ? null : world.region(handle)
                        .flatMap(r -> r.get((int) parent)).map(slnet.world.WorldObject::id).orElse(null));
                Vector3 at = AvatarMotion.fullUpdatePosition(object.objectData());
                Vector3 velocity = AvatarMotion.fullUpdateVelocity(object.objectData());
                if (at != null) {
                    moved(message.regionData().regionHandle(), at, velocity == null ? Vector3.ZERO : velocity);
                }
            }
        }
    }

    private void onTerseUpdate(ImprovedTerseObjectUpdate message, HandlerContext context) {
        long ours = avatarLocalId;
        if (ours < 0 || !isPrimary(context)) {
            return;
        }
        for (ImprovedTerseObjectUpdate.ObjectData object : message.objectData()) {
            if (AvatarMotion.terseLocalId(object.data()) == ours) {
                Vector3 at = AvatarMotion.tersePosition(object.data());
                Vector3 velocity = AvatarMotion.terseVelocity(object.data());
                if (at != null) {
                    moved(message.regionData().regionHandle(), at, velocity == null ? Vector3.ZERO : velocity);
                }
            }
        }
    }

    private void moved(long regionHandle, Vector3 at, Vector3 velocity) {
        AgentPosition next = new AgentPosition(regionHandle, at, velocity, clock.instant());
        AgentPosition previous = position.getAndSet(next);
        if (previous == null || !previous.position().equals(at) || previous.regionHandle() != regionHandle
                || !previous.velocity().equals(velocity)) {
            network.agentMoved(at);
            network.publish(new AgentMoved(next, next.at()));
            movement.onPosition(at);
        }
    }
}
