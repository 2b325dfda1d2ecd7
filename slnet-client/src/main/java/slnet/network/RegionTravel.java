package slnet.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.CrossedRegion;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.MapBlockReply;
import slnet.protocol.messages.MapNameRequest;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.messages.TeleportLandmarkRequest;
import slnet.protocol.messages.TeleportLocal;
import slnet.protocol.messages.TeleportLocationRequest;
import slnet.protocol.messages.TeleportProgress;
import slnet.protocol.messages.TeleportStart;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.time.ScheduledTask;

/**
 * The agent's many regions: neighbour (child) circuits opened on {@code EnableSimulator} and given
 * services on {@code EstablishAgentCommunication}; teleports ({@code TeleportStart},
 * {@code TeleportProgress}, {@code TeleportFinish}, {@code TeleportFailed}, {@code TeleportLocal});
 * crossings ({@code CrossedRegion}). A move into another region ends with that region's circuit as
 * the primary one (a neighbour's child circuit is promoted with {@code CompleteAgentMovement}; else
 * a new circuit runs the full handshake), and the old region's circuit closed unless it is a
 * neighbour of the new one.
 *
 * <p>From a teleport request until it ends, and while a move is under way, the region being left
 * may let go of the agent (DisableSimulator, or its circuit going silent) without ending the
 * session: its circuit and event queue stay until the move decides. The agent's arrival elsewhere
 * closes them; a teleport or move that fails after it leaves the agent in no region, and the
 * session ends ("lost between regions"). The primary circuit switches under the session's lock,
 * the lock under which a region letting go is judged, so neither sees the other half done.
 *
 * <p>Its handlers run on the dispatch threads of circuits and event queues and never block:
 * arrivals complete through futures. At most one teleport is in flight.
 */
final class RegionTravel {
    /** Region-local coordinates span 256 m; regions touching edge or corner are neighbours. */
    private static final long REGION_METERS = 256;
    private static final int PRIORITY = Integer.MAX_VALUE - 1;

    private final NetworkManager manager;
    private final Duration stepTimeout;
    private final AtomicReference<Pending> teleport = new AtomicReference<>();
    private final ConcurrentHashMap<String, CompletableFuture<Long>> lookups = new ConcurrentHashMap<>();
    /** The names as asked, for messages. */
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
    /**
     * Which name search each lookup's request was (1st, 2nd...): the map service answers every search
     * with an end-of-results block, in order, so only the end of a lookup's own search, or a later
     * one, may fail it; the end of an earlier search of the same name must not.
     */
    private final ConcurrentHashMap<String, Long> lookupOrdinals = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong searchesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong searchEndsSeen = new java.util.concurrent.atomic.AtomicLong();
    private final Registration[] registrations;

    /**
     * A teleport under way: one the caller asked for and waits on, or one the region started
     * ({@code TeleportStart} unasked, e.g. a script's or a god's teleport), whose result nobody
     * waits on.
     *
     * @param source the circuit of the region being left: only it may finish the teleport
     * @param finishing set by the first {@code TeleportFinish}: any later one is redundant
     */
    private record Pending(Session session, CompletableFuture<TeleportFinished> result, ScheduledTask timer,
                           CircuitLink source, java.util.concurrent.atomic.AtomicBoolean finishing) {
    }

    RegionTravel(NetworkManager manager, HandlerRegistry handlers, Duration stepTimeout) {
        this.manager = manager;
        this.stepTimeout = stepTimeout;
        registrations = new Registration[] {
            handlers.register(EnableSimulator.class, PRIORITY, this::onEnableSimulator),
            handlers.registerLlsd("EstablishAgentCommunication", PRIORITY, this::onEstablish),
            handlers.register(TeleportStart.class, PRIORITY, this::onTeleportStart),
            handlers.register(TeleportProgress.class, PRIORITY, (m, c) -> manager.publish(
                    new TeleportProgressed(m.info().message().asString(), m.info().teleportFlags(), manager.now()))),
            handlers.register(slnet.protocol.messages.TeleportFailed.class, PRIORITY,
                (m, c) -> failed(m.info().reason().asString())),
            handlers.register(TeleportLocal.class, PRIORITY, this::onTeleportLocal),
            handlers.register(TeleportFinish.class, PRIORITY, this::onTeleportFinish),
            handlers.register(CrossedRegion.class, PRIORITY, this::onCrossedRegion),
            handlers.register(MapBlockReply.class, PRIORITY, this::onMapBlockReply),
        };
    }

