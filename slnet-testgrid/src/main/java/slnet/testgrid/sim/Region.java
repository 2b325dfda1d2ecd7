package slnet.testgrid.sim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitEvent;
import slnet.circuit.CircuitException;
import slnet.circuit.InboundMessage;
import slnet.protocol.Message;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.DisableSimulator;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.TeleportLandmarkRequest;
import slnet.protocol.messages.TeleportLocationRequest;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.time.Scheduler;

/**
 * The region's behaviour, without sockets: who is here, what their viewers' messages cause, and the
 * test controls acting on agents. A {@link Simulator} feeds it admitted circuits and their messages.
 * Thread-safe: the agents live in a concurrent map; each agent's fields are volatile; messages of
 * one circuit arrive on one thread at a time. Who stands where and who was shown whose avatar
 * ({@link AvatarCells}, {@link Agent#shown}) change under one lock, the cells' monitor.
 *
 * <p>Work per event stays bounded however many agents are here: an arrival shows the newcomer the
 * {@code avatarViewLimit} nearest avatars (and shows it to those of them with room in their own
 * view), a departure or move tells only who was shown the avatar, chat looks only at the cells in
 * range, and coarse locations go out once per interval from one snapshot (at most
 * {@value CoarseLocations#MAX_PER_MESSAGE} per message, as OpenSimulator sends them).
 */
final class Region {
    private static final Logger LOG = LoggerFactory.getLogger(Region.class);
    private static final float WHISPER_RANGE = 10f;
    private static final float SAY_RANGE = 20f;
    private static final float SHOUT_RANGE = 100f;
    private static final int MAX_CHAT_BYTES = 1023;
    private static final long CLOSE_GRACE_NS = Duration.ofSeconds(2).toNanos();
    private static final int SOURCE_AGENT = 1;
    private static final int SOURCE_OBJECT = 2;
    /** The IM dialog of a teleport offer. */
    private static final int LURE_USER = 22;
    /** The IM dialogs of a chat session's message and of leaving it. */
    private static final int SESSION_SEND = 17;
    private static final int SESSION_LEAVE = 18;
    /** The IM dialog of a friendship offer. */
    private static final int FRIENDSHIP_OFFERED = 38;
    /** Enough for any test; a real grid's search stops at a page of results too. */
    private static final int MAX_PICKER_RESULTS = 20;
    /** Keeps a reply well inside one datagram (each block is 16 bytes and two short names). */
    private static final int MAX_NAMES_PER_REPLY = 40;

    final MessageLog log = new MessageLog(10_000);
    private final RegionSettings settings;
    private final RegionMessages messages;
    final SimulatorListener listener;
    final Scheduler scheduler;
    final GridMap grid;
    final Simulator self;
    private final Travel travel;
    private final ConcurrentHashMap<UUID, Agent> agents = new ConcurrentHashMap<>();
    /** Where agents announced by a teleport or crossing will stand when they complete their movement. */
    private final ConcurrentHashMap<UUID, Arrival> arrivals = new ConcurrentHashMap<>();
    private final java.util.Set<Circuit> abandoned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextLocalId = new AtomicInteger(1_000);
    /** The root agents by position; its monitor also guards every agent's shown/shownTo sets. */
    private final AvatarCells cells = new AvatarCells();
    private final int avatarViewLimit;
    private final float spawnScatter;
    private volatile slnet.time.ScheduledTask coarseTask;
    /** The objects this region holds and sends. */
    final SimObjects objects = new SimObjects(this);
    private volatile boolean logoutReplyEnabled;
    /** A fault switch: a teleport out of here disables the agent's circuit before TeleportFinish. */
    private volatile boolean disableBeforeTeleportFinish;
    /** Set when the simulator closes or dies: nothing more is sent, departures go unannounced. */
    private volatile boolean silent;
    /** Down for a scheduled restart: teleports here fail, nobody is here. */
    private volatile boolean down;
    /** How often moving avatars move; nothing runs while none moves. */
    private static final long PHYSICS_TICK_NS = 100_000_000L;
    /** The agents holding movement controls down; guarded by {@link #cells}. */
    private final java.util.Set<Agent> movers = new java.util.HashSet<>();
    /** The next physics step while some agent moves; guarded by {@link #cells}. */
    private slnet.time.ScheduledTask physicsTask;
    private long lastPhysicsNs;

    /** Where an expected agent stands and looks on arrival. */
    record Arrival(Vector3 position, Vector3 lookAt) {
    }

    Region(RegionSettings settings, SimulatorListener listener, Scheduler scheduler, boolean logoutReplyEnabled,
            GridMap grid, Simulator self, long departureGraceNs, int avatarViewLimit, float spawnScatter) {
        this.settings = settings;
        this.avatarViewLimit = avatarViewLimit;
        this.spawnScatter = spawnScatter;
        this.messages = new RegionMessages(settings);
        this.listener = listener;
        this.scheduler = scheduler;
        this.logoutReplyEnabled = logoutReplyEnabled;
        this.grid = grid;
        this.self = self;
        this.travel = new Travel(this, messages, departureGraceNs);
    }

