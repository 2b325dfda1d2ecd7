package slnet.world;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.login.SessionInfo;
import slnet.network.NetworkEvent;
import slnet.network.NetworkEventBus;
import slnet.network.NetworkManager;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Vector3;

/**
 * The avatars around the client, one list per region: those in view, from their object updates in
 * the {@link World}'s store (exact position, name from the {@code FirstName}/{@code LastName}
 * name-value pairs, the seat they sit on), merged with those beyond draw distance that the region's
 * {@code CoarseLocationUpdate} lists (whole meters, height in units of 4 m, the {@code You} entry
 * being the client itself, {@code Prey} the avatar it tracks). The client's own avatar is not listed;
 * it is where distances are measured from.
 *
 * <h2>Events</h2>
 * {@link AvatarArrived} when an avatar enters a region's list (in view or coarse), {@link AvatarLeft}
 * when it is in neither any more, or the region's circuit ended. Published on the client's
 * {@link NetworkEventBus} (which never blocks the network threads), only while someone subscribes.
 *
 * <h2>Threading and ownership</h2>
 * Learns only through {@link HandlerRegistry}: its handlers run on each circuit's dispatch thread
 * right after the world's ({@link #HANDLER_PRIORITY}), so the store already holds what a message
 * said. Sends nothing, owns no thread or timer. Thread-safe; {@link #close()} removes its handlers
 * and is idempotent.
 */
public final class Avatars implements AutoCloseable {
    /** Right after the object store ({@link World#HANDLER_PRIORITY}), whose result it reads. */
    public static final int HANDLER_PRIORITY = World.HANDLER_PRIORITY - 1;
    private static final int AVATAR_PCODE = 47;
    private static final float COARSE_Z_STEP = 4f;

    private final World world;
    private final NetworkEventBus events;
    private final Clock clock;
    private final Supplier<Optional<UUID>> self;
    private final ConcurrentHashMap<Long, RegionAvatars> regions = new ConcurrentHashMap<>();
    private final List<Registration> registrations;
    /** The client's own global position {x, y, z}, or null while unknown; replaced whole. */
    private volatile double[] selfGlobal;

    /**
     * Avatars fed by a network manager's handlers and a world's store.
     *
     * @param network the manager
     * @param world the store of the same manager
     * @return the avatars; close to detach
     */
    public static Avatars attach(NetworkManager network, World world) {
        return new Avatars(network.handlers(), network.events(), network.config().clock(), world,
                () -> network.session().map(SessionInfo::agentId));
    }

    /**
     * Avatars on any handler registry (tests dispatch to it directly).
     *
     * @param handlers where its handlers go; the world's must be on the same registry
     * @param events where its events go
     * @param clock stamps events
     * @param world the object store it reads in-view avatars from
     * @param agentId the client's own agent id, while connected
     */
    public Avatars(HandlerRegistry handlers, NetworkEventBus events, Clock clock, World world,
                   Supplier<Optional<UUID>> agentId) {
        this.world = world;
        this.events = events;
        this.clock = clock;
        this.self = agentId;
        registrations = List.of(
                handlers.register(CoarseLocationUpdate.class, HANDLER_PRIORITY, this::onCoarse),
                handlers.register(ObjectUpdate.class, HANDLER_PRIORITY, this::onObjectUpdate),
                handlers.register(ImprovedTerseObjectUpdate.class, HANDLER_PRIORITY, this::onTerse),
                handlers.register(KillObject.class, HANDLER_PRIORITY, this::onKill),
                handlers.onCircuitClosed(this::regionEnded));
    }

    // ---------------------------------------------------------------- queries

    /**
     * Returns every avatar the client knows of, over all regions, nearest first.
     *
     * @return every avatar the client knows of, over all regions, nearest first
     */
    public List<Avatar> all() {
        List<Avatar> all = new ArrayList<>();
        double[] from = selfGlobal;
        for (RegionAvatars r : regions.values()) {
            all.addAll(r.snapshot(from));
        }
        all.sort(NEAREST_FIRST);
        return all;
    }