    /** Removes the handlers. */
    void remove() {
        for (Registration r : registrations) {
            r.remove();
        }
    }

    // ---------------------------------------------------------------- neighbours

    private void onEnableSimulator(EnableSimulator message, HandlerContext context) {
        Session s = manager.currentSession();
        if (s == null) {
            return;
        }
        EnableSimulator.SimulatorInfo info = message.simulatorInfo();
        InetSocketAddress address = new InetSocketAddress(info.ip(), info.port());
        if (manager.circuits().get(address).isPresent()) {
            return; // already a child (or the primary)
        }
        CircuitLink link;
        try {
            link = manager.circuits().open(address, info.handle());
        } catch (IOException | RuntimeException e) {
            manager.publish(new NetworkEvent.ErrorOccurred("could not open a circuit to neighbour " + address + ": "
                    + e.getMessage(), e, manager.now()));
            return;
        }
        Handshake child = new Handshake(link, manager.scheduler(), stepTimeout, s.info, () -> { }, true);
        link.handshake = child;
        child.result().whenComplete((ignored, failure) -> {
            if (failure != null) {
                if (manager.circuits().isOpen(link)) {
                    manager.lose(link, "neighbour handshake failed: " + failure.getMessage());
                }
                return;
            }
            manager.publish(new NetworkEvent.CircuitConnected(address, manager.now()));
            URI seed = s.seeds.remove(address);
            if (seed != null) {
                manager.startRegionServices(s, link, seed);
            }
        });
        child.start();
    }

    private void onEstablish(String name, Llsd body, HandlerContext context) {
        Session s = manager.currentSession();
        if (s == null) {
            return;
        }
        Optional<InetSocketAddress> address = parseAddress(body.get("sim-ip-and-port").asString());
        String seed = body.get("seed-capability").asString();
        if (address.isEmpty() || seed.isEmpty()) {
            manager.publish(new NetworkEvent.ErrorOccurred("EstablishAgentCommunication without a usable "
                    + "sim-ip-and-port or seed-capability", null, manager.now()));
            return;
        }
        URI uri;
        try {
            uri = URI.create(seed);
        } catch (IllegalArgumentException e) {
            manager.publish(new NetworkEvent.ErrorOccurred("EstablishAgentCommunication with a malformed seed", e,
                    manager.now()));
            return;
        }
        seedFor(s, address.get(), uri);
    }

    /** Starts the region's services now if its circuit is up, else once it is. */
    private void seedFor(Session s, InetSocketAddress address, URI seed) {
        Optional<CircuitLink> link = manager.circuits().get(address);
        Handshake h = link.map(l -> l.handshake).orElse(null);
        if (link.isPresent() && (h == null || h.succeeded())) {
            manager.startRegionServices(s, link.get(), seed);
        } else {
            s.seeds.put(address, seed);
            // The handshake may have finished between the look and the put.
            if (link.isPresent() && link.get().handshake != null && link.get().handshake.succeeded()
                    && s.seeds.remove(address, seed)) {
                manager.startRegionServices(s, link.get(), seed);
            }
        }
    }

    static Optional<InetSocketAddress> parseAddress(String ipAndPort) {
        int colon = ipAndPort.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(ipAndPort.substring(colon + 1));
            String host = ipAndPort.substring(0, colon);
            if (port < 1 || port > 65535 || !host.matches("[0-9.]+")) {
                return Optional.empty(); // a literal IPv4 address only: no name lookups from server input
            }
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (NumberFormatException | java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    static boolean adjacent(long handleA, long handleB) {
        long ax = handleA >>> 32;
        long ay = handleA & 0xFFFF_FFFFL;
        long bx = handleB >>> 32;
        long by = handleB & 0xFFFF_FFFFL;
        return Math.abs(ax - bx) <= REGION_METERS && Math.abs(ay - by) <= REGION_METERS;
    }

    // ---------------------------------------------------------------- teleport

    CompletableFuture<TeleportFinished> teleport(long regionHandle, Vector3 position, Vector3 lookAt) {
        return begin(s -> new TeleportLocationRequest(new TeleportLocationRequest.AgentData(s.info.agentId(),
                s.info.sessionId()), new TeleportLocationRequest.Info(regionHandle, position, lookAt)));
    }

    /** The viewer's teleport flag for a teleport that follows a lure. */
    private static final int TELEPORT_FLAGS_VIA_LURE = 1 << 2;

    CompletableFuture<TeleportFinished> teleportByLure(UUID lureId) {
        return begin(s -> new slnet.protocol.messages.TeleportLureRequest(new slnet.protocol.messages.TeleportLureRequest.Info(
                s.info.agentId(), s.info.sessionId(), lureId, TELEPORT_FLAGS_VIA_LURE)));
    }

    CompletableFuture<TeleportFinished> teleportToLandmark(UUID landmark) {
        return begin(s -> new TeleportLandmarkRequest(new TeleportLandmarkRequest.Info(s.info.agentId(),
                s.info.sessionId(), landmark)));
    }

    private CompletableFuture<TeleportFinished> begin(
            java.util.function.Function<Session, slnet.protocol.Message> request) {
        Session s = manager.currentSession();
        if (s == null || manager.status() != NetworkStatus.CONNECTED) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected (status "
                    + manager.status() + ")"));
        }
        CompletableFuture<TeleportFinished> result = new CompletableFuture<>();
        if (!underWay(s, result, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("a teleport is in progress"));
        }
        s.primary.sendReliable(request.apply(s));
        return result;
    }