    RegionSettings settings() {
        return settings;
    }

    void setLogoutReplyEnabled(boolean enabled) {
        logoutReplyEnabled = enabled;
    }

    void setDisableBeforeTeleportFinish(boolean enabled) {
        disableBeforeTeleportFinish = enabled;
    }

    boolean disablesBeforeTeleportFinish() {
        return disableBeforeTeleportFinish;
    }

    List<AgentPresence> agents() {
        return agents.values().stream().sorted(Comparator.comparingInt(a -> a.localId)).map(Agent::presence)
                .toList();
    }

    Optional<AgentPresence> agent(UUID agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(Agent::presence);
    }

    boolean isInRegion(UUID agentId) {
        Agent agent = agents.get(agentId);
        return agent != null && agent.inRegion;
    }

    boolean isPresent(UUID agentId) {
        return agents.containsKey(agentId);
    }

    /**
     * Admits an agent whose {@code UseCircuitCode} checked out, replacing a stale circuit of the same
     * agent (a viewer that restarted its circuit from another port).
     *
     * @param opener opens the agent's circuit, wired to this region
     */
    void admit(AgentSession session, Function<Agent, Circuit> opener) {
        Agent previous = agents.get(session.agentId());
        if (previous != null) {
            removeAgent(previous, "replaced by a new circuit");
            previous.circuit.close();
        }
        Agent agent = new Agent(session, nextLocalId.getAndIncrement(), scatteredSpawn());
        agent.circuit = opener.apply(agent);
        agents.put(session.agentId(), agent);
        listener.circuitAccepted(session);
        grid.circuitAccepted(self, session, arrivals.containsKey(session.agentId()));
        log.signal();
    }

    boolean isChild(UUID agentId) {
        Agent agent = agents.get(agentId);
        return agent != null && !agent.inRegion;
    }

    /** A teleport or crossing will bring the agent here: it arrives at this place. */
    void expectArrival(UUID agentId, Vector3 position, Vector3 lookAt) {
        arrivals.put(agentId, new Arrival(position, lookAt));
    }

    /**
     * Sends an LLSD-routed message on the agent's event queue here; without capabilities, over UDP
     * unless the template blacklists it there (EnableSimulator, TeleportFinish, CrossedRegion: a
     * viewer drops those from UDP, so a grid without capabilities cannot offer them at all).
     */
    void deliver(UUID agentId, Message message) {
        if (grid.eventQueues().enqueue(agentId, settings, message)) {
            return;
        }
        if (message.descriptor().udpBlacklisted()) {
            LOG.debug("{} for {} not sent: no event queue, and UDP may not carry it", message.descriptor().name(),
                    agentId);
            return;
        }
        Agent agent = agents.get(agentId);
        if (agent != null && !agent.leaving.get()) {
            agent.circuit.sendReliable(message);
        }
    }

    /** The agent became root elsewhere: it stays here as a child agent, invisible to the others. */
    void demote(UUID agentId, String reason) {
        Agent agent = agents.get(agentId);
        if (agent == null || !agent.inRegion) {
            return;
        }
        synchronized (cells) {
            agent.inRegion = false;
            agent.movementCompleted = false;
            leaveView(agent, !silent);
        }
        LOG.debug("agent {} is a child agent in {} now: {}", agentId, settings.name(), reason);
        listener.agentBecameChild(agent.presence(), reason);
        log.signal();
    }

