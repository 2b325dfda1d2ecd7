package slnet.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import slnet.Client;
import slnet.network.NetworkEvent;
import slnet.network.RegionCrossed;
import slnet.network.TeleportFinished;
import slnet.world.Avatar;
import slnet.world.AvatarArrived;
import slnet.world.AvatarLeft;
import slnet.world.ParcelEntered;
import slnet.world.PCode;
import slnet.world.RegionObjects;
import slnet.world.WorldObject;

/**
 * What {@code connect --world} and the demo show of the world: avatars arriving and leaving (with
 * name and distance; a name the object update did not tell is looked up first), and once the agent
 * has arrived in a region and things settled, one summary line per region it sees (objects by type,
 * avatars, the parcel). Used from the command's thread; name lookups finish on network threads and
 * write their line then ({@link EventLines} writes whole lines from any thread).
 */
final class WorldLines {
    /** After the parcel came, objects have had time to arrive. */
    private static final long SETTLE_AFTER_PARCEL_NS = 500_000_000L;
    /** Summarise anyway after this long, for a region that never describes its parcel. */
    private static final long SETTLE_MAX_NS = 3_000_000_000L;

    private final Client client;
    private final EventLines lines;
    private long summaryDueNs = Long.MAX_VALUE;

    WorldLines(Client client, EventLines lines) {
        this.client = client;
        this.lines = lines;
    }

    /** The agent is in a region now: summarise once it settled. */
    void arrived() {
        summaryDueNs = System.nanoTime() + SETTLE_MAX_NS;
    }

    /** Shows a world event; arms the summary on arrivals in a region. */
    void event(NetworkEvent event) {
        switch (event) {
            case AvatarArrived a -> avatar("arrived", a.avatar());
            case AvatarLeft l -> avatar("left", l.avatar());
            case ParcelEntered p -> {
                if (summaryDueNs != Long.MAX_VALUE) {
                    summaryDueNs = Math.min(summaryDueNs, System.nanoTime() + SETTLE_AFTER_PARCEL_NS);
                }
            }
            case TeleportFinished t -> arrived();
            case RegionCrossed r -> arrived();
            default -> {
            }
        }
    }

    /** Writes the summary if it is due. */
    void tick() {
        if (System.nanoTime() >= summaryDueNs) {
            summary();
        }
    }

    /** Writes the summary now if one is still owed (before logging out). */
    void finish() {
        if (summaryDueNs != Long.MAX_VALUE) {
            summary();
        }
    }

    private void avatar(String state, Avatar avatar) {
        if (!avatar.name().isEmpty()) {
            lines.avatar(state, avatar, avatar.name());
            return;
        }
        client.names().legacyName(avatar.id()).whenComplete((name, failure) ->
                lines.avatar(state, avatar, failure == null ? name : "?"));
    }

    private void summary() {
        summaryDueNs = Long.MAX_VALUE;
        Set<Long> handles = new LinkedHashSet<>();
        client.region().ifPresent(r -> handles.add(r.handle()));
        for (RegionObjects r : client.world().regions()) {
            handles.add(r.regionHandle());
        }
        for (Avatar a : client.avatars().all()) {
            handles.add(a.regionHandle());
        }
        for (long handle : handles) {
            Map<String, Integer> byType = new TreeMap<>();
            int objects = 0;
            Optional<RegionObjects> store = client.world().region(handle);
            if (store.isPresent()) {
                for (WorldObject o : store.get().all()) {
                    if (o.pcode() != PCode.AVATAR) {
                        byType.merge(o.pcode().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
                        objects++;
                    }
                }
            }
            List<Avatar> avatars = client.avatars().inRegion(handle);
            boolean here = client.region().map(r -> r.handle() == handle).orElse(false);
            String name = here ? client.region().get().name()
                    : "region " + (handle >>> 32) / 256 + "," + (handle & 0xFFFF_FFFFL) / 256;
            String parcel = here ? client.surroundings().parcel().map(p -> p.name()).orElse("") : "";
            lines.regionSummary(name, handle, objects, byType, avatars.size(), parcel);
        }
    }

    /** @return the avatars' names as a demo shows them: "Bob Demo (3 m)" */
    static String describe(List<Avatar> avatars) {
        List<String> parts = new ArrayList<>();
        for (Avatar a : avatars) {
            parts.add((a.name().isEmpty() ? a.id().toString() : a.name()) + " (" + EventLines.meters(a.distance()) + ")");
        }
        return String.join(", ", parts);
    }
}
