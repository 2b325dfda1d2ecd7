package slnet.world;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.login.SessionInfo;
import slnet.network.NetworkEvent;
import slnet.network.NetworkEventBus;
import slnet.network.NetworkManager;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectProperties;
import slnet.protocol.messages.ObjectPropertiesFamily;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.ObjectUpdateCached;
import slnet.protocol.messages.ObjectUpdateCompressed;
import slnet.protocol.messages.RequestMultipleObjects;
import slnet.protocol.messages.RequestObjectPropertiesFamily;
import slnet.protocol.types.Bytes;

/**
 * The objects a client sees, per region, kept up to date from the simulators' messages:
 * {@code ObjectUpdate}, {@code ObjectUpdateCompressed}, {@code ObjectUpdateCached} (a miss is asked
 * for with {@code RequestMultipleObjects}, as the viewer does), {@code ImprovedTerseObjectUpdate}
 * (applied in place), {@code KillObject} (the object and its linkset children), and the end of a
 * region's circuit (every object of it). Names of objects come from {@link #requestProperties}
 * ({@code RequestObjectPropertiesFamily}); avatars carry theirs in name-value pairs.
 *
 * <h2>Events</h2>
 * {@link ObjectAppeared}, {@link ObjectChanged} (with what changed; a terse update is a
 * {@link ObjectChange#MOTION}) and {@link ObjectRemoved} go to the client's
 * {@link NetworkEventBus}, which never blocks the network threads: a slow subscriber loses its own
 * events, counted. No event is built while nobody subscribes.
 *
 * <h2>Threading and ownership</h2>
 * The world learns only through {@link HandlerRegistry} (its handlers run on each circuit's
 * dispatch thread, before user handlers of default priority) and acts only by sending messages on
 * the circuit a region came from. It owns no thread or timer. All methods are thread-safe;
 * {@link #close()} removes its handlers and is idempotent. Bad blocks are counted
 * ({@link WorldStats#rejected()}) and dropped; the rest of the message is still applied.
 */
