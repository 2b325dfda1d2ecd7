package slnet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import slnet.caps.CapabilityException;
import slnet.internal.log.LogContext;
import slnet.network.RegionCapabilityAccess;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.AgentGroupDataUpdate;

/**
 * Group chat and conferences: the agent's groups, and the chat sessions it is in.
 *
 * <p>A group's chat is a session whose id is the group's. A simulator relays a session's messages
 * ({@code ImprovedInstantMessage}, dialog {@link ImDialog#SESSION_SEND}) only to agents who joined
 * it; to the others it sends a {@code ChatterBoxInvitation}. So, as the viewer does, the client joins
 * every group's session as soon as it learns of the group ({@code AgentGroupDataUpdate}, at login),
 * through the region's {@code ChatSessionRequest} capability: a bot hears its groups' chat without
 * having spoken first. Messages arrive as {@link ChatSessionMessage}, invitations as
 * {@link ChatSessionInvited}, membership changes as {@link ChatSessionMembersChanged}, the groups
 * as {@link GroupsChanged}.
 *
 * <p>Thread-safe. Joining and starting conferences call a capability on a virtual thread.
 */
public final class ChatSessions {
    /** The {@code ChatSessionRequest} capability. */
    public static final String CHAT_SESSION_REQUEST = "ChatSessionRequest";
    /** How long a join waits for the region's capabilities. */
    private static final Duration CAPABILITY_WAIT = Duration.ofSeconds(30);

    private final Client client;
    private final Map<UUID, GroupMembership> groups = new ConcurrentHashMap<>();
    private final Set<UUID> joined = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CompletableFuture<Void>> joining = new ConcurrentHashMap<>();

    ChatSessions(Client client) {
        this.client = client;
    }

