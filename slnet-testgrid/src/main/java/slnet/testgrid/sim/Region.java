package slnet.testgrid.sim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.time.Scheduler;

/**
 * The region's behaviour, without sockets: who is here, what their viewers' messages cause, and the
 * test controls acting on agents. A {@link Simulator} feeds it admitted circuits and their messages.
 * Thread-safe: the agents live in a concurrent map; each agent's fields are volatile; messages of
 * one circuit arrive on one thread at a time.
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

    final MessageLog log = new MessageLog(10_000);
    private final RegionSettings settings;
    private final RegionMessages messages;
    private final SimulatorListener listener;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<UUID, Agent> agents = new ConcurrentHashMap<>();
    private final AtomicInteger nextLocalId = new AtomicInteger(1_000);
    private volatile boolean logoutReplyEnabled;
    /** Set when the simulator closes or dies: nothing more is sent, departures go unannounced. */
    private volatile boolean silent;

    Region(RegionSettings settings, SimulatorListener listener, Scheduler scheduler, boolean logoutReplyEnabled) {
        this.settings = settings;
        this.messages = new RegionMessages(settings);
        this.listener = listener;
        this.scheduler = scheduler;
        this.logoutReplyEnabled = logoutReplyEnabled;
    }

    RegionSettings settings() {
        return settings;
    }

    void setLogoutReplyEnabled(boolean enabled) {
        logoutReplyEnabled = enabled;
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
        Agent agent = new Agent(session, nextLocalId.getAndIncrement(), settings.spawn());
        agent.circuit = opener.apply(agent);
        agents.put(session.agentId(), agent);
        listener.circuitAccepted(session);
        log.signal();
    }

    /** Stops all sending and forgets everyone, for a closing simulator. */
    void silence(String reason) {
        silent = true;
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
        agent.position = Objects.requireNonNull(position, "position");
        if (agent.inRegion) {
            broadcast(messages.terseUpdate(agent.localId, position), null);
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
        for (Agent listener : agents.values()) {
            if (listener.inRegion && Agent.distance(position, listener.position) <= range) {
                listener.circuit.sendReliable(chat);
            }
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
            default -> {
                // RegionHandshakeReply, AgentThrottle, AgentUpdate and the rest: logged, nothing to answer.
            }
        }
    }

    private void completeMovement(Agent agent) {
        agent.circuit.sendReliable(messages.movementComplete(agent.session, agent.position));
        if (agent.inRegion) {
            return; // a repeated CompleteAgentMovement: answer again, announce once
        }
        agent.inRegion = true;
        LOG.debug("agent {} entered region {}", agent.session.agentId(), settings.name());
        broadcast(messages.avatarUpdate(agent.session, agent.localId, agent.position), null);
        for (Agent other : agents.values()) {
            if (other != agent && other.inRegion) {
                agent.circuit.sendReliable(messages.avatarUpdate(other.session, other.localId, other.position));
            }
        }
        listener.agentEntered(agent.presence());
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
        for (Agent listener : agents.values()) {
            if (listener.inRegion && Agent.distance(from, listener.position) <= range) {
                listener.circuit.sendReliable(relayed);
            }
        }
    }

    private void deliverIm(Agent sender, ImprovedInstantMessage im) {
        Agent to = agents.get(im.messageBlock().toAgentID());
        if (to == null || !to.inRegion) {
            LOG.debug("instant message from {} to absent agent {} dropped", sender.session.agentId(),
                    im.messageBlock().toAgentID());
            return;
        }
        to.circuit.sendReliable(messages.forwardedIm(im, sender.session, sender.position));
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

    void onCircuitEvent(Agent agent, CircuitEvent event) {
        if (event instanceof CircuitEvent.CircuitClosed c) {
            removeAgent(agent, c.reason() == CircuitException.Reason.TIMED_OUT ? "circuit timed out" : "circuit closed");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void removeAgent(Agent agent, String reason) {
        if (!agents.remove(agent.session.agentId(), agent)) {
            return;
        }
        LOG.debug("agent {} left region {}: {}", agent.session.agentId(), settings.name(), reason);
        if (agent.inRegion && !silent) {
            broadcast(messages.killObject(agent.localId), agent);
        }
        listener.agentLeft(agent.presence(), reason);
        log.signal();
    }

    /** Closes a circuit once a reliable goodbye settled, or after a grace period if the viewer never acks. */
    private void closeAfter(Circuit circuit, CompletableFuture<Void> goodbye) {
        goodbye.whenComplete((ok, failure) -> circuit.close());
        try {
            scheduler.schedule(circuit::close, CLOSE_GRACE_NS);
        } catch (RejectedExecutionException e) {
            circuit.close();
        }
    }

    private void broadcast(Message message, Agent except) {
        for (Agent agent : agents.values()) {
            if (agent != except && agent.inRegion) {
                agent.circuit.sendReliable(message);
            }
        }
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