public final class World implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(World.class);
    /** Runs before user handlers at default priority, after nothing the facade needs first. */
    public static final int HANDLER_PRIORITY = 900_000;
    private static final int MAX_BLOCKS = 255;

    private final NetworkEventBus events;
    private final Clock clock;
    private final Supplier<Optional<SessionInfo>> session;
    private final ConcurrentHashMap<CircuitView, RegionObjects> regions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, PendingProperties> pending = new ConcurrentHashMap<>();
    private final List<Registration> registrations;
    private final Publisher publisher = new Publisher();

    private final LongAdder fullUpdates = new LongAdder();
    private final LongAdder compressedUpdates = new LongAdder();
    private final LongAdder terseUpdates = new LongAdder();
    private final LongAdder terseUnknown = new LongAdder();
    private final LongAdder cachedHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder kills = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    private record PendingProperties(CompletableFuture<slnet.world.ObjectProperties> future, CircuitView circuit) {
    }

    /**
     * A world fed by a network manager's handlers, publishing on its bus.
     *
     * @param network the manager
     * @return the world; close it to detach
     */
    public static World attach(NetworkManager network) {
        return new World(network.handlers(), network.events(), network.config().clock(), network::session);
    }

    /**
     * A world on any handler registry (tests and benchmarks dispatch to it directly).
     *
     * @param handlers where its handlers go
     * @param events where its events go
     * @param clock stamps events
     * @param session the agent and session ids for the requests it sends, while connected
     */
    public World(HandlerRegistry handlers, NetworkEventBus events, Clock clock,
                 Supplier<Optional<SessionInfo>> session) {
        this.events = events;
        this.clock = clock;
        this.session = session;
        registrations = List.of(
                handlers.register(ObjectUpdate.class, HANDLER_PRIORITY, this::onObjectUpdate),
                handlers.register(ObjectUpdateCompressed.class, HANDLER_PRIORITY, this::onCompressed),
                handlers.register(ObjectUpdateCached.class, HANDLER_PRIORITY, this::onCached),
                handlers.register(ImprovedTerseObjectUpdate.class, HANDLER_PRIORITY, this::onTerse),
                handlers.register(KillObject.class, HANDLER_PRIORITY, this::onKill),
                handlers.register(ObjectPropertiesFamily.class, HANDLER_PRIORITY, this::onPropertiesFamily),
                handlers.register(ObjectProperties.class, HANDLER_PRIORITY, this::onProperties),
                handlers.onCircuitClosed(context -> regionEnded(context.circuit())));
    }

    // ---------------------------------------------------------------- queries

    /**
     * Returns the regions with objects, one per open circuit that sent any.
     *
     * @return the regions with objects, one per open circuit that sent any
     */
    public List<RegionObjects> regions() {
        return List.copyOf(regions.values());
    }

    /**
     * Returns its objects, if the client has a circuit to it that sent any.
     *
     * @param regionHandle a region's handle
     * @return its objects, if the client has a circuit to it that sent any
     */
    public Optional<RegionObjects> region(long regionHandle) {
        for (RegionObjects r : regions.values()) {
            if (r.regionHandle() == regionHandle) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the object, in whichever region it is.
     *
     * @param id an object's UUID
     * @return the object, in whichever region it is
     */
    public Optional<WorldObject> object(UUID id) {
        for (RegionObjects r : regions.values()) {
            Optional<WorldObject> o = r.get(id);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns those matching, over every region.
     *
     * @param filter which objects
     * @return those matching, over every region
     */
    public List<WorldObject> find(Predicate<? super WorldObject> filter) {
        List<WorldObject> found = new ArrayList<>();
        for (RegionObjects r : regions.values()) {
            found.addAll(r.find(filter));
        }
        return found;
    }

    /**
     * Returns those so named, over every region.
     *
     * @param name an avatar's name or an object's name from its properties (case ignored)
     * @return those so named, over every region
     */
    public List<WorldObject> byName(String name) {
        List<WorldObject> found = new ArrayList<>();
        for (RegionObjects r : regions.values()) {
            found.addAll(r.byName(name));
        }
        return found;
    }

    /**
     * Asks the object's simulator for its name, description and owner
     * ({@code RequestObjectPropertiesFamily}); the reply also updates the stored object (an
     * {@link ObjectChanged} with {@link ObjectChange#PROPERTIES}) so {@link #byName} finds it.
     * Never blocks. The future has no timeout of its own (add one with {@code orTimeout}); it fails
     * when the object's region ends.
     *
     * @param object a known object
     * @return completes with the properties
     */
    public CompletableFuture<slnet.world.ObjectProperties> requestProperties(WorldObject object) {
        CircuitView circuit = null;
        for (var entry : regions.entrySet()) {
            if (entry.getValue().get(object.localId()).map(o -> o.id().equals(object.id())).orElse(false)) {
                circuit = entry.getKey();
            }
        }
        Optional<SessionInfo> s = session.get();
        if (circuit == null || s.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    circuit == null ? "object " + object.id() + " is not in view" : "not connected"));
        }
        CircuitView on = circuit;
        PendingProperties p = pending.computeIfAbsent(object.id(),
                id -> new PendingProperties(new CompletableFuture<>(), on));
        on.send(new RequestObjectPropertiesFamily(
                new RequestObjectPropertiesFamily.AgentData(s.get().agentId(), s.get().sessionId()),
                new RequestObjectPropertiesFamily.ObjectData(0, object.id())), true);
        return p.future().copy();
    }

    /**
     * Returns the counters.
     *
     * @return the counters
     */
    public WorldStats stats() {
        int objects = 0;
        for (RegionObjects r : regions.values()) {
            objects += r.size();
        }
        return new WorldStats(fullUpdates.sum(), compressedUpdates.sum(), terseUpdates.sum(), terseUnknown.sum(),
                cachedHits.sum(), cacheMisses.sum(), kills.sum(), rejected.sum(), objects);
    }

    /** Removes the world's handlers; it keeps what it knew but learns nothing more. Idempotent. */
    @Override
    public void close() {
        registrations.forEach(Registration::remove);
    }

    @Override
    public String toString() {
        return "World[regions=" + regions.size() + "]";
    }

    // ---------------------------------------------------------------- handlers

    private RegionObjects regionOf(HandlerContext context, long regionHandle) {
        return regions.computeIfAbsent(context.circuit(),
                c -> new RegionObjects(regionHandle, c.remoteAddress()));
    }

    /** A message that raced with its circuit's closing must not leave the region behind. */
    private void dropIfClosed(HandlerContext context) {
        if (!context.circuit().isOpen()) {
            regionEnded(context.circuit());
        }
    }

    private void onObjectUpdate(ObjectUpdate message, HandlerContext context) {
        long handle = message.regionData().regionHandle();
        RegionObjects region = regionOf(context, handle);
        for (ObjectUpdate.ObjectData block : message.objectData()) {
            try {
                WorldObject object = ObjectUpdateDecoder.decodeFull(handle, block);
                // Counted before it is published: a subscriber that saw the object reads a count that includes it.
                fullUpdates.increment();
                region.put(object, publisher);
            } catch (ObjectDecodeException e) {
                reject("ObjectUpdate", e);
            }
        }
        dropIfClosed(context);
    }

    private void onCompressed(ObjectUpdateCompressed message, HandlerContext context) {
        long handle = message.regionData().regionHandle();
        RegionObjects region = regionOf(context, handle);
        for (ObjectUpdateCompressed.ObjectData block : message.objectData()) {
            try {
                WorldObject object = ObjectUpdateDecoder.decodeCompressed(handle, block.updateFlags(), block.data());
                compressedUpdates.increment(); // before publishing, as above
                region.put(object, publisher);
            } catch (ObjectDecodeException e) {
                reject("ObjectUpdateCompressed", e);
            }
        }
        dropIfClosed(context);
    }

    private void onCached(ObjectUpdateCached message, HandlerContext context) {
        RegionObjects region = regionOf(context, message.regionData().regionHandle());
        List<RequestMultipleObjects.ObjectData> misses = new ArrayList<>();
        for (ObjectUpdateCached.ObjectData block : message.objectData()) {
            var crc = region.crc(block.id());
            if (crc.isPresent() && crc.getAsInt() == block.crc()) {
                cachedHits.increment();
            } else {
                // 0: not cached at all; 1: cached with another CRC (the viewer's miss types)
                misses.add(new RequestMultipleObjects.ObjectData(crc.isPresent() ? 1 : 0, block.id()));
            }
        }
        Optional<SessionInfo> s = session.get();
        if (misses.isEmpty() || s.isEmpty()) {
            return;
        }
        var agent = new RequestMultipleObjects.AgentData(s.get().agentId(), s.get().sessionId());
        for (int from = 0; from < misses.size(); from += MAX_BLOCKS) {
            List<RequestMultipleObjects.ObjectData> batch = misses.subList(from, Math.min(misses.size(), from + MAX_BLOCKS));
            context.circuit().send(new RequestMultipleObjects(agent, List.copyOf(batch)), true);
            cacheMisses.add(batch.size());
        }
        dropIfClosed(context);
    }

    private void onTerse(ImprovedTerseObjectUpdate message, HandlerContext context) {
        RegionObjects region = regions.get(context.circuit());
        if (region == null) {
            terseUnknown.add(message.objectData().size());
            return;
        }
        List<ImprovedTerseObjectUpdate.ObjectData> blocks = message.objectData();
        for (int i = 0, n = blocks.size(); i < n; i++) {
            ImprovedTerseObjectUpdate.ObjectData block = blocks.get(i);
            boolean applied = false;
            try {
                // Counted before publishing, as full and compressed updates are: a subscriber that saw
                // the change reads stats that include it. Taken back if the object is unknown.
                terseUpdates.increment();
                applied = region.applyTerse(block.data(), publisher);
                if (applied) {
                    Bytes te = block.textureEntry();
                    if (te.length() > 4) {
                        // The terse form's texture entry starts with its own U32 length.
                        region.setTextures(BlockReader.intAt(block.data(), 0),
                                TextureEntry.decode(Bytes.copyOf(te.toArray(), 4, te.length() - 4)), publisher);
                    }
                } else {
                    terseUpdates.decrement();
                    terseUnknown.increment();
                }
            } catch (ObjectDecodeException e) {
                if (!applied) {
                    terseUpdates.decrement();
                }
                reject("ImprovedTerseObjectUpdate", e);
            }
        }
    }

    private void onKill(KillObject message, HandlerContext context) {
        RegionObjects region = regions.get(context.circuit());
        if (region == null) {
            return;
        }
        for (KillObject.ObjectData block : message.objectData()) {
            kills.add(region.kill(block.id(), publisher));
        }
    }

    private void onPropertiesFamily(ObjectPropertiesFamily message, HandlerContext context) {
        ObjectPropertiesFamily.ObjectData d = message.objectData();
        properties(new slnet.world.ObjectProperties(d.objectID(), d.ownerID(), d.groupID(),
                ObjectUpdateDecoder.string(d.name()), ObjectUpdateDecoder.string(d.description()), d.salePrice(),
                d.saleType()), context);
    }

    private void onProperties(ObjectProperties message, HandlerContext context) {
        for (ObjectProperties.ObjectData d : message.objectData()) {
            properties(new slnet.world.ObjectProperties(d.objectID(), d.ownerID(), d.groupID(),
                    ObjectUpdateDecoder.string(d.name()), ObjectUpdateDecoder.string(d.description()), d.salePrice(),
                    d.saleType()), context);
        }
    }

    private void properties(slnet.world.ObjectProperties p, HandlerContext context) {
        RegionObjects region = regions.get(context.circuit());
        if (region != null) {
            region.setProperties(p, publisher);
        }
        PendingProperties waiting = pending.remove(p.objectId());
        if (waiting != null) {
            waiting.future().complete(p);
        }
    }

    private void regionEnded(CircuitView circuit) {
        RegionObjects region = regions.remove(circuit);
        if (region != null) {
            region.clear(publisher);
        }
        pending.values().removeIf(p -> {
            if (p.circuit() == circuit) {
                p.future().completeExceptionally(new IllegalStateException("the object's region ended"));
                return true;
            }
            return false;
        });
    }

    private void reject(String message, ObjectDecodeException e) {
        long n = rejected.sum();
        rejected.increment();
        if (n < 10 || n % 1000 == 0) {
            LOG.debug("dropped a block of {} that did not decode: {}", message, e.getMessage());
        }
    }

    /** Turns store changes into events, only when someone listens. */
    private final class Publisher implements RegionObjects.Changes {
        @Override
        public void appeared(ObjectEntry entry) {
            if (events.subscriberCount() > 0) {
                publish(new ObjectAppeared(entry.snapshot(), clock.instant()));
            }
        }

        @Override
        public void changed(ObjectEntry entry, Set<ObjectChange> what) {
            if (events.subscriberCount() > 0) {
                publish(new ObjectChanged(entry.snapshot(), what, clock.instant()));
            }
        }

        @Override
        public void removed(WorldObject last, ObjectRemoved.Reason reason) {
            if (events.subscriberCount() > 0) {
                publish(new ObjectRemoved(last, reason, clock.instant()));
            }
        }

        private void publish(NetworkEvent event) {
            events.publish(event);
        }
    }
}