    /**
     * The agent's groups, as last sent.
     *
     * @return a copy, in the simulator's order
     */
    public List<GroupMembership> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * Finds a group by id, or by name ignoring case.
     *
     * @param idOrName a group's UUID or name
     * @return the group
     */
    public Optional<GroupMembership> group(String idOrName) {
        Objects.requireNonNull(idOrName, "idOrName");
        for (GroupMembership group : groups.values()) {
            if (group.id().toString().equalsIgnoreCase(idOrName)
                    || group.name().toLowerCase(Locale.ROOT).equals(idOrName.toLowerCase(Locale.ROOT))) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * The sessions joined.
     *
     * @return a copy
     */
    public Set<UUID> joined() {
        return Set.copyOf(joined);
    }

    /**
     * Joins a session ({@code ChatSessionRequest}, "accept invitation"): a group's chat, or a
     * conference the agent was invited to. Waits for the region's capabilities if needed.
     *
     * @param sessionId the session (a group's id for its chat)
     * @return completes once joined, or fails with a {@link CapabilityException}
     */
    public CompletableFuture<Void> join(UUID sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (joined.contains(sessionId)) {
            return CompletableFuture.completedFuture(null);
        }
        return joining.computeIfAbsent(sessionId, id -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofVirtual().name("slnet-chat-join").start(LogContext.carrying(null, () -> {
                try {
                    request(Llsd.mapOf("method", Llsd.of("accept invitation"), "session-id", Llsd.of(id)));
                    joined.add(id);
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                } finally {
                    joining.remove(id, done);
                }
            }));
            return done;
        });
    }

    /**
     * Starts a conference (an ad-hoc session) with other agents and joins it.
     *
     * @param agents who to invite
     * @return completes with the new session's id
     */
    public CompletableFuture<UUID> startConference(Collection<UUID> agents) {
        List<Llsd> invitees = new ArrayList<>();
        agents.forEach(a -> invitees.add(Llsd.of(Objects.requireNonNull(a, "agent"))));
        UUID session = UUID.randomUUID();
        CompletableFuture<UUID> done = new CompletableFuture<>();
        Thread.ofVirtual().name("slnet-chat-start").start(LogContext.carrying(null, () -> {
            try {
                request(Llsd.mapOf("method", Llsd.of("start conference"), "session-id", Llsd.of(session),
                        "params", Llsd.arrayOf(invitees)));
                joined.add(session);
                done.complete(session);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }

    /**
     * Says something in a session ({@link ImDialog#SESSION_SEND}): a group's chat or a conference.
     * The simulator relays it to the session's members.
     *
     * @param sessionId the session (a group's id for its chat)
     * @param text what to say
     * @throws IllegalStateException if not connected
     */
    public void send(UUID sessionId, String text) {
        Objects.requireNonNull(sessionId, "sessionId");
        client.ims().sendRaw(sessionId, ImDialog.SESSION_SEND.code(), sessionId, text, new byte[0]);
    }

    /**
     * Leaves a session ({@link ImDialog#SESSION_LEAVE}); a group's chat comes back as invitations.
     *
     * @param sessionId the session
     * @throws IllegalStateException if not connected
     */
    public void leave(UUID sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        joined.remove(sessionId);
        client.ims().sendRaw(sessionId, ImDialog.SESSION_LEAVE.code(), sessionId, "", new byte[0]);
    }

    // ---------------------------------------------------------------- from the client's handlers

    void onGroupData(AgentGroupDataUpdate message) {
        Map<UUID, GroupMembership> now = new LinkedHashMap<>();
        for (AgentGroupDataUpdate.GroupData g : message.groupData()) {
            now.put(g.groupID(), new GroupMembership(g.groupID(), g.groupName().asString(), g.groupPowers(),
                    g.acceptNotices()));
        }
        groups.keySet().retainAll(now.keySet());
        groups.putAll(now);
        client.network().publish(new GroupsChanged(List.copyOf(now.values()), client.clock().instant()));
        for (UUID group : now.keySet()) {
            join(group);
        }
    }

    void onSessionMessage(InstantMessage im) {
        UUID session = im.imSessionId();
        GroupMembership group = groups.get(session);
        String name = group != null ? group.name() : bucketText(im);
        client.network().publish(new ChatSessionMessage(session, group != null, name, im.fromId(), im.fromName(),
                im.text(), im.receivedAt()));
    }

    void onInvitation(Llsd body) {
        Llsd params = body.get("instantmessage").get("message_params");
        UUID session = body.get("session_id").asUuid();
        UUID from = params.get("from_id").asUuid();
        String fromName = params.get("from_name").asString();
        String text = params.get("message").asString();
        GroupMembership group = groups.get(session);
        String name = group != null ? group.name() : body.get("session_name").asString();
        client.network().publish(new ChatSessionInvited(session, group != null, name, from, fromName, text,
                client.clock().instant()));
        if (group != null) {
            join(session); // our own group's chat: join, as at login
        }
    }

    void onAgentListUpdates(Llsd body) {
        UUID session = body.get("session_id").asUuid();
        List<UUID> in = new ArrayList<>();
        List<UUID> out = new ArrayList<>();
        Llsd agents = body.get("agent_updates");
        for (String key : agents.asMap().keySet()) {
            UUID agent;
            try {
                agent = UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                continue; // not an agent id: ignored, as the viewer does
            }
            String transition = agents.get(key).get("transition").asString();
            if (transition.equals("ENTER")) {
                in.add(agent);
            } else if (transition.equals("LEAVE")) {
                out.add(agent);
            }
        }
        client.network().publish(new ChatSessionMembersChanged(session, in, out, client.clock().instant()));
    }

    void onDisconnected() {
        joined.clear();
    }

    private static String bucketText(InstantMessage im) {
        String text = new String(im.binaryBucket().toArray(), java.nio.charset.StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        return (nul >= 0 ? text.substring(0, nul) : text).strip();
    }

    /** Calls ChatSessionRequest on the agent's region, waiting for its capabilities. */
    private Llsd request(Llsd body) throws CapabilityException, InterruptedException {
        long deadline = System.nanoTime() + CAPABILITY_WAIT.toNanos();
        while (true) {
            Optional<RegionCapabilityAccess> caps = client.capabilities();
            if (caps.isPresent() && caps.get().granted().has(CHAT_SESSION_REQUEST)) {
                return caps.get().post(CHAT_SESSION_REQUEST, body);
            }
            if (System.nanoTime() > deadline || !client.status().hasSession()) {
                throw new CapabilityException(CapabilityException.Kind.HTTP_STATUS, 0,
                        "the region granted no " + CHAT_SESSION_REQUEST + " capability", null);
            }
            Thread.sleep(50); // waiting for the seed capability's answer, bounded
        }
    }
}
