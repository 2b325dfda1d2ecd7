package slnet.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import slnet.AgentMoved;
import slnet.ChatMessage;
import slnet.ChatReceived;
import slnet.ImReceived;
import slnet.InstantMessage;
import slnet.cli.json.Json;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.ReconnectScheduled;
import slnet.network.TracedPacket;
import slnet.network.CapabilitiesGranted;
import slnet.network.MessagesDropped;
import slnet.network.RegionCrossed;
import slnet.network.TeleportFailed;
import slnet.network.TeleportFinished;
import slnet.network.TeleportProgressed;
import slnet.network.TeleportStarted;

/**
 * Writes a client's events as lines: human-readable ({@code [  123 ms] status Connecting -> Connected})
 * or one JSON object per line with an {@code event} field and {@code t_ms}, the milliseconds since
 * the command started. Thread-safe: events come from the command's thread and packet traces from
 * the network threads, and each line is written whole.
 */
final class EventLines {
    private final PrintWriter out;
    private final boolean json;
    private final long startNs;

    EventLines(PrintWriter out, boolean json, long startNs) {
        this.out = out;
        this.json = json;
        this.startNs = startNs;
    }

    /** @return milliseconds since start */
    long elapsedMs() {
        return (System.nanoTime() - startNs) / 1_000_000;
    }

    /** Writes one event; events this tool does not show are skipped. */
    void event(NetworkEvent event) {
        switch (event) {
            case NetworkEvent.StatusChanged e -> line("status", "status " + status(e.from()) + " -> " + status(e.to()),
                    "from", status(e.from()), "to", status(e.to()));
            case NetworkEvent.Connected e -> line("connected", "connected as " + e.session().agentName() + " in "
                    + e.session().regionName(), "agent", e.session().agentId().toString(),
                    "name", e.session().agentName(), "region", e.session().regionName());
            case NetworkEvent.CircuitConnected e -> line("circuit", "circuit up " + address(e.simulator()),
                    "state", "connected", "circuit", address(e.simulator()));
            case NetworkEvent.CircuitLost e -> line("circuit", "circuit lost " + address(e.simulator()) + ": "
                    + e.reason(), "state", "lost", "circuit", address(e.simulator()), "reason", e.reason());
            case NetworkEvent.Disconnected e -> line("disconnected", "disconnected: " + e.reason(), "reason", e.reason());
            case NetworkEvent.PacketRejected e -> line("rejected", "rejected " + e.messageName() + " " + e.reason()
                            + " from " + address(e.simulator()) + " (x" + e.count() + "): " + e.detail(),
                    "circuit", address(e.simulator()), "name", e.messageName(), "reason", e.reason(),
                    "detail", e.detail(), "count", e.count());
            case NetworkEvent.ErrorOccurred e -> error(e.description());
            case NetworkEvent.ExtensionEvent e -> extension(e);
        }
    }