    /** Drops an agent's circuit as a simulator no longer needed does: {@code DisableSimulator}, then close. */
    void dismiss(UUID agentId, String reason) {
        Agent agent = agents.get(agentId);
        if (agent == null || !agent.leaving.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("disabling agent {} in {}: {}", agentId, settings.name(), reason);
        Circuit circuit = agent.circuit;
        CompletableFuture<Void> sent = silent ? CompletableFuture.completedFuture(null)
                : circuit.sendReliable(new DisableSimulator());
        removeAgent(agent, reason);
        closeAfter(circuit, sent);
    }

    /** Stops all sending and forgets everyone, for a closing simulator. */
    void silence(String reason) {
        silent = true;
        slnet.time.ScheduledTask coarse = coarseTask;
        if (coarse != null) {
            coarse.cancel();
        }
        for (Agent agent : agents.values()) {
            removeAgent(agent, reason);
        }
        log.signal();
    }

    void kick(UUID agentId, String reason) {
        Agent agent = require(agentId);
        if (!agent.leaving.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("kicking agent {}", agentId);
        Circuit circuit = agent.circuit;
        InetSocketAddress viewer = circuit.remoteAddress();
        CompletableFuture<Void> sent = circuit.sendReliable(
                messages.kick(agent.session, viewer.getAddress(), viewer.getPort(), reason));
        removeAgent(agent, "kicked: " + reason);
        closeAfter(circuit, sent);
    }

    void moveAgent(UUID agentId, Vector3 position) {
        Agent agent = require(agentId);
        Objects.requireNonNull(position, "position");
        if (agent.inRegion && travel.crossIfOutside(agent, position)) {
            log.signal();
            return;
        }
        synchronized (cells) {
            agent.position = position; // no region across that border: the test asked for it, so be it
            if (agent.inRegion && agent.cell >= 0) {
                cells.moved(agent);
                var terse = messages.terseUpdate(agent.localId, position);
                agent.circuit.sendReliable(terse);
                for (Agent viewer : agent.shownTo) {
                    viewer.circuit.sendReliable(terse);
                }
            }
        }
        log.signal();
    }

    /**
     * Seats an agent on an object, as a simulator does when the viewer's sit request succeeds: the
     * avatar's full update names the seat as its parent and places it in the seat's frame.
     */
    void sitAgent(UUID agentId, int seatLocalId, Vector3 offset) {
        Agent agent = require(agentId);
        SimObject seat = objects.objects().get(seatLocalId);
        if (seat == null) {
            throw new IllegalArgumentException("no object " + seatLocalId + " in " + settings.name());
        }
        synchronized (cells) {
            movers.remove(agent);
            agent.seatLocalId = seatLocalId;
            agent.seatOffset = offset;
            agent.position = new Vector3(seat.position().x() + offset.x(), seat.position().y() + offset.y(),
                    seat.position().z() + offset.z());
            if (agent.inRegion && agent.cell >= 0) {
                cells.moved(agent);
                ObjectUpdate seated = messages.avatarUpdate(agent.session, agent.localId, offset, seatLocalId);
                agent.circuit.sendReliable(seated);
                for (Agent viewer : agent.shownTo) {
                    viewer.circuit.sendReliable(seated);
                }
            }
        }
        log.signal();
    }

    void sayAsObject(UUID objectId, String name, Vector3 position, int chatType, String text) {
        float range = chatRange(chatType);
        if (range < 0) {
            throw new IllegalArgumentException("not a spoken chat type: " + chatType);
        }
        var chat = messages.chat(name, objectId, objectId, SOURCE_OBJECT, chatType, position,
                Bytes.ofString(text));
        synchronized (cells) {
            cells.forEachWithin(position, range, listener -> listener.circuit.sendReliable(chat));
        }
    }

    CompletableFuture<Void> send(UUID agentId, Message message, boolean reliable) {
        Circuit circuit = require(agentId).circuit;
        return reliable ? circuit.sendReliable(message) : circuit.send(message);
    }

    void onMessage(Agent agent, InboundMessage inbound) {
        Message message = inbound.message();
        log.add(new ReceivedMessage(agent.session.agentId(), message.descriptor().name()));
        if (agent.leaving.get()) {
            return;
        }
        switch (message) {
            case UseCircuitCode ignored -> {
                if (agent.handshakeSent.compareAndSet(false, true)) {
                    agent.circuit.sendReliable(messages.regionHandshake());
                }
            }
            case CompleteAgentMovement m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())
                        && m.agentData().circuitCode() == agent.session.circuitCode()) {
                    completeMovement(agent);
                }
            }
            case ChatFromViewer m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    relayChat(agent, m.chatData());
                }
            }
            case ImprovedInstantMessage m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    deliverIm(agent, m);
                }
            }
            case LogoutRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    logout(agent);
                }
            }
            case TeleportLocationRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID()) && agent.inRegion) {
                    travel.teleportToLocation(agent, m.info());
                }
            }
            case TeleportLandmarkRequest m -> {
                if (agent.owns(m.info().agentID(), m.info().sessionID()) && agent.inRegion) {
                    travel.teleportToLandmark(agent, m.info().landmarkID());
                }
            }
            case slnet.protocol.messages.RequestRegionInfo m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    agent.circuit.sendReliable(messages.regionInfo(agent.session));
                }
            }
            case slnet.protocol.messages.AvatarPickerRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    answerAvatarPicker(agent, m.agentData().queryID(), m.data().name().asString());
                }
            }
            case slnet.protocol.messages.MapNameRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    answerMapName(agent, m.nameData().name().asString());
                }
            }
            case slnet.protocol.messages.RequestObjectPropertiesFamily m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    objects.answerProperties(agent, m);
                }
            }
            case slnet.protocol.messages.RequestMultipleObjects m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    objects.answer(agent, m);
                }
            }
            case slnet.protocol.messages.UUIDNameRequest m -> answerNames(agent, m);
            case slnet.protocol.messages.ObjectGrab m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID()) && agent.inRegion) {
                    objects.touched(agent, m.objectData().localID());
                }
            }
            case slnet.protocol.messages.StartLure m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID()) && agent.inRegion) {
                    offerLures(agent, m);
                }
            }
            case slnet.protocol.messages.TeleportLureRequest m -> {
                if (agent.owns(m.info().agentID(), m.info().sessionID()) && agent.inRegion) {
                    travel.teleportByLure(agent, m.info().lureID());
                }
            }
            case slnet.protocol.messages.AcceptFriendship m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    grid.friendshipAnswered(m.transactionBlock().transactionID(), agent.session, true, messages);
                }
            }
            case slnet.protocol.messages.DeclineFriendship m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    grid.friendshipAnswered(m.transactionBlock().transactionID(), agent.session, false, messages);
                }
            }
            case slnet.protocol.messages.TerminateFriendship m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    grid.friendshipEnded(agent.session.agentId(), m.exBlock().otherID());
                }
            }
            case slnet.protocol.messages.ScriptAnswerYes m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID()) && agent.inRegion) {
                    objects.permissionsAnswered(agent, m.data());
                }
            }
            case slnet.protocol.messages.ScriptDialogReply m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID()) && agent.inRegion) {
                    objects.dialogAnswered(agent, m.data());
                }
            }
            case slnet.protocol.messages.ParcelPropertiesRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    // Current simulators send it over the event queue only.
                    deliver(agent.session.agentId(), messages.parcelProperties(m.parcelData().sequenceID()));
                }
            }
            case slnet.protocol.messages.AgentUpdate m -> {
                if (agent.inRegion && agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    controlsChanged(agent, m.agentData().controlFlags(), m.agentData().bodyRotation());
                }
            }
            case slnet.protocol.messages.SetAlwaysRun m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    agent.alwaysRun = m.agentData().alwaysRun();
                }
            }
            case slnet.protocol.messages.AgentRequestSit m -> {
                if (agent.inRegion && agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    requestSit(agent, m.targetObject().targetID(), m.targetObject().offset());
                }
            }
            case slnet.protocol.messages.AgentSit m -> {
                if (agent.inRegion && agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    confirmSit(agent);
                }
            }
            case slnet.protocol.messages.AgentDataUpdateRequest m -> {
                if (agent.owns(m.agentData().agentID(), m.agentData().sessionID())) {
                    agent.circuit.sendReliable(RegionMessages.agentData(agent.session));
                    grid.sendGroupData(agent.session.agentId());
                }
            }
            default -> {
                // RegionHandshakeReply, AgentThrottle, AgentUpdate and the rest: logged, nothing to answer.
            }
        }
    }

    /**
     * As the grid's people search does, over the agents on the grid now (this grid keeps no other
     * directory): one block per agent whose "First Last" contains the text, ignoring case; none for
     * no match. The grid's search caps what it returns; so does this.
     */
    private void answerAvatarPicker(Agent agent, UUID queryId, String text) {
        String wanted = text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.Map<UUID, String> found = new java.util.LinkedHashMap<>();
        for (Simulator sim : grid.simulators()) {
            for (AgentPresence presence : sim.agents()) {
                if (!wanted.isEmpty() && found.size() < MAX_PICKER_RESULTS
                        && presence.fullName().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                    found.putIfAbsent(presence.agentId(), presence.fullName());
                }
            }
        }
        List<slnet.protocol.messages.AvatarPickerReply.Data> blocks = new java.util.ArrayList<>();
        found.forEach((id, fullName) -> {
            int space = fullName.indexOf(' ');
            String first = space < 0 ? fullName : fullName.substring(0, space);
            String last = space < 0 ? "" : fullName.substring(space + 1);
            blocks.add(new slnet.protocol.messages.AvatarPickerReply.Data(id, Bytes.ofString(first),
                    Bytes.ofString(last)));
        });
        agent.circuit.sendReliable(new slnet.protocol.messages.AvatarPickerReply(
                new slnet.protocol.messages.AvatarPickerReply.AgentData(agent.session.agentId(), queryId), blocks));
    }

    /**
     * As a simulator's name service does: the names it knows among those asked for, at most
     * {@value #MAX_NAMES_PER_REPLY} per reply; unknown ids get no answer.
     */
    private void answerNames(Agent agent, slnet.protocol.messages.UUIDNameRequest request) {
        List<GridMap.Person> known = new java.util.ArrayList<>();
        for (var block : request.uuidNameBlock()) {
            grid.person(block.id()).ifPresent(known::add);
        }
        for (int from = 0; from < known.size(); from += MAX_NAMES_PER_REPLY) {
            agent.circuit.sendReliable(RegionMessages.names(known.subList(from,
                    Math.min(known.size(), from + MAX_NAMES_PER_REPLY))));
        }
    }

    /** As the grid's map service does: one block per region whose name contains the text, then an end marker. */
    private void answerMapName(Agent agent, String text) {
        java.util.List<slnet.protocol.messages.MapBlockReply.Data> blocks = new java.util.ArrayList<>();
        for (Simulator sim : grid.simulators()) {
            RegionSettings r = sim.region();
            if (!text.isBlank() && r.name().toLowerCase(java.util.Locale.ROOT)
                    .contains(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                blocks.add(new slnet.protocol.messages.MapBlockReply.Data((int) ((r.handle() >>> 32) / 256),
                        (int) ((r.handle() & 0xFFFFFFFFL) / 256), slnet.protocol.types.Bytes.ofString(r.name()),
                        13, 0, 20, 0, new java.util.UUID(0, 0)));
            }
        }
        // The official map service ends a name search with an empty-named block at 0,0.
        blocks.add(new slnet.protocol.messages.MapBlockReply.Data(0, 0, slnet.protocol.types.Bytes.EMPTY, 255, 0, 0, 0,
                new java.util.UUID(0, 0)));
        agent.circuit.sendReliable(new slnet.protocol.messages.MapBlockReply(
                new slnet.protocol.messages.MapBlockReply.AgentData(agent.session.agentId(), 0), blocks));
    }

    private void completeMovement(Agent agent) {
        Arrival arrival = arrivals.remove(agent.session.agentId());
        Vector3 lookAt = new Vector3(1, 0, 0);
        if (arrival != null) {
            agent.position = arrival.position();
            lookAt = arrival.lookAt();
        }
        agent.movementCompleted = true;
        agent.circuit.sendReliable(messages.movementComplete(agent.session, agent.position, lookAt));
        agent.circuit.sendReliable(RegionMessages.viewerTime(System.currentTimeMillis()));
        synchronized (cells) {
            if (agent.inRegion || agents.get(agent.session.agentId()) != agent) {
                return; // a repeated CompleteAgentMovement: answer again, announce once; or already gone
            }
            enterView(agent);
            agent.inRegion = true; // after: a coarse round that lists the agent comes after its ObjectUpdates
        }
        LOG.debug("agent {} entered region {}", agent.session.agentId(), settings.name());
        objects.sendAllTo(agent);
        listener.agentEntered(agent.presence());
        grid.agentEntered(self, agent.session);
        log.signal();
    }

    private void relayChat(Agent speaker, ChatFromViewer.ChatData chat) {
        float range = chatRange(chat.type());
        if (chat.channel() != 0 || range < 0 || !speaker.inRegion) {
            return; // no scripts listen on other channels here
        }
        var text = chat.message();
        if (text.length() > MAX_CHAT_BYTES + 1) {
            byte[] cut = java.util.Arrays.copyOf(text.toArray(), MAX_CHAT_BYTES + 1);
            cut[MAX_CHAT_BYTES] = 0;
            text = Bytes.unsafeWrap(cut);
        }
        UUID id = speaker.session.agentId();
        Vector3 from = speaker.position;
        var relayed = messages.chat(speaker.session.fullName(), id, id, SOURCE_AGENT, chat.type(), from, text);
        synchronized (cells) {
            cells.forEachWithin(from, range, listener -> listener.circuit.sendReliable(relayed));
        }
    }

    /** StartLure: each target gets an IM of the lure kind whose id names a lure to here. */
    private void offerLures(Agent sender, slnet.protocol.messages.StartLure lure) {
        for (slnet.protocol.messages.StartLure.TargetData target : lure.targetData()) {
            UUID lureId = UUID.randomUUID();
            grid.lureOffered(lureId, new GridMap.Lure(target.targetID(), settings.handle(), sender.position));
            deliverToAgent(target.targetID(), messages.systemIm(sender.session, target.targetID(), LURE_USER, lureId,
                    lure.info().message().asString()));
        }
    }

    private void deliverIm(Agent sender, ImprovedInstantMessage im) {
        UUID toId = im.messageBlock().toAgentID();
        int dialog = im.messageBlock().dialog();
        if (dialog == SESSION_SEND || dialog == SESSION_LEAVE) {
            UUID session = im.messageBlock().id();
            if (dialog == SESSION_LEAVE) {
                grid.sessionLeft(sender.session.agentId(), session);
            } else if (!grid.sessionMessage(sender.session.agentId(), sender.session.fullName(), session,
                    messages.forwardedIm(im, sender.session, sender.position))) {
                LOG.debug("session message from {} to unknown session {} dropped", sender.session.agentId(), session);
            }
            return;
        }
        if (im.messageBlock().dialog() == FRIENDSHIP_OFFERED) {
            grid.friendshipOffered(im.messageBlock().id(), sender.session.agentId(), toId);
        }
        if (!deliverToAgent(toId, messages.forwardedIm(im, sender.session, sender.position))) {
            LOG.debug("instant message from {} to absent agent {} dropped", sender.session.agentId(), toId);
        }
    }

    /**
     * Sends an IM to an agent wherever it is: here, elsewhere on the grid, or here still completing
     * its movement (AgentMovementComplete is on its way: not yet in the region, but its viewer is
     * already connected and gets the message).
     *
     * @return false if the agent is nowhere
     */
    private boolean deliverToAgent(UUID toId, ImprovedInstantMessage im) {
        Agent to = agents.get(toId);
        if (to != null && to.inRegion) {
            to.circuit.sendReliable(im);
        } else if (grid.rootOf(toId).isPresent()) {
            grid.sendToAgent(toId, im);
        } else if (to != null && !to.leaving.get()) {
            to.circuit.sendReliable(im);
        } else {
            return false;
        }
        return true;
    }

    private void logout(Agent agent) {
        if (!agent.leaving.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("agent {} logging out (reply {})", agent.session.agentId(), logoutReplyEnabled ? "on" : "off");
        removeAgent(agent, "logged out");
        if (logoutReplyEnabled) {
            closeAfter(agent.circuit, agent.circuit.sendReliable(messages.logoutReply(agent.session)));
        } else {
            agent.circuit.close();
        }
    }

    /**
     * True if the circuit's agent is gone while the circuit lingers for a goodbye to be acked
     * (LogoutReply, KickUser, DisableSimulator): a viewer coming back from the same address must
     * get a fresh circuit, not this one.
     */
    boolean isAbandoned(Circuit circuit) {
        return abandoned.contains(circuit);
    }

    void onCircuitEvent(Agent agent, CircuitEvent event) {
        if (event instanceof CircuitEvent.CircuitClosed) {
            abandoned.remove(agent.circuit);
        }
        if (event instanceof CircuitEvent.CircuitClosed c) {
            removeAgent(agent, c.reason() == CircuitException.Reason.TIMED_OUT ? "circuit timed out" : "circuit closed");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    void removeAgent(Agent agent, String reason) {
        if (!agents.remove(agent.session.agentId(), agent)) {
            return;
        }
        Circuit circuit = agent.circuit;
        if (circuit != null && circuit.isOpen()) {
            abandoned.add(circuit);
        }
        LOG.debug("agent {} left region {}: {}", agent.session.agentId(), settings.name(), reason);
        boolean wasRoot;
        synchronized (cells) {
            wasRoot = agent.inRegion;
            leaveView(agent, wasRoot && !silent);
        }
        listener.agentLeft(agent.presence(), reason);
        grid.agentLeft(self, agent.session, wasRoot, !silent);
        log.signal();
    }

    /** Closes a circuit once a reliable goodbye settled, or after a grace period if the viewer never acks. */
    void closeAfter(Circuit circuit, CompletableFuture<Void> goodbye) {
        goodbye.whenComplete((ok, failure) -> circuit.close());
        try {
            scheduler.schedule(circuit::close, CLOSE_GRACE_NS);
        } catch (RejectedExecutionException e) {
            circuit.close();
        }
    }

    /**
     * Files a newcomer and shows avatars both ways: the newcomer sees itself and its nearest
     * neighbours up to the view limit; each of those with room in its own view sees the newcomer.
     * At most a few view limits of agents are looked at, however crowded the region. Under the lock.
     */
    private void enterView(Agent agent) {
        cells.add(agent);
        ObjectUpdate own = messages.avatarUpdate(agent.session, agent.localId, agent.position);
        agent.circuit.sendReliable(own);
        int[] budget = {4 * avatarViewLimit};
        cells.visitNearestFirst(agent.position, other -> {
            if (other == agent) {
                return true;
            }
            if (agent.shown.size() < avatarViewLimit && agent.shown.add(other)) {
                other.shownTo.add(agent);
                agent.circuit.sendReliable(messages.avatarUpdate(other.session, other.localId, other.position));
                agent.circuit.sendReliable(RegionMessages.appearance(other.session.agentId()));
            }
            if (other.shown.size() < avatarViewLimit && other.shown.add(agent)) {
                agent.shownTo.add(other);
                other.circuit.sendReliable(own);
                other.circuit.sendReliable(RegionMessages.appearance(agent.session.agentId()));
            }
            return --budget[0] > 0;
        });
    }

    /** Unfiles an agent and forgets who saw whom; tells who saw it if {@code announce}. Under the lock. */
    private void leaveView(Agent agent, boolean announce) {
        cells.remove(agent);
        KillObject kill = announce && !agent.shownTo.isEmpty() ? messages.killObject(agent.localId) : null;
        for (Agent viewer : agent.shownTo) {
            viewer.shown.remove(agent);
            if (kill != null) {
                viewer.circuit.sendReliable(kill);
            }
        }
        for (Agent seen : agent.shown) {
            seen.shownTo.remove(agent);
        }
        agent.shownTo.clear();
        agent.shown.clear();
    }

    /** A new agent's first position: the spawn point, or a random spot around it when arrivals scatter. */
    private Vector3 scatteredSpawn() {
        Vector3 spawn = settings.spawn();
        if (spawnScatter <= 0) {
            return spawn;
        }
        var random = java.util.concurrent.ThreadLocalRandom.current();
        double angle = random.nextDouble(2 * Math.PI);
        double radius = spawnScatter * Math.sqrt(random.nextDouble()); // uniform over the disc
        float x = (float) Math.max(1, Math.min(255, spawn.x() + radius * Math.cos(angle)));
        float y = (float) Math.max(1, Math.min(255, spawn.y() + radius * Math.sin(angle)));
        return new Vector3(x, y, spawn.z());
    }

    /**
     * Sends every root agent the coarse locations, then runs again after {@code intervalNs}, until
     * the region falls silent.
     */
    void startCoarseLocations(long intervalNs) {
        if (intervalNs <= 0 || silent) {
            return;
        }
        try {
            coarseTask = scheduler.schedule(() -> {
                if (silent) {
                    return;
                }
                List<Agent> roots = agents.values().stream().filter(a -> a.inRegion && !a.leaving.get()).toList();
                CoarseLocations.send(roots);
                startCoarseLocations(intervalNs);
            }, intervalNs);
        } catch (RejectedExecutionException e) {
            // the scheduler is closing: so is the simulator
        }
    }

    /** Sends a message reliably to every agent in the region but one (or none). */
    void broadcast(Message message, Agent except) {
        for (Agent agent : agents.values()) {
            // Also an agent whose AgentMovementComplete is on its way: its viewer counts itself in
            // the region from that message on, before this simulator has filed it.
            if (agent != except && (agent.inRegion || agent.movementCompleted) && !agent.leaving.get()) {
                agent.circuit.sendReliable(message);
            }
        }
    }

    // ---------------------------------------------------------------- scheduled restarts

    /**
     * Warns every agent here of a restart in {@code warning} (a RegionRestartSeconds alert, as
     * OpenSimulator sends), then goes down for {@code downtime}: agents here lose their circuits,
     * teleports here fail; then it is up again on the same address.
     */
    void scheduleRestart(java.time.Duration warning, java.time.Duration downtime) {
        // The warning counts whole seconds, as the viewer shows them; the region goes down when it says.
        long seconds = Math.max(0, (warning.toMillis() + 999) / 1000);
        broadcast(RegionMessages.restartAlert(settings.name(), seconds), null);
        scheduler.schedule(() -> {
            down = true;
            LOG.debug("{} restarting: down for {}", settings.name(), downtime);
            for (Agent agent : List.copyOf(agents.values())) {
                if (agent.inRegion) {
                    kick(agent.session.agentId(), "the region is restarting");
                } else {
                    removeAgent(agent, "the region is restarting");
                    agent.circuit.close();
                }
            }
            scheduler.schedule(() -> {
                down = false;
                LOG.debug("{} is up again", settings.name());
                log.signal();
            }, downtime.toNanos());
            log.signal();
        }, TimeUnit.SECONDS.toNanos(seconds));
    }

    /** @return true while down for a restart */
    boolean isDown() {
        return down;
    }

    // ---------------------------------------------------------------- walking and sitting

    /** An AgentUpdate: cheap when nothing changed, as it arrives every second from every agent. */
    private void controlsChanged(Agent agent, int flags, slnet.protocol.types.Quaternion body) {
        agent.bodyRotation = body;
        agent.controlFlags = flags;
        if ((flags & AvatarPhysics.STAND_UP) != 0) {
            standUp(agent);
        }
        if ((flags & AvatarPhysics.SIT_ON_GROUND) != 0) {
            agent.onGround = true;
        }
        if (AvatarPhysics.moving(flags)) {
            synchronized (cells) {
                if (agent.seatLocalId == 0 && movers.add(agent) && physicsTask == null) {
                    lastPhysicsNs = scheduler.nanoTime();
                    schedulePhysics();
                }
            }
        }
    }

    /** Under the cells lock. */
    private void schedulePhysics() {
        try {
            physicsTask = scheduler.schedule(this::stepMovers, PHYSICS_TICK_NS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            physicsTask = null; // the simulator is closing
        }
    }

    /** Moves every agent that holds movement controls, and tells it and the agents shown it. */
    private void stepMovers() {
        synchronized (cells) {
            physicsTask = null;
            long now = scheduler.nanoTime();
            float seconds = Math.min(0.5f, (now - lastPhysicsNs) / 1e9f);
            lastPhysicsNs = now;
            for (java.util.Iterator<Agent> it = movers.iterator(); it.hasNext(); ) {
                Agent agent = it.next();
                int flags = agent.controlFlags;
                if (silent || !agent.inRegion || agent.seatLocalId != 0 || agent.leaving.get()
                        || agents.get(agent.session.agentId()) != agent) {
                    it.remove();
                    continue;
                }
                if (!AvatarPhysics.moving(flags)) {
                    it.remove();
                    tellMoved(agent, agent.position, Vector3.ZERO); // it stopped: velocity zero
                    continue;
                }
                Vector3 from = agent.position;
                Vector3 next = AvatarPhysics.step(from, flags, agent.bodyRotation, agent.alwaysRun, seconds);
                if (!next.equals(from)) {
                    agent.position = next;
                    Vector3 velocity = seconds <= 0 ? Vector3.ZERO : new Vector3((next.x() - from.x()) / seconds,
                            (next.y() - from.y()) / seconds, (next.z() - from.z()) / seconds);
                    tellMoved(agent, next, velocity);
                }
            }
            if (!movers.isEmpty() && !silent) {
                schedulePhysics();
            }
        }
    }

    /** Under the cells lock: a terse update of a moving agent to it and the agents shown it. */
    private void tellMoved(Agent agent, Vector3 position, Vector3 velocity) {
        if (agent.cell < 0) {
            return;
        }
        cells.moved(agent);
        var terse = messages.terseUpdate(agent.localId, position, velocity);
        agent.circuit.send(terse);
        for (Agent viewer : agent.shownTo) {
            viewer.circuit.send(terse);
        }
    }

    /** AgentRequestSit: answered with AvatarSitResponse if the object is here; ignored if not. */
    private void requestSit(Agent agent, UUID targetId, Vector3 offset) {
        int localId = objects.localIdOf(targetId);
        if (localId < 0) {
            return; // as for an object out of reach: the viewer hears nothing and gives up
        }
        Vector3 seatAt = objects.sitTarget(localId).orElse(offset);
        synchronized (cells) {
            agent.pendingSeat = localId;
            agent.pendingSeatOffset = seatAt;
        }
        agent.circuit.sendReliable(new slnet.protocol.messages.AvatarSitResponse(
                new slnet.protocol.messages.AvatarSitResponse.SitObject(targetId),
                new slnet.protocol.messages.AvatarSitResponse.SitTransform(false, seatAt,
                        slnet.protocol.types.Quaternion.IDENTITY, Vector3.ZERO, Vector3.ZERO, false)));
    }

    /** AgentSit: the viewer confirms the seat it was answered. */
    private void confirmSit(Agent agent) {
        int seat;
        Vector3 offset;
        synchronized (cells) {
            seat = agent.pendingSeat;
            offset = agent.pendingSeatOffset;
            agent.pendingSeat = 0;
        }
        if (seat != 0 && objects.objects().containsKey(seat)) {
            sitAgent(agent.session.agentId(), seat, offset);
        }
    }

    /** Stands an agent up from its seat (its avatar's update loses the parent) or the ground. */
    private void standUp(Agent agent) {
        agent.onGround = false;
        synchronized (cells) {
            if (agent.seatLocalId == 0) {
                return;
            }
            agent.seatLocalId = 0;
            agent.seatOffset = Vector3.ZERO;
            if (agent.inRegion && agent.cell >= 0) {
                ObjectUpdate stood = messages.avatarUpdate(agent.session, agent.localId, agent.position, 0);
                agent.circuit.sendReliable(stood);
                for (Agent viewer : agent.shownTo) {
                    viewer.circuit.sendReliable(stood);
                }
            }
        }
        log.signal();
    }

    /** @return the local id of the object the agent sits on, 0 for none */
    int seatOf(UUID agentId) {
        Agent agent = require(agentId);
        synchronized (cells) {
            return agent.seatLocalId;
        }
    }

    /** @return true if the agent sits on the ground */
    boolean sitsOnGround(UUID agentId) {
        return require(agentId).onGround;
    }

    /** @return the control flags of the agent's last AgentUpdate */
    int controlFlags(UUID agentId) {
        return require(agentId).controlFlags;
    }

    private Agent require(UUID agentId) {
        Agent agent = agents.get(Objects.requireNonNull(agentId, "agentId"));
        if (agent == null) {
            throw new IllegalArgumentException("agent " + agentId + " has no circuit in " + settings.name());
        }
        return agent;
    }

    /** @return the range of a channel-0 chat type in meters, or -1 if it is not relayed */
    private static float chatRange(int chatType) {
        return switch (chatType) {
            case 0 -> WHISPER_RANGE;
            case 1, 4, 5 -> SAY_RANGE; // say, start typing, stop typing
            case 2 -> SHOUT_RANGE;
            default -> -1f;
        };
    }
}