    private void failed(String reason) {
        manager.publish(new TeleportFailed(reason, manager.now()));
        Pending p = teleport.getAndSet(null);
        if (p != null) {
            p.timer.cancel();
            p.session.teleporting = false;
            p.result.completeExceptionally(new TeleportException(reason));
            endIfStranded(p.session, reason);
        }
    }

    private void succeeded(TeleportFinished finished) {
        manager.publish(finished);
        Pending p = teleport.getAndSet(null);
        if (p != null) {
            p.timer.cancel();
            p.session.teleporting = false;
            p.result.complete(finished);
            // A local teleport moves no circuit: if the region let go meanwhile, nothing holds the agent.
            endIfStranded(p.session, "the region let go of the agent during a local teleport");
        }
    }

    /** A teleport ended without a move after the region being left let go of the agent: it is in no region now. */
    private void endIfStranded(Session s, String reason) {
        if (s.strandedAfterMove() && manager.currentSession() == s) {
            CircuitLink primary = s.primary;
            manager.publish(new NetworkEvent.CircuitLost(primary.remoteAddress(),
                    "the region let go of the agent during a teleport that failed", manager.now()));
            manager.endSessionLost(s, "lost between regions: " + reason);
        }
    }

    /** Fails a teleport in flight when the session ends. */
    void sessionEnded(String reason) {
        Pending p = teleport.getAndSet(null);
        if (p != null) {
            p.timer.cancel();
            p.result.completeExceptionally(new TeleportException("session ended: " + reason));
        }
        lookups.values().forEach(f -> f.completeExceptionally(new TeleportException("session ended: " + reason)));
        lookups.clear();
    }

    private void onTeleportLocal(TeleportLocal message, HandlerContext context) {
        Session s = manager.currentSession();
        if (s == null) {
            return;
        }
        CircuitLink primary = s.primary;
        manager.agentMoved(message.info().position());
        succeeded(new TeleportFinished(primary.region.name(), primary.region.handle(), primary.remoteAddress(),
                message.info().position(), manager.now()));
    }

    /**
     * Files a teleport from the primary region as under way, with its time limit; from then until
     * it ends, the region being left letting go of the agent ends nothing.
     *
     * @param asked true if the caller asked for it and waits on {@code result}: when the time runs
     *     out it fails with {@link TeleportFailed}; one the region started just ends quietly
     * @return false if another teleport is under way
     */
    private boolean underWay(Session s, CompletableFuture<TeleportFinished> result, boolean asked) {
        // The grid may take a while between start and finish: allow several handshake steps.
        long timeoutNs = stepTimeout.toNanos() * 4;
        Pending[] self = new Pending[1];
        ScheduledTask timer = manager.scheduler().schedule(() -> {
            if (!teleport.compareAndSet(self[0], null)) {
                return;
            }
            s.teleporting = false;
            if (asked) {
                String reason = "no answer within " + Duration.ofNanos(timeoutNs).toMillis() + " ms";
                manager.publish(new TeleportFailed(reason, manager.now()));
                result.completeExceptionally(new TeleportException(reason));
                endIfStranded(s, reason);
            }
        }, timeoutNs);
        self[0] = new Pending(s, result, timer, s.primary, new java.util.concurrent.atomic.AtomicBoolean());
        if (!teleport.compareAndSet(null, self[0])) {
            timer.cancel();
            return false;
        }
        s.teleporting = true;
        return true;
    }