    private void extension(NetworkEvent.ExtensionEvent event) {
        if (event instanceof ChatReceived c) {
            ChatMessage m = c.message();
            String type = m.type().name().toLowerCase(Locale.ROOT);
            line("chat", "chat " + m.fromName() + " (" + type + "): " + m.text(), "from", m.fromName(),
                    "source", m.sourceId().toString(), "source_type", m.sourceType().name().toLowerCase(Locale.ROOT),
                    "type", type, "channel", m.channel(), "text", m.text());
        } else if (event instanceof ImReceived i) {
            InstantMessage m = i.message();
            String kind = m.dialogType().map(d -> d.name().toLowerCase(Locale.ROOT)).orElse("unknown");
            line("im", "im from " + m.fromName() + (m.isPlainMessage() ? "" : " (" + kind + ")") + ": " + m.text(),
                    "from", m.fromName(), "source", m.fromId().toString(), "dialog", m.dialog(), "kind", kind,
                    "text", m.text());
        } else if (event instanceof slnet.ScriptDialogReceived d) {
            line("dialog", "dialog from " + d.objectName() + " (owner " + d.ownerName() + ", channel " + d.channel()
                            + "): " + d.message() + (d.textBox() ? " [text box]" : " " + d.buttons()),
                    "object", d.objectId().toString(), "object_name", d.objectName(), "owner", d.ownerName(),
                    "channel", d.channel(), "text", d.message(), "buttons", new java.util.ArrayList<Object>(d.buttons()),
                    "text_box", d.textBox());
        } else if (event instanceof slnet.ChatSessionMessage m) {
            line(m.group() ? "group_message" : "session_message", (m.sessionName().isEmpty() ? m.sessionId().toString()
                    : m.sessionName()) + " | " + m.fromName() + ": " + m.text(), "session", m.sessionId().toString(),
                    "group", m.group(), "session_name", m.sessionName(), "from", m.fromName(),
                    "from_id", m.fromId().toString(), "text", m.text());
        } else if (event instanceof slnet.ChatSessionInvited m) {
            line("session_invitation", "invited to " + (m.sessionName().isEmpty() ? m.sessionId().toString()
                    : m.sessionName()) + " by " + m.fromName() + ": " + m.text(), "session", m.sessionId().toString(),
                    "group", m.group(), "session_name", m.sessionName(), "from", m.fromName(),
                    "from_id", m.fromId().toString(), "text", m.text());
        } else if (event instanceof slnet.RestartEvacuation.Evacuated e) {
            line("evacuated", "left " + e.from() + " for " + e.to() + " until its restart is over", "from", e.from(),
                    "to", e.to());
        } else if (event instanceof slnet.RestartEvacuation.Returned e) {
            line("returned", "back in " + e.region() + " after its restart", "region", e.region(), "attempts",
                    e.attempts());
        } else if (event instanceof slnet.RestartEvacuation.Failed e) {
            line("evacuation_failed", (e.returning() ? "could not go back to " : "could not leave ") + e.region()
                    + ": " + e.reason(), "region", e.region(), "returning", e.returning(), "reason", e.reason());
        } else if (event instanceof slnet.AgentSat sat) {
            line("sat", sat.seat().map(seat -> "sat on " + seat).orElse("sat on the ground"), "seat",
                    sat.seat().map(java.util.UUID::toString).orElse(""));
        } else if (event instanceof slnet.AgentStood stood) {
            line("stood", "stood up", "seat", stood.seat().map(java.util.UUID::toString).orElse(""));
        } else if (event instanceof slnet.RegionRestartScheduled r) {
            line("restart", "region " + r.regionName() + " restarts in " + r.in().toSeconds() + " s", "region",
                    r.regionName(), "seconds", r.in().toSeconds());
        } else if (event instanceof slnet.AlertReceived a) {
            line("alert", "alert: " + (a.message().isEmpty() ? a.notificationId() : a.message()), "text", a.message(),
                    "name", a.notificationId());
        } else if (event instanceof slnet.InventoryOffered o) {
            line("offer", "inventory offered by " + o.fromName() + ": " + o.itemName(), "kind", "inventory",
                    "from", o.fromName(), "source", o.fromId().toString(), "from_object", o.fromObject(),
                    "item_name", o.itemName(), "asset_type", o.assetType());
        } else if (event instanceof slnet.GroupInvited g) {
            line("offer", "group invitation from " + g.groupId() + ": " + g.text(), "kind", "group",
                    "group", g.groupId().toString(), "text", g.text(), "fee", g.membershipFee());
        } else if (event instanceof slnet.GroupNoticeReceived n) {
            line("notice", "group notice from " + n.fromName() + ": " + n.subject() + " - " + n.body(),
                    "from", n.fromName(), "source", n.fromId().toString(), "subject", n.subject(), "text", n.body(),
                    "attachment", n.hasAttachment());
        } else if (event instanceof slnet.TeleportOffered o) {
            line("lure", "teleport offered by " + o.fromName() + ": " + o.message(), "from", o.fromName(),
                    "source", o.fromId().toString(), "text", o.message(), "godlike", o.godlike());
        } else if (event instanceof slnet.FriendshipEvent.PresenceChanged p) {
            line("presence", "friend " + p.friendId() + (p.online() ? " is online" : " went offline"),
                    "friend", p.friendId().toString(), "online", p.online());
        } else if (event instanceof slnet.FriendshipEvent.Offered o) {
            line("friendship", "friendship offered by " + o.name() + ": " + o.message(), "state", "offered",
                    "friend", o.friendId().toString(), "name", o.name(), "text", o.message());
        } else if (event instanceof slnet.FriendshipEvent.Answered a) {
            line("friendship", "friendship " + (a.accepted() ? "accepted" : "declined") + " by " + a.name(),
                    "state", a.accepted() ? "accepted" : "declined", "friend", a.friendId().toString(),
                    "name", a.name());
        } else if (event instanceof slnet.FriendshipEvent.Ended e) {
            line("friendship", "friendship ended by " + e.friendId(), "state", "ended",
                    "friend", e.friendId().toString());
        } else if (event instanceof slnet.UrlOffered u) {
            line("url", "url offered by " + u.objectName() + ": " + u.message() + " " + u.url(),
                    "object", u.objectId().toString(), "object_name", u.objectName(), "text", u.message(),
                    "url", u.url());
        } else if (event instanceof slnet.ScriptQuestionReceived q) {
            line("permissions", "permissions asked by " + q.objectName() + " (owner " + q.ownerName() + "): 0x"
                            + Integer.toHexString(q.questions()) + ", granted 0x" + Integer.toHexString(q.granted()),
                    "object", q.taskId().toString(), "object_name", q.objectName(), "owner", q.ownerName(),
                    "questions", q.questions(), "granted", q.granted());
        } else if (event instanceof ReconnectScheduled r) {
            line("reconnect", "reconnect attempt " + r.attempt() + " in " + r.delay().toMillis() + " ms",
                    "attempt", r.attempt(), "delay_ms", r.delay().toMillis());
        } else if (event instanceof MessagesDropped d) {
            line("dropped", "lost " + d.count() + " message(s) from " + address(d.simulator())
                    + " to a full dispatch queue (first: " + d.firstMessageName() + ")",
                    "circuit", address(d.simulator()), "first", d.firstMessageName(), "count", d.count());
        } else if (event instanceof CapabilitiesGranted c) {
            line("capabilities", "capabilities of " + address(c.simulator()) + ": " + c.names().size() + " granted",
                    "circuit", address(c.simulator()), "count", c.names().size(),
                    "names", new java.util.ArrayList<Object>(new java.util.TreeSet<>(c.names())));
        } else if (event instanceof TeleportStarted t) {
            line("teleport", "teleport started", "state", "started", "flags", t.flags());
        } else if (event instanceof TeleportProgressed t) {
            line("teleport", "teleport progress: " + t.message(), "state", "progress", "message", t.message());
        } else if (event instanceof TeleportFinished t) {
            line("teleport", "teleport finished in " + t.regionName() + " at " + vector(t.position()),
                    "state", "finished", "region", t.regionName(), "circuit", address(t.simulator()),
                    "x", (double) t.position().x(), "y", (double) t.position().y(), "z", (double) t.position().z());
        } else if (event instanceof TeleportFailed t) {
            line("teleport", "teleport failed: " + t.reason(), "state", "failed", "reason", t.reason());
        } else if (event instanceof RegionCrossed r) {
            line("crossed", "crossed into " + r.regionName() + " at " + vector(r.position()), "region", r.regionName(),
                    "circuit", address(r.simulator()), "x", (double) r.position().x(), "y", (double) r.position().y(),
                    "z", (double) r.position().z());
        } else if (event instanceof AgentMoved m) {
            var p = m.position().position();
            line("position", String.format(Locale.ROOT, "position %.1f, %.1f, %.1f", p.x(), p.y(), p.z()),
                    "x", (double) p.x(), "y", (double) p.y(), "z", (double) p.z());
        }
    }