    /**
     * Returns the avatars in it, nearest first; empty for a region the client does not see.
     *
     * @param regionHandle a region's handle
     * @return the avatars in it, nearest first; empty for a region the client does not see
     */
    public List<Avatar> inRegion(long regionHandle) {
        RegionAvatars r = regions.get(regionHandle);
        if (r == null) {
            return List.of();
        }
        List<Avatar> list = new ArrayList<>(r.snapshot(selfGlobal));
        list.sort(NEAREST_FIRST);
        return list;
    }

    /**
     * Returns the avatar, in whichever region lists it (the one nearest the client if several do).
     *
     * @param id an agent's id
     * @return the avatar, in whichever region lists it (the one nearest the client if several do)
     */
    public Optional<Avatar> get(UUID id) {
        return all().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Returns the avatar the client tracks there ({@code Prey} of the coarse locations), if any.
     *
     * @param regionHandle a region's handle
     * @return the avatar the client tracks there ({@code Prey} of the coarse locations), if any
     */
    public Optional<UUID> tracked(long regionHandle) {
        RegionAvatars r = regions.get(regionHandle);
        return r == null ? Optional.empty() : Optional.ofNullable(r.prey());
    }

    /**
     * Returns the client's own global position (x, y from the region corner plus the local position), once known.
     *
     * @return the client's own global position (x, y from the region corner plus the local position), once known
     */
    public Optional<Vector3> ownGlobalPosition() {
        double[] s = selfGlobal;
        return s == null ? Optional.empty() : Optional.of(new Vector3((float) s[0], (float) s[1], (float) s[2]));
    }

    /** Removes the handlers; what is known stays, nothing more is learnt. Idempotent. */
    @Override
    public void close() {
        registrations.forEach(Registration::remove);
    }

    @Override
    public String toString() {
        return "Avatars[regions=" + regions.size() + "]";
    }

    private static final Comparator<Avatar> NEAREST_FIRST = Comparator
            .comparingDouble((Avatar a) -> Double.isNaN(a.distance()) ? Double.MAX_VALUE : a.distance())
            .thenComparing(Avatar::id);

    // ---------------------------------------------------------------- handlers

    private RegionAvatars region(long handle) {
        return regions.computeIfAbsent(handle, RegionAvatars::new);
    }

    private void onCoarse(CoarseLocationUpdate message, HandlerContext context) {
        long handle = context.region().handle();
        if (handle == 0 || !context.circuit().isOpen()) {
            return;
        }
        UUID me = self.get().orElse(null);
        List<CoarseLocationUpdate.Location> locations = message.location();
        List<CoarseLocationUpdate.AgentData> ids = message.agentData();
        int you = message.index().you();
        int prey = message.index().prey();
        // Older simulators sent no ids; without them an entry cannot be told from another: skipped.
        int n = Math.min(locations.size(), ids.size());
        Map<UUID, Vector3> listed = new HashMap<>(n * 2);
        UUID preyId = null;
        for (int i = 0; i < n; i++) {
            CoarseLocationUpdate.Location l = locations.get(i);
            Vector3 at = new Vector3(l.x(), l.y(), l.z() * COARSE_Z_STEP);
            UUID id = ids.get(i).agentID();
            if (i == prey) {
                preyId = id;
            }
            if (i == you || id.equals(me)) {
                selfFromCoarse(handle, at);
            } else {
                listed.put(id, at);
            }
        }
        RegionAvatars region = region(handle);
        List<NetworkEvent> changes = new ArrayList<>();
        synchronized (region) {
            region.prey = preyId;
            region.applyCoarse(listed, this, changes);
        }
        publish(changes);
    }

    private void onObjectUpdate(ObjectUpdate message, HandlerContext context) {
        long handle = message.regionData().regionHandle();
        RegionObjects store = null;
        List<NetworkEvent> changes = null;
        UUID me = null;
        for (ObjectUpdate.ObjectData block : message.objectData()) {
            if (block.pCode() != AVATAR_PCODE) {
                continue;
            }
            if (store == null) {
                store = world.region(handle).orElse(null);
                if (store == null) {
                    return;
                }
                me = self.get().orElse(null);
                changes = new ArrayList<>();
            }
            Optional<WorldObject> seen = store.get(block.id());
            if (seen.isEmpty() || !seen.get().isAvatar()) {
                continue; // the store rejected the block
            }
            WorldObject avatar = seen.get();
            Vector3 at = store.regionPosition(avatar.localId()).orElse(avatar.position());
            RegionAvatars region = region(handle);
            if (avatar.id().equals(me)) {
                synchronized (region) {
                    region.selfLocalId = avatar.localId();
                }
                selfPrecise(handle, at);
                continue;
            }
            synchronized (region) {
                region.applyInView(avatar, at, this, changes);
            }
        }
        if (changes != null) {
            publish(changes);
        }
    }

    private void onTerse(ImprovedTerseObjectUpdate message, HandlerContext context) {
        RegionAvatars region = regions.get(message.regionData().regionHandle());
        if (region == null) {
            return;
        }
        RegionObjects store = null;
        List<ImprovedTerseObjectUpdate.ObjectData> blocks = message.objectData();
        for (int i = 0, n = blocks.size(); i < n; i++) {
            var data = blocks.get(i).data();
            if (data.length() != ObjectMotions.TERSE_AVATAR) {
                continue; // only avatars' terse blocks carry the collision plane
            }
            int localId = BlockReader.intAt(data, 0);
            if (store == null) {
                store = world.region(region.handle).orElse(null);
                if (store == null) {
                    return;
                }
            }
            Optional<Vector3> at = store.regionPosition(localId);
            if (at.isEmpty()) {
                continue;
            }
            boolean mine;
            synchronized (region) {
                mine = localId == region.selfLocalId;
                if (!mine) {
                    region.moveInView(localId, at.get());
                }
            }
            if (mine) {
                selfPrecise(region.handle, at.get());
            }
        }
    }

    private void onKill(KillObject message, HandlerContext context) {
        RegionAvatars region = regions.get(context.region().handle());
        if (region == null) {
            return;
        }
        RegionObjects store = world.region(region.handle).orElse(null);
        List<NetworkEvent> changes = new ArrayList<>();
        synchronized (region) {
            // The store removed what was killed and the avatars sitting on it; whoever it no longer
            // holds is out of view.
            region.dropOutOfView(store, this, changes);
        }
        publish(changes);
    }

    private void regionEnded(HandlerContext context) {
        RegionAvatars region = regions.remove(context.region().handle());
        if (region == null) {
            return;
        }
        List<NetworkEvent> changes = new ArrayList<>();
        synchronized (region) {
            double[] from = selfGlobal;
            for (Entry e : region.byId.values()) {
                if (events.subscriberCount() > 0) {
                    changes.add(new AvatarLeft(e.snapshot(region.handle, from), true, clock.instant()));
                }
            }
            region.byId.clear();
            region.byLocalId.clear();
        }
        publish(changes);
    }

    private void selfFromCoarse(long handle, Vector3 at) {
        RegionAvatars region = region(handle);
        boolean precise;
        synchronized (region) {
            precise = region.selfLocalId != 0;
        }
        if (!precise) {
            selfGlobal = global(handle, at);
        }
    }

    private void selfPrecise(long handle, Vector3 at) {
        selfGlobal = global(handle, at);
    }

    private static double[] global(long handle, Vector3 at) {
        return new double[] {(handle >>> 32) + (double) at.x(), (handle & 0xFFFF_FFFFL) + (double) at.y(), at.z()};
    }

    boolean listening() {
        return events.subscriberCount() > 0;
    }

    private void publish(List<NetworkEvent> changes) {
        for (NetworkEvent e : changes) {
            events.publish(e);
        }
    }

    // ---------------------------------------------------------------- per region

    /** One avatar as a region lists it; guarded by its {@link RegionAvatars}. */
    private static final class Entry {
        final UUID id;
        String name = "";
        Vector3 coarse;
        boolean listed;
        boolean inView;
        int localId;
        int parentId;
        Vector3 exact;

        Entry(UUID id) {
            this.id = id;
        }

        Avatar snapshot(long handle, double[] from) {
            Vector3 at = inView && exact != null ? exact : coarse != null ? coarse : Vector3.ZERO;
            double distance = Double.NaN;
            if (from != null) {
                double dx = (handle >>> 32) + (double) at.x() - from[0];
                double dy = (handle & 0xFFFF_FFFFL) + (double) at.y() - from[1];
                double dz = at.z() - from[2];
                distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            return new Avatar(id, name, handle, at, inView, inView ? localId : 0, inView ? parentId : 0, distance);
        }
    }

    /** The avatars of one region; every method runs under its monitor. */
    private static final class RegionAvatars {
        final long handle;
        final Map<UUID, Entry> byId = new HashMap<>();
        final Map<Integer, Entry> byLocalId = new HashMap<>();
        int selfLocalId;
        UUID prey;

        RegionAvatars(long handle) {
            this.handle = handle;
        }

        synchronized List<Avatar> snapshot(double[] from) {
            List<Avatar> list = new ArrayList<>(byId.size());
            for (Entry e : byId.values()) {
                list.add(e.snapshot(handle, from));
            }
            return list;
        }

        synchronized UUID prey() {
            return prey;
        }

        void applyCoarse(Map<UUID, Vector3> listed, Avatars owner, List<NetworkEvent> changes) {
            for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                Vector3 at = listed.remove(e.id);
                e.listed = at != null;
                if (at != null) {
                    e.coarse = at;
                } else if (!e.inView) {
                    it.remove();
                    left(e, owner, changes);
                }
            }
            for (Map.Entry<UUID, Vector3> fresh : listed.entrySet()) {
                Entry e = new Entry(fresh.getKey());
                e.listed = true;
                e.coarse = fresh.getValue();
                byId.put(e.id, e);
                if (owner.listening()) {
                    changes.add(new AvatarArrived(e.snapshot(handle, owner.selfGlobal), owner.clock.instant()));
                }
            }
        }

        void applyInView(WorldObject avatar, Vector3 at, Avatars owner, List<NetworkEvent> changes) {
            Entry e = byId.get(avatar.id());
            boolean arrived = e == null;
            if (arrived) {
                e = new Entry(avatar.id());
                byId.put(e.id, e);
            }
            if (e.inView && e.localId != avatar.localId()) {
                byLocalId.remove(e.localId);
            }
            e.inView = true;
            e.localId = avatar.localId();
            e.parentId = avatar.parentId();
            e.exact = at;
            e.name = avatar.name().orElse(e.name);
            byLocalId.put(e.localId, e);
            if (arrived && owner.listening()) {
                changes.add(new AvatarArrived(e.snapshot(handle, owner.selfGlobal), owner.clock.instant()));
            }
        }

        void moveInView(int localId, Vector3 at) {
            Entry e = byLocalId.get(localId);
            if (e != null) {
                e.exact = at;
            }
        }

        void dropOutOfView(RegionObjects store, Avatars owner, List<NetworkEvent> changes) {
            if (selfLocalId != 0 && (store == null || store.get(selfLocalId).isEmpty())) {
                selfLocalId = 0;
            }
            for (Iterator<Entry> it = byLocalId.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (store != null && store.get(e.localId).map(o -> o.id().equals(e.id)).orElse(false)) {
                    continue;
                }
                it.remove();
                e.inView = false;
                e.localId = 0;
                e.parentId = 0;
                if (!e.listed) {
                    if (e.exact != null) {
                        e.coarse = e.exact; // where it was last seen
                    }
                    byId.remove(e.id);
                    left(e, owner, changes);
                }
            }
        }

        private void left(Entry e, Avatars owner, List<NetworkEvent> changes) {
            if (owner.listening()) {
                changes.add(new AvatarLeft(e.snapshot(handle, owner.selfGlobal), false, owner.clock.instant()));
            }
        }
    }
}