    private void onTeleportStart(TeleportStart message, HandlerContext context) {
        Session s = manager.currentSession();
        if (s != null && context.circuit() == s.primary && teleport.get() == null) {
            // Unasked: the region sends the agent away. Its finish is awaited like an asked one's.
            underWay(s, new CompletableFuture<>(), false);
        }
        manager.publish(new TeleportStarted(message.info().teleportFlags(), manager.now()));
    }

    private void onTeleportFinish(TeleportFinish message, HandlerContext context) {
        Pending p = teleport.get();
        // As the viewer does with a redundant one: a finish counts only from the region being
        // left, once, while a teleport is under way. A late or repeated event-queue delivery (a
        // region's queue the agent came back to, a re-poll) must not move the agent again.
        if (p == null || context.circuit() != p.source || !p.finishing.compareAndSet(false, true)) {
            NetworkManager.LOG.debug("ignored a TeleportFinish from {}: {}", context.circuit().remoteAddress(),
                    p == null ? "no teleport under way" : p.finishing.get() ? "the teleport is already finishing"
                            : "not from the region being left");
            return;
        }
        TeleportFinish.Info info = message.info();
        InetSocketAddress address = new InetSocketAddress(info.simIP(), info.simPort());
        moveTo(address, info.regionHandle(), info.seedCapability(), (link, amc) -> succeeded(new TeleportFinished(
                link.region.name(), link.region.handle(), address, amc.data().position(), manager.now())),
                reason -> failed("could not enter the destination: " + reason));
    }

    private void onCrossedRegion(CrossedRegion message, HandlerContext context) {
        CrossedRegion.RegionData data = message.regionData();
        InetSocketAddress address = new InetSocketAddress(data.simIP(), data.simPort());
        moveTo(address, data.regionHandle(), data.seedCapability(), (link, amc) -> manager.publish(new RegionCrossed(
                link.region.name(), link.region.handle(), address, amc.data().position(), manager.now())),
                reason -> manager.publish(new NetworkEvent.ErrorOccurred("region crossing into " + address
                        + " failed: " + reason, null, manager.now())));
    }