    /** Writes what lenient decoding accepted in one received datagram (with {@code --trace}). */
    void tolerated(InetSocketAddress circuit, String messageName, java.util.List<String> deviations) {
        line("tolerated", "tolerated " + messageName + " from " + address(circuit) + ": "
                        + String.join(", ", deviations), "circuit", address(circuit), "name", messageName,
                "tolerated", new java.util.ArrayList<Object>(deviations));
    }

    /** Writes an avatar arriving in or leaving a region's list ({@code --world}). */
    void avatar(String state, slnet.world.Avatar a, String name) {
        line("avatar", "avatar " + state + ": " + name + ", " + meters(a.distance()) + " away"
                        + (a.inView() ? "" : " (beyond draw distance)") + (a.isSitting() ? " (sitting)" : ""),
                "state", state, "id", a.id().toString(), "name", name, "region_handle", a.regionHandle(),
                "distance_m", Double.isNaN(a.distance()) ? null : Math.round(a.distance() * 10) / 10.0,
                "in_view", a.inView(), "sitting", a.isSitting(),
                "x", (double) a.position().x(), "y", (double) a.position().y(), "z", (double) a.position().z());
    }

    /** Writes what one region holds ({@code --world}): objects by type, avatars, the parcel. */
    void regionSummary(String region, long handle, int objects, Map<String, Integer> byType, int avatars,
                       String parcel) {
        StringBuilder types = new StringBuilder();
        byType.forEach((type, n) -> types.append(types.isEmpty() ? "" : ", ").append(n).append(' ').append(type));
        Map<String, Object> counts = new LinkedHashMap<>(byType);
        line("region", "region " + region + ": " + objects + " objects" + (types.isEmpty() ? "" : " (" + types + ")")
                        + ", " + avatars + (avatars == 1 ? " avatar" : " avatars")
                        + (parcel.isEmpty() ? "" : ", parcel \"" + parcel + "\""),
                "region", region, "region_handle", handle, "objects", (long) objects, "by_type", counts,
                "avatars", (long) avatars, "parcel", parcel);
    }

