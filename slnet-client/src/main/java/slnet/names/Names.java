package slnet.names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.Registration;
import slnet.network.NetworkManager;
import slnet.network.RegionCapabilityAccess;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.UUIDNameReply;
import slnet.protocol.messages.UUIDNameRequest;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * Resolves agent ids to names, as the viewer's name cache does: legacy names with
 * {@code UUIDNameRequest} (answered by {@code UUIDNameReply}) on the agent's current circuit, and
 * display names with the current region's {@code GetDisplayNames} capability (a GET with one
 * {@code ids} parameter per id), falling back to the legacy name where the region does not offer it.
 *
 * <h2>Batching, caching, failing</h2>
 * Ids asked for within one {@linkplain Config#batchWindow() batch window} go out together, at most
 * {@value #MAX_IDS_PER_REQUEST} per message or call; asking again for an id already on its way
 * shares its future. Answers are cached (bounded, least recently used dropped first; legacy names
 * come with display names too, and every {@code UUIDNameReply} is cached, asked for or not). A
 * future fails with a {@link NameLookupException}: {@code TIMEOUT} when no answer came within
 * {@linkplain Config#timeout() the timeout}, {@code NOT_CONNECTED}, {@code UNKNOWN_ID},
 * {@code FAILED} or {@code CLOSED}.
 *
 * <h2>Threading and ownership</h2>
 * Thread-safe; never blocks. Windows and timeouts run on the injected {@link Scheduler} (the
 * network manager's); a future completes on the thread that received its answer (a circuit's
 * dispatch thread, the HTTP client's executor, or the scheduler's), so use the {@code ...Async}
 * forms for slow work. Owns no thread; {@link #close()} removes its handler and fails what is
 * waiting. Idempotent.
 */
public final class Names implements AutoCloseable {
    /** The most ids in one {@code UUIDNameRequest} or one {@code GetDisplayNames} call. */
    public static final int MAX_IDS_PER_REQUEST = 50;
    /** The display-name capability's name. */
    public static final String DISPLAY_NAMES_CAPABILITY = "GetDisplayNames";

    private final Scheduler scheduler;
    private final Supplier<Optional<CircuitView>> circuit;
    private final Supplier<Optional<RegionCapabilityAccess>> capabilities;
    private final Config config;
    private final Registration registration;
    private final Cache<String> legacy;
    private final Cache<DisplayName> display;
    private final Batcher<String> legacyLookups;
    private final Batcher<DisplayName> displayLookups;
    private volatile boolean closed;

    /**
     * How {@link Names} batches and waits. Validated when made.
     *
     * @param batchWindow how long ids gather before a request goes out (positive)
     * @param timeout how long a request may go unanswered before its futures fail (positive)
     * @param cacheSize how many names of each kind are kept (positive)
     */
    public record Config(Duration batchWindow, Duration timeout, int cacheSize) {
        /** 50 ms to gather ids, 10 s for an answer, 10,000 names kept. */
        public static final Config DEFAULTS = new Config(Duration.ofMillis(50), Duration.ofSeconds(10), 10_000);

        /** Rejects nulls and non-positive values. */
        public Config {
            Objects.requireNonNull(batchWindow, "batchWindow");
            Objects.requireNonNull(timeout, "timeout");
            if (batchWindow.isNegative() || batchWindow.isZero() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("batchWindow and timeout must be positive");
            }
            if (cacheSize <= 0) {
                throw new IllegalArgumentException("cacheSize must be positive: " + cacheSize);
            }
        }
    }

    /**
     * Names for a network manager: asks on its primary circuit and region, times with its scheduler.
     *
     * @param network the manager
     * @param config batching and timeouts
     * @return the names; close to detach
     */
    public static Names attach(NetworkManager network, Config config) {
        return new Names(network.handlers(), network.scheduler(),
                () -> network.primaryContext().map(HandlerContext::circuit), network::capabilities, config);
    }

    /**
     * Names on any handler registry (tests drive it with a {@link slnet.time.ManualScheduler}).
     *
     * @param handlers where its {@code UUIDNameReply} handler goes
     * @param scheduler times batch windows and timeouts
     * @param circuit the circuit to ask on, while there is one
     * @param capabilities the current region's capabilities, while known
     * @param config batching and timeouts
     */
    public Names(HandlerRegistry handlers, Scheduler scheduler, Supplier<Optional<CircuitView>> circuit,
                 Supplier<Optional<RegionCapabilityAccess>> capabilities, Config config) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.config = Objects.requireNonNull(config, "config");
        legacy = new Cache<>(config.cacheSize());
        display = new Cache<>(config.cacheSize());
        legacyLookups = new Batcher<>("legacy name", this::sendLegacy);
        displayLookups = new Batcher<>("display name", this::sendDisplay);
        registration = handlers.register(UUIDNameReply.class, this::onReply);
    }

    // ---------------------------------------------------------------- lookups

    /**
     * Returns completes with "First Last".
     *
     * @param id an agent
     * @return completes with "First Last"
     */
    public CompletableFuture<String> legacyName(UUID id) {
        Objects.requireNonNull(id, "id");
        Optional<String> known = legacy.get(id);
        return known.isPresent() ? CompletableFuture.completedFuture(known.get()) : legacyLookups.ask(id).copy();
    }

    /**
     * Returns completes with every id's name once all are in, or fails with the first failure.
     *
     * @param ids agents
     * @return completes with every id's name once all are in, or fails with the first failure
     */
    public CompletableFuture<Map<UUID, String>> legacyNames(Collection<UUID> ids) {
        return all(ids, this::legacyName);
    }

    /**
     * Returns its legacy name if it is cached.
     *
     * @param id an agent
     * @return its legacy name if it is cached
     */
    public Optional<String> cachedLegacyName(UUID id) {
        return legacy.get(id);
    }

    /**
     * Returns completes with its display name (made from the legacy name where the region offers no {@value #DISPLAY_NAMES_CAPABILITY}).
     *
     * @param id an agent
     * @return completes with its display name (made from the legacy name where the region offers no
     *     {@value #DISPLAY_NAMES_CAPABILITY})
     */
    public CompletableFuture<DisplayName> displayName(UUID id) {
        Objects.requireNonNull(id, "id");
        Optional<DisplayName> known = display.get(id);
        return known.isPresent() ? CompletableFuture.completedFuture(known.get()) : displayLookups.ask(id).copy();
    }

    /**
     * Returns completes with every id's display name once all are in, or fails with the first failure.
     *
     * @param ids agents
     * @return completes with every id's display name once all are in, or fails with the first failure
     */
    public CompletableFuture<Map<UUID, DisplayName>> displayNames(Collection<UUID> ids) {
        return all(ids, this::displayName);
    }

    /**
     * Returns its display name if it is cached.
     *
     * @param id an agent
     * @return its display name if it is cached
     */
    public Optional<DisplayName> cachedDisplayName(UUID id) {
        return display.get(id);
    }

    /**
     * Returns true if the current region offers {@value #DISPLAY_NAMES_CAPABILITY}.
     *
     * @return true if the current region offers {@value #DISPLAY_NAMES_CAPABILITY}
     */
    public boolean displayNamesOffered() {
        return capabilities.get().map(c -> c.granted().has(DISPLAY_NAMES_CAPABILITY)).orElse(false);
    }

    /** Removes the handler and fails every waiting future with {@code CLOSED}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        registration.remove();
        legacyLookups.failAll(NameLookupException.Kind.CLOSED, "closed");
        displayLookups.failAll(NameLookupException.Kind.CLOSED, "closed");
    }

    @Override
    public String toString() {
        return "Names[" + legacy.size() + " legacy, " + display.size() + " display cached]";
    }

    static String join(String first, String last) {
        return (first + " " + last).strip();
    }

    // ---------------------------------------------------------------- sending and answers

    private void sendLegacy(List<UUID> ids, Batcher<String> batch) {
        Optional<CircuitView> on = circuit.get();
        if (on.isEmpty() || !on.get().isOpen()) {
            batch.fail(ids, NameLookupException.Kind.NOT_CONNECTED, "no circuit to ask on");
            return;
        }
        List<UUIDNameRequest.UUIDNameBlock> blocks = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            blocks.add(new UUIDNameRequest.UUIDNameBlock(id));
        }
        on.get().send(new UUIDNameRequest(blocks), true);
    }

    private void onReply(UUIDNameReply message, HandlerContext context) {
        for (UUIDNameReply.UUIDNameBlock b : message.uuidNameBlock()) {
            String name = join(b.firstName().asString(), b.lastName().asString());
            legacy.put(b.id(), name);
            legacyLookups.answer(b.id(), name);
        }
    }

    private void sendDisplay(List<UUID> ids, Batcher<DisplayName> batch) {
        Optional<RegionCapabilityAccess> caps = capabilities.get();
        if (caps.isEmpty() || !caps.get().granted().has(DISPLAY_NAMES_CAPABILITY)) {
            for (UUID id : ids) { // as the viewer does without the capability: the legacy name stands in
                legacyName(id).whenComplete((name, failure) -> {
                    if (failure != null) {
                        batch.fail(List.of(id), cause(failure));
                    } else {
                        int space = name.indexOf(' ');
                        DisplayName d = DisplayName.ofLegacy(id, space < 0 ? name : name.substring(0, space),
                                space < 0 ? "" : name.substring(space + 1));
                        display.put(id, d);
                        batch.answer(id, d);
                    }
                });
            }
            return;
        }
        StringBuilder query = new StringBuilder(ids.size() * 41);
        for (UUID id : ids) {
            query.append(query.isEmpty() ? "" : "&").append("ids=").append(id);
        }
        caps.get().getAsync(DISPLAY_NAMES_CAPABILITY, query.toString()).whenComplete((answer, failure) -> {
            if (failure != null) {
                Throwable c = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                batch.fail(ids, new NameLookupException(NameLookupException.Kind.FAILED, null,
                        DISPLAY_NAMES_CAPABILITY + " failed: " + c.getMessage(), c));
                return;
            }
            onDisplayNames(answer, ids, batch);
        });
    }

    private void onDisplayNames(Llsd answer, List<UUID> asked, Batcher<DisplayName> batch) {
        for (Llsd agent : answer.get("agents").asList()) {
            UUID id = agent.get("id").asUuid();
            String first = agent.get("legacy_first_name").asString();
            String last = agent.get("legacy_last_name").asString();
            String shown = agent.get("display_name").asString();
            DisplayName d = new DisplayName(id, agent.get("username").asString(), shown.isEmpty() ? join(first, last)
                    : shown, first, last, agent.get("is_display_name_default").asBoolean());
            display.put(id, d);
            if (!first.isEmpty()) {
                legacy.put(id, d.legacyName());
            }
            batch.answer(id, d);
        }
        // Whatever the answer did not name (bad_ids, or left out) is not known there.
        batch.fail(asked, NameLookupException.Kind.UNKNOWN_ID, DISPLAY_NAMES_CAPABILITY + " does not know it");
    }

    private static NameLookupException cause(Throwable failure) {
        Throwable c = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return c instanceof NameLookupException n ? n
                : new NameLookupException(NameLookupException.Kind.FAILED, null, String.valueOf(c.getMessage()), c);
    }

    private static <V> CompletableFuture<Map<UUID, V>> all(Collection<UUID> ids,
                                                          java.util.function.Function<UUID, CompletableFuture<V>> one) {
        Map<UUID, CompletableFuture<V>> futures = new LinkedHashMap<>();
        for (UUID id : ids) {
            futures.computeIfAbsent(Objects.requireNonNull(id, "id"), one);
        }
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<UUID, V> names = new LinkedHashMap<>();
            futures.forEach((id, f) -> names.put(id, f.join()));
            return names;
        });
    }

    // ---------------------------------------------------------------- internals

    /** A bounded map, least recently used dropped first. */
    private static final class Cache<V> {
        private final LinkedHashMap<UUID, V> map;

        Cache(int capacity) {
            map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Optional<V> get(UUID id) {
            return Optional.ofNullable(map.get(id));
        }

        synchronized void put(UUID id, V value) {
            map.put(id, value);
        }

        synchronized int size() {
            return map.size();
        }
    }

    /** What was asked for and not answered yet. */
    private record Waiting<V>(CompletableFuture<V> future, long batch) {
    }

    /** Gathers ids for one batch window, sends them in bounded requests, times them out. */
    private final class Batcher<V> {
        private final String what;
        private final java.util.function.BiConsumer<List<UUID>, Batcher<V>> sender;
        private final Map<UUID, Waiting<V>> waiting = new HashMap<>();
        private final LinkedHashSet<UUID> queued = new LinkedHashSet<>();
        private ScheduledTask flush;
        private long batches;

        Batcher(String what, java.util.function.BiConsumer<List<UUID>, Batcher<V>> sender) {
            this.what = what;
            this.sender = sender;
        }

        CompletableFuture<V> ask(UUID id) {
            CompletableFuture<V> future;
            synchronized (this) {
                Waiting<V> w = waiting.get(id);
                if (w != null) {
                    return w.future();
                }
                future = new CompletableFuture<>();
                if (closed) {
                    future.completeExceptionally(new NameLookupException(NameLookupException.Kind.CLOSED, id,
                            "names service is closed", null));
                    return future;
                }
                waiting.put(id, new Waiting<>(future, batches));
                queued.add(id);
                if (flush != null) {
                    return future;
                }
                try {
                    flush = scheduler.schedule(this::flush, config.batchWindow().toNanos());
                } catch (RejectedExecutionException e) {
                    flush = null;
                }
            }
            if (flush == null) {
                fail(List.of(id), NameLookupException.Kind.CLOSED, "the scheduler is closed");
            }
            return future;
        }

        private void flush() {
            List<UUID> ids;
            long batch;
            synchronized (this) {
                ids = new ArrayList<>(queued);
                queued.clear();
                flush = null;
                batch = batches++;
            }
            for (int from = 0; from < ids.size(); from += MAX_IDS_PER_REQUEST) {
                List<UUID> chunk = List.copyOf(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_REQUEST)));
                try {
                    scheduler.schedule(() -> expire(chunk, batch), config.timeout().toNanos());
                } catch (RejectedExecutionException e) {
                    fail(chunk, NameLookupException.Kind.CLOSED, "the scheduler is closed");
                    continue;
                }
                try {
                    sender.accept(chunk, this);
                } catch (RuntimeException e) {
                    fail(chunk, new NameLookupException(NameLookupException.Kind.FAILED, null,
                            "asking for " + what + "s failed: " + e, e));
                }
            }
        }

        private void expire(List<UUID> ids, long batch) {
            for (UUID id : ids) {
                Waiting<V> w;
                synchronized (this) {
                    w = waiting.get(id);
                    if (w == null || w.batch() != batch) {
                        continue;
                    }
                    waiting.remove(id);
                }
                w.future().completeExceptionally(new NameLookupException(NameLookupException.Kind.TIMEOUT, id,
                        "no " + what + " for " + id + " within " + config.timeout().toMillis() + " ms", null));
            }
        }

        void answer(UUID id, V value) {
            Waiting<V> w;
            synchronized (this) {
                w = waiting.remove(id);
            }
            if (w != null) {
                w.future().complete(value);
            }
        }

        void fail(List<UUID> ids, NameLookupException.Kind kind, String why) {
            forEachRemoved(ids, (id, f) -> f.completeExceptionally(
                    new NameLookupException(kind, id, what + " of " + id + ": " + why, null)));
        }

        void fail(List<UUID> ids, NameLookupException failure) {
            forEachRemoved(ids, (id, f) -> f.completeExceptionally(failure));
        }

        void failAll(NameLookupException.Kind kind, String why) {
            List<UUID> ids;
            synchronized (this) {
                ids = new ArrayList<>(waiting.keySet());
                if (flush != null) {
                    flush.cancel();
                    flush = null;
                }
                queued.clear();
            }
            fail(ids, kind, why);
        }

        private void forEachRemoved(List<UUID> ids, java.util.function.BiConsumer<UUID, CompletableFuture<V>> action) {
            for (UUID id : ids) {
                Waiting<V> w;
                synchronized (this) {
                    w = waiting.remove(id);
                }
                if (w != null) {
                    action.accept(id, w.future());
                }
            }
        }
    }
}