    /**
     * Makes the region at the address the primary one: promotes its child circuit, or opens one and
     * runs the handshake; then switches, starts its services and closes the old region unless it is
     * a neighbour.
     */
    private void moveTo(InetSocketAddress address, long handle, Bytes seedBytes,
                        java.util.function.BiConsumer<CircuitLink, AgentMovementComplete> onArrived,
                        java.util.function.Consumer<String> onFailed) {
        Session s = manager.currentSession();
        if (s == null) {
            return;
        }
        CircuitLink old = s.primary;
        if (old.remoteAddress().equals(address)) {
            return; // already there
        }
        s.moving = true;
        Optional<CircuitLink> existing = manager.circuits().get(address);
        CircuitLink target;
        CompletableFuture<AgentMovementComplete> moved;
        boolean fresh = existing.isEmpty();
        if (!fresh) {
            target = existing.get();
            moved = new CompletableFuture<>();
            target.arrival.set(moved);
            ScheduledTask timer = manager.scheduler().schedule(() -> moved.completeExceptionally(
                    new ConnectException(ConnectStep.AGENT_MOVEMENT_COMPLETE, "no AgentMovementComplete within "
                            + stepTimeout.toMillis() + " ms", null)), stepTimeout.toNanos());
            moved.whenComplete((a, f) -> timer.cancel());
            target.sendReliable(new CompleteAgentMovement(new CompleteAgentMovement.AgentData(s.info.agentId(),
                    s.info.sessionId(), s.info.circuitCode())));
        } else {
            try {
                target = manager.circuits().open(address, handle);
            } catch (IOException | RuntimeException e) {
                s.moving = false;
                onFailed.accept("could not open a circuit to " + address + ": " + e.getMessage());
                return;
            }
            Handshake full = new Handshake(target, manager.scheduler(), stepTimeout, s.info, () -> { });
            target.handshake = full;
            moved = full.result();
            full.start();
        }
        String seed = seedBytes.asString();
        moved.whenComplete((amc, failure) -> {
            if (failure != null) {
                s.moving = false;
                if (manager.currentSession() != s) {
                    return; // the session ended meanwhile; its end failed any teleport in flight
                }
                if (fresh) {
                    manager.lose(target, "entering the region failed");
                }
                onFailed.accept(failure.getMessage());
                if (!manager.circuits().isOpen(s.primary)) {
                    // The old region let go (DisableSimulator) and the new one never took the agent.
                    manager.endSessionLost(s, "lost between regions: " + failure.getMessage());
                }
                return;
            }
            if (manager.currentSession() != s) {
                return;
            }
            target.region.onHandle(handle);
            boolean oldReleased = s.switchPrimary(target);
            manager.agentMoved(amc.data().position());
            if (fresh) {
                manager.publish(new NetworkEvent.CircuitConnected(address, manager.now()));
            }
            if (!seed.isEmpty()) {
                try {
                    manager.startRegionServices(s, target, URI.create(seed));
                } catch (IllegalArgumentException e) {
                    manager.publish(new NetworkEvent.ErrorOccurred("malformed seed capability for " + address, e,
                            manager.now()));
                }
            }
            // The old region, and children that are no neighbours of the new one, are out of view.
            // Closed before the caller hears of the arrival: its next move (a teleport straight
            // back, say) must not race this one's clean-up, which would close the new region's
            // circuit as "no longer a neighbour" of this destination.
            if (oldReleased) {
                // Its region let go of it during the move (DisableSimulator, or silence): close its
                // services too, now that the move no longer needs its event queue.
                manager.lose(old, "simulator disabled the circuit");
            } else if (manager.circuits().isOpen(old) && !adjacent(old.region.handle(), handle)) {
                manager.lose(old, "left the region");
            }
            for (InetSocketAddress other : manager.circuitAddresses()) {
                if (s.primary != target) {
                    break; // a later move owns the clean-up now
                }
                manager.circuits().get(other).filter(l -> l != target && l != old
                        && !adjacent(l.region.handle(), handle)).ifPresent(l -> manager.lose(l, "no longer a neighbour"));
            }
            onArrived.accept(target, amc);
        });
    }

    // ---------------------------------------------------------------- map name lookup

    CompletableFuture<Long> regionHandle(String regionName) {
        Session s = manager.currentSession();
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        String key = regionName.strip().toLowerCase(Locale.ROOT);
        names.put(key, regionName.strip());
        CompletableFuture<Long> result = lookups.computeIfAbsent(key, k -> new CompletableFuture<>());
        lookupOrdinals.put(key, searchesSent.incrementAndGet());
        result.whenComplete((h, f) -> {
            names.remove(key);
            lookupOrdinals.remove(key);
        });
        ScheduledTask timer = manager.scheduler().schedule(() -> {
            if (lookups.remove(key, result)) {
                result.completeExceptionally(new TeleportException("no region named " + regionName
                        + " found within " + stepTimeout.toMillis() + " ms"));
            }
        }, stepTimeout.toNanos());
        result.whenComplete((h, f) -> timer.cancel());
        s.primary.sendReliable(new MapNameRequest(new MapNameRequest.AgentData(s.info.agentId(), s.info.sessionId(),
                0, 0, false), new MapNameRequest.NameData(Bytes.ofString(regionName.strip()))));
        return result;
    }

    private void onMapBlockReply(MapBlockReply message, HandlerContext context) {
        boolean ended = false;
        for (MapBlockReply.Data block : message.data()) {
            String name = block.name().asString();
            if (name.isEmpty()) {
                ended = true; // the map service's end of a name search
                continue;
            }
            CompletableFuture<Long> waiting = lookups.remove(name.toLowerCase(Locale.ROOT));
            if (waiting != null) {
                long x = (block.x() & 0xFFFFL) * REGION_METERS;
                long y = (block.y() & 0xFFFFL) * REGION_METERS;
                waiting.complete((x << 32) | y);
            }
        }
        if (ended) {
            // Searches answered without an exact match: none of them exists. Only searches sent no
            // later than the one this end belongs to: a newer search of the same name waits for its own.
            long endOf = searchEndsSeen.incrementAndGet();
            lookups.forEach((key, f) -> {
                if (lookupOrdinals.getOrDefault(key, 0L) <= endOf && lookups.remove(key, f)) {
                    f.completeExceptionally(new TeleportException("no region named " + names.getOrDefault(key, key)));
                }
            });
        }
    }
}