    /** @return "3.2 m", or "? m" while the distance is unknown */
    static String meters(double distance) {
        return Double.isNaN(distance) ? "? m" : String.format(Locale.ROOT, "%.1f m", distance);
    }

    /** Writes an instant message this tool sent. */
    void touched(slnet.world.WorldObject object) {
        line("touched", "touched " + object.id() + " at " + vector(object.position()), "object", object.id().toString(),
                "x", (double) object.position().x(), "y", (double) object.position().y(),
                "z", (double) object.position().z());
    }

    void groupSaid(slnet.GroupMembership group, String text) {
        line("group_sent", group.name() + " | (you): " + text, "session", group.id().toString(), "session_name",
                group.name(), "text", text);
    }

    void arrived(slnet.protocol.types.Vector3 position) {
        line("arrived", "arrived at " + vector(position), "x", (double) position.x(), "y", (double) position.y(),
                "z", (double) position.z());
    }

    void imSent(String toName, java.util.UUID to, String text) {
        line("im_sent", "im to " + toName + ": " + text, "to", toName, "target", to.toString(), "text", text);
    }

    /** Writes a failure. */
    void error(String reason) {
        line("error", "error: " + reason, "reason", reason);
    }

    private static String vector(slnet.protocol.types.Vector3 v) {
        return String.format(Locale.ROOT, "%.1f, %.1f, %.1f", v.x(), v.y(), v.z());
    }

    /** Writes one traced packet, or one event-queue message ({@code "path":"eq"}, no sequence or flags). */
    void packet(TracedPacket p) {
        String dir = p.outbound() ? "out" : "in";
        if (p.path() == slnet.handler.MessagePath.EVENT_QUEUE) {
            line("message", "<< " + p.messageName() + " eq " + address(p.circuit()), "dir", dir, "path", "eq",
                    "circuit", address(p.circuit()), "name", p.messageName());
            return;
        }
        line("message", (p.outbound() ? ">> " : "<< ") + p.messageName() + " seq=" + p.sequence() + " "
                        + (p.flagLetters().isEmpty() ? "-" : p.flagLetters()) + " " + address(p.circuit()),
                "dir", dir, "path", "udp", "circuit", address(p.circuit()), "name", p.messageName(),
                "seq", p.sequence(), "flags", p.flagLetters());
    }

    /** Writes a free-form note (text mode only). */
    void note(String text) {
        if (!json) {
            line("note", text);
        }
    }

    private void line(String event, String text, Object... fields) {
        long t = elapsedMs();
        String rendered;
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("event", event);
            map.put("t_ms", t);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                map.put((String) fields[i], fields[i + 1]);
            }
            rendered = Json.write(map);
        } else {
            rendered = String.format(Locale.ROOT, "[%6d ms] %s", t, text);
        }
        synchronized (out) {
            out.println(rendered);
            out.flush();
        }
    }

    static String status(NetworkStatus s) {
        String name = s.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    static String address(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }
}
