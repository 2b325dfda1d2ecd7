package slnet.testgrid.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.AgentGroupDataUpdate;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.types.Bytes;

/**
 * The grid's groups and chat sessions, as Second Life's group chat service behaves: a session's
 * messages go to the members who joined it ({@code ChatSessionRequest}, "accept invitation"), as
 * IMs; members online who have not joined get a {@code ChatterBoxInvitation} on their event queue
 * instead, carrying the message; joins and leaves go to the joined members as
 * {@code ChatterBoxSessionAgentListUpdates}. A group's session id is the group's id; a conference is
 * started by a member with the agents it invites.
 */
final class GroupChats {
    /** An agent's powers in a group it belongs to (all of them: tests need no roles). */
    private static final long ALL_POWERS = -1L;

    private final GridMap grid;
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    /** A group's or conference's chat. */
    private static final class Session {
        final UUID id;
        final String name;
        final boolean group;
        final Set<UUID> members = ConcurrentHashMap.newKeySet();
        final Set<UUID> joined = ConcurrentHashMap.newKeySet();

        Session(UUID id, String name, boolean group) {
            this.id = id;
            this.name = name;
            this.group = group;
        }
    }

    GroupChats(GridMap grid) {
        this.grid = grid;
    }

    UUID createGroup(String name, Collection<UUID> members) {
        Session group = new Session(UUID.randomUUID(), name, true);
        group.members.addAll(members);
        sessions.put(group.id, group);
        for (UUID member : members) {
            sendGroupData(member); // those online learn of it at once; the rest at their next login
        }
        return group.id;
    }

    List<UUID> groupsOf(UUID agentId) {
        List<UUID> groups = new ArrayList<>();
        sessions.values().forEach(s -> {
            if (s.group && s.members.contains(agentId)) {
                groups.add(s.id);
            }
        });
        return groups;
    }

    Set<UUID> joined(UUID sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? Set.of() : Set.copyOf(s.joined);
    }

    /** AgentGroupDataUpdate over the event queue, as Second Life sends it, to an agent online. */
    void sendGroupData(UUID agentId) {
        grid.rootOf(agentId).ifPresent(sim -> {
            List<AgentGroupDataUpdate.GroupData> data = new ArrayList<>();
            for (UUID id : groupsOf(agentId)) {
                Session group = sessions.get(id);
                data.add(new AgentGroupDataUpdate.GroupData(id, ALL_POWERS, true, new UUID(0, 0), 0,
                        Bytes.ofString(group.name)));
            }
            grid.eventQueues().enqueue(agentId, sim.region(), new AgentGroupDataUpdate(
                    new AgentGroupDataUpdate.AgentData(agentId), data));
        });
    }

    /** The ChatSessionRequest capability; empty (a 400) for what it does not know. */
    Optional<Llsd> request(UUID agentId, Llsd body) {
        String method = body.get("method").asString();
        UUID sessionId = body.get("session-id").asUuid();
        switch (method) {
            case "accept invitation" -> {
                Session s = sessions.get(sessionId);
                if (s == null || !s.members.contains(agentId)) {
                    return Optional.empty();
                }
                if (s.joined.add(agentId)) {
                    announce(s, agentId, "ENTER");
                }
                return Optional.of(Llsd.mapOf("session_id", Llsd.of(sessionId)));
            }
            case "decline invitation" -> {
                Session s = sessions.get(sessionId);
                if (s != null && !s.group) {
                    s.members.remove(agentId);
                }
                return Optional.of(Llsd.undef());
            }
            case "start conference" -> {
                if (sessionId.getMostSignificantBits() == 0 && sessionId.getLeastSignificantBits() == 0
                        || sessions.containsKey(sessionId)) {
                    return Optional.empty();
                }
                Session s = new Session(sessionId, "", false);
                s.members.add(agentId);
                for (Llsd invitee : body.get("params").asList()) {
                    s.members.add(invitee.asUuid());
                }
                s.joined.add(agentId);
                sessions.put(sessionId, s);
                return Optional.of(Llsd.mapOf("session_id", Llsd.of(sessionId)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * A member said something in a session: relayed to the joined members as the IM, and to the
     * others online as an invitation.
     *
     * @return false if there is no such session or the sender is not a member
     */
    boolean said(UUID senderId, String senderName, UUID sessionId, ImprovedInstantMessage forwarded) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.members.contains(senderId)) {
            return false;
        }
        if (s.joined.add(senderId)) {
            announce(s, senderId, "ENTER"); // speaking joins, as it does in the viewer
        }
        String text = forwarded.messageBlock().message().asString();
        for (UUID member : s.members) {
            if (member.equals(senderId)) {
                continue;
            }
            if (s.joined.contains(member)) {
                grid.sendToAgent(member, forwarded);
            } else {
                grid.rootOf(member).ifPresent(sim -> grid.eventQueues().enqueue(member, sim.region(),
                        "ChatterBoxInvitation", invitation(s, senderId, senderName, member, text)));
            }
        }
        return true;
    }

    void left(UUID agentId, UUID sessionId) {
        Session s = sessions.get(sessionId);
        if (s != null && s.joined.remove(agentId)) {
            announce(s, agentId, "LEAVE");
        }
    }

    /** Everyone of the agent's sessions forgets it joined: it logged out. */
    void loggedOut(UUID agentId) {
        for (Session s : sessions.values()) {
            left(agentId, s.id);
        }
    }

    private void announce(Session s, UUID agentId, String transition) {
        Llsd body = Llsd.mapOf("session_id", Llsd.of(s.id), "agent_updates", Llsd.mapOf(agentId.toString(),
                Llsd.mapOf("transition", Llsd.of(transition), "info", Llsd.mapOf("is_moderator", Llsd.of(false)))));
        for (UUID member : s.joined) {
            if (!member.equals(agentId)) {
                grid.rootOf(member).ifPresent(sim -> grid.eventQueues().enqueue(member, sim.region(),
                        "ChatterBoxSessionAgentListUpdates", body));
            }
        }
    }

    private static Llsd invitation(Session s, UUID from, String fromName, UUID to, String text) {
        Llsd params = Llsd.mapOf("from_id", Llsd.of(from), "from_name", Llsd.of(fromName), "to_id", Llsd.of(to),
                "id", Llsd.of(s.id), "message", Llsd.of(text), "type", Llsd.of(17),
                "data", Llsd.mapOf("binary_bucket", Llsd.of(s.name.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return Llsd.mapOf("session_id", Llsd.of(s.id), "from_id", Llsd.of(from), "from_name", Llsd.of(fromName),
                "session_name", Llsd.of(s.name), "instantmessage", Llsd.mapOf("message_params", params));
    }
}
