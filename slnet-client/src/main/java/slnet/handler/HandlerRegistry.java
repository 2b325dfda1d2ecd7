package slnet.handler;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;

/**
 * Routes inbound messages to the handlers registered for their type, and named event-queue events
 * to the handlers registered for their name.
 *
 * <h2>Order</h2>
 * For one message, handlers run in priority order (higher first); equal priorities run in
 * registration order. Handlers registered for every message ({@link #registerAll}) are merged into
 * that order by the same rule. A handler registered for a message type receives messages of exactly
 * that class (not subclasses: generated messages are records), so interfaces and abstract classes
 * are refused; use {@link #registerAll} for those.
 *
 * <h2>Threading</h2>
 * {@link #dispatch} runs every handler on the calling thread: for UDP, the circuit's inbound
 * dispatch thread, one per circuit, so messages of one circuit are dispatched one after another,
 * in the order the circuit delivers them. A synchronous handler therefore holds up the next message
 * of its circuit until it returns. An {@link AsyncMessageHandler} is only started in order: the
 * next message does not wait for its stage, whose outcome is counted when it completes, on whatever
 * thread completes it. Event-queue messages and {@link #dispatchLlsd LLSD events} are dispatched on
 * the event queue's thread, so they are not ordered with respect to UDP messages.
 *
 * <p>Registering and removing are thread-safe and may happen at any time, including from a
 * handler during dispatch: registrations are copy-on-write arrays, so a dispatch in progress keeps
 * its snapshot; a handler added during it runs from the next dispatch, and one removed during it is
 * skipped if not yet reached.
 *
 * <h2>Failures</h2>
 * A handler or filter that throws is logged at WARN with the handler's name and the message name
 * (never the message contents), for its first few failures and then one in a thousand, and is
 * counted in {@link #stats()}; the other handlers still run.
 *
 * <h2>Cost</h2>
 * Finding the handlers is one hash lookup by class; dispatch allocates nothing itself (no
 * iterator, list or lambda), apart from the completion callback an asynchronous handler needs.
 */
public final class HandlerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRegistry.class);
    private static final HandlerEntry[] NONE = new HandlerEntry[0];
    /** Failures of one registration logged at WARN before logging only one in {@link #LOG_EVERY}. */
    private static final long LOG_FIRST = 10;
    private static final long LOG_EVERY = 1000;

    private final ConcurrentHashMap<Class<?>, HandlerEntry[]> byType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HandlerEntry[]> byEventName = new ConcurrentHashMap<>();
    private volatile HandlerEntry[] everyMessage = NONE;
    private volatile HandlerEntry[] everyEvent = NONE;
    private final java.util.concurrent.CopyOnWriteArrayList<CircuitClosedHandler> closedHandlers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private long nextOrder;

    private final LongAdder dispatched = new LongAdder();
    private final LongAdder handled = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder unhandled = new LongAdder();

    /** An empty registry. */
    public HandlerRegistry() {
    }

    /**
     * Registers a synchronous handler for one message type, at priority 0.
     *
     * @param type the message class (a generated record)
     * @param handler the handler
     * @param <M> the message type
     * @return its registration
     */
    public <M extends Message> Registration register(Class<M> type, MessageHandler<? super M> handler) {
        return on(type).handle(handler);
    }

    /**
     * Registers a synchronous handler for one message type.
     *
     * @param type the message class (a generated record)
     * @param priority higher runs first
     * @param handler the handler
     * @param <M> the message type
     * @return its registration
     */
    public <M extends Message> Registration register(Class<M> type, int priority, MessageHandler<? super M> handler) {
        return on(type).priority(priority).handle(handler);
    }

    /**
     * Registers an asynchronous handler for one message type, at priority 0.
     *
     * @param type the message class (a generated record)
     * @param handler the handler
     * @param <M> the message type
     * @return its registration
     */
    public <M extends Message> Registration registerAsync(Class<M> type, AsyncMessageHandler<? super M> handler) {
        return on(type).handleAsync(handler);
    }

    /**
     * Starts a registration for one message type with a priority, filter or name.
     *
     * @param type the message class (a generated record)
     * @param <M> the message type
     * @return a builder
     * @throws IllegalArgumentException if {@code type} is an interface or abstract
     */
    public <M extends Message> RegistrationBuilder<M> on(Class<M> type) {
        Objects.requireNonNull(type, "type");
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is not a concrete message class;"
                    + " handlers match exact classes (use registerAll for every message)");
        }
        return new RegistrationBuilder<>(this, type);
    }

    /**
     * Registers a synchronous handler for every message, e.g. for tracing, at priority 0.
     *
     * @param handler the handler
     * @return its registration
     */
    public Registration registerAll(MessageHandler<Message> handler) {
        return onEveryMessage().handle(handler);
    }

    /**
     * Starts a registration for every message with a priority, filter or name.
     *
     * @return a builder
     */
    public RegistrationBuilder<Message> onEveryMessage() {
        return new RegistrationBuilder<>(this, null);
    }

    /**
     * Registers a handler for a named event-queue event without a template message, at priority 0.
     *
     * @param eventName the event's {@code message} name, e.g. {@code "TeleportFinish"}
     * @param handler the handler
     * @return its registration
     */
    public Registration registerLlsd(String eventName, LlsdEventHandler handler) {
        return registerLlsd(eventName, 0, handler);
    }

    /**
     * Registers a handler for a named event-queue event without a template message.
     *
     * @param eventName the event's {@code message} name
     * @param priority higher runs first
     * @param handler the handler
     * @return its registration
     */
    public Registration registerLlsd(String eventName, int priority, LlsdEventHandler handler) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(handler, "handler");
        synchronized (writeLock) {
            HandlerEntry entry = new HandlerEntry(this, HandlerEntry.Kind.NAMED_EVENT, null, eventName, priority,
                    nextOrder++, handler.getClass().getName(), null, null, null, handler);
            byEventName.put(eventName, inserted(byEventName.getOrDefault(eventName, NONE), entry));
            return entry;
        }
    }

    /**
     * Registers a handler for every named event-queue event dispatched through
     * {@link #dispatchLlsd}, e.g. for tracing, merged into each event's priority order.
     *
     * @param priority higher runs first
     * @param handler the handler
     * @return its registration
     */
    public Registration registerAllLlsd(int priority, LlsdEventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        synchronized (writeLock) {
            HandlerEntry entry = new HandlerEntry(this, HandlerEntry.Kind.EVERY_EVENT, null, null, priority,
                    nextOrder++, handler.getClass().getName(), null, null, null, handler);
            everyEvent = inserted(everyEvent, entry);
            return entry;
        }
    }

    /** Called by {@link RegistrationBuilder}; {@code type} null means every message. */
    Registration add(Class<?> type, int priority, String name, MessageFilter<?> filter,
                     MessageHandler<?> sync, AsyncMessageHandler<?> async) {
        synchronized (writeLock) {
            HandlerEntry.Kind kind = type == null ? HandlerEntry.Kind.EVERY_MESSAGE : HandlerEntry.Kind.TYPED;
            HandlerEntry entry = new HandlerEntry(this, kind, type, null, priority, nextOrder++, name,
                    filter, sync, async, null);
            if (type == null) {
                everyMessage = inserted(everyMessage, entry);
            } else {
                byType.put(type, inserted(byType.getOrDefault(type, NONE), entry));
            }
            return entry;
        }
    }

    /** Called once per entry by {@link HandlerEntry#remove()}. */
    void unregister(HandlerEntry entry) {
        synchronized (writeLock) {
            switch (entry.kind) {
                case TYPED -> byType.computeIfPresent(entry.type, (k, entries) -> nullIfEmpty(removed(entries, entry)));
                case EVERY_MESSAGE -> everyMessage = removed(everyMessage, entry);
                case NAMED_EVENT -> byEventName.computeIfPresent(entry.eventName,
                        (k, entries) -> nullIfEmpty(removed(entries, entry)));
                case EVERY_EVENT -> everyEvent = removed(everyEvent, entry);
            }
        }
    }

    /**
     * Runs the handlers for {@code message}: those for its class and those for every message, in
     * priority order, on the calling thread.
     *
     * @param message the message
     * @param context where it came from; usually one kept per circuit and path
     * @return how many handlers ran (were not filtered out or removed), successful or not
     */
    public int dispatch(Message message, HandlerContext context) {
        dispatched.increment();
        HandlerEntry[] typed = byType.get(message.getClass());
        if (typed == null) {
            typed = NONE;
        }
        HandlerEntry[] every = everyMessage;
        int ran = 0;
        int i = 0;
        int j = 0;
        while (i < typed.length || j < every.length) {
            HandlerEntry entry = j >= every.length || (i < typed.length && typed[i].runsBefore(every[j]))
                    ? typed[i++] : every[j++];
            if (run(entry, message, context)) {
                ran++;
            }
        }
        if (ran == 0) {
            unhandled.increment();
        }
        return ran;
    }

    /**
     * Runs the handlers registered for the named event-queue event and those for every event, in
     * priority order, on the calling thread.
     *
     * @param eventName the event's {@code message} name
     * @param body the event's {@code body}
     * @param context where it came from
     * @return how many handlers ran, successful or not
     */
    public int dispatchLlsd(String eventName, Llsd body, HandlerContext context) {
        dispatched.increment();
        HandlerEntry[] named = byEventName.getOrDefault(eventName, NONE);
        HandlerEntry[] every = everyEvent;
        int ran = 0;
        int i = 0;
        int j = 0;
        while (i < named.length || j < every.length) {
            HandlerEntry entry = j >= every.length || (i < named.length && named[i].runsBefore(every[j]))
                    ? named[i++] : every[j++];
            if (!entry.active()) {
                continue;
            }
            ran++;
            try {
                entry.llsd.handle(eventName, body, context);
                handled.increment();
            } catch (Exception | LinkageError | AssertionError e) {
                failed(entry, eventName, e);
            }
        }
        if (ran == 0) {
            unhandled.increment();
        }
        return ran;
    }

    private boolean run(HandlerEntry entry, Message message, HandlerContext context) {
        if (!entry.active()) {
            return false;
        }
        try {
            if (entry.filter != null && !entry.filter.shouldHandle(message, context)) {
                filtered.increment();
                return false;
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed(entry, message.descriptor().name(), e);
            return false;
        }
        try {
            if (entry.sync != null) {
                entry.sync.handle(message, context);
                handled.increment();
            } else {
                CompletionStage<?> stage = entry.startAsync(message, context);
                if (stage == null) {
                    handled.increment();
                } else {
                    stage.whenComplete((result, error) -> {
                        if (error == null) {
                            handled.increment();
                        } else {
                            failed(entry, message.descriptor().name(), error);
                        }
                    });
                }
            }
        } catch (Exception | LinkageError | AssertionError e) {
            failed(entry, message.descriptor().name(), e);
        }
        return true;
    }

    private void failed(HandlerEntry entry, String what, Throwable error) {
        failures.increment();
        long count = entry.failures.incrementAndGet();
        if (count <= LOG_FIRST || count % LOG_EVERY == 0) {
            LOG.warn("handler {} failed on {} (failure {} of this handler)", entry.name, what, count, error);
        }
    }

    /**
     * Something to tell when a circuit closes (lost, left, or the session ended), so that state kept
     * per circuit (a region's objects) can be dropped.
     */
    @FunctionalInterface
    public interface CircuitClosedHandler {
        /**
         * Called once per closed circuit, on the thread that closed it; must not block.
         *
         * @param context the circuit's context (the same one its messages were dispatched with)
         */
        void circuitClosed(HandlerContext context);
    }

    /**
     * Registers a handler told when a circuit closes.
     *
     * @param handler the handler
     * @return its registration
     */
    public Registration onCircuitClosed(CircuitClosedHandler handler) {
        Objects.requireNonNull(handler, "handler");
        closedHandlers.add(handler);
        return new Registration() {
            @Override
            public void remove() {
                closedHandlers.remove(handler);
            }

            @Override
            public boolean isActive() {
                return closedHandlers.contains(handler);
            }
        };
    }

    /**
     * Tells the circuit-closed handlers that a circuit closed; a handler that throws is logged and
     * counted like a failing message handler.
     *
     * @param context the circuit's context
     */
    public void dispatchCircuitClosed(HandlerContext context) {
        for (CircuitClosedHandler handler : closedHandlers) {
            try {
                handler.circuitClosed(context);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failures.increment();
                LOG.warn("circuit-closed handler {} failed", handler.getClass().getName(), e);
            }
        }
    }

    /**
     * Returns a snapshot of the counters.
     *
     * @return the stats
     */
    public HandlerStats stats() {
        return new HandlerStats(dispatched.sum(), handled.sum(), failures.sum(), filtered.sum(), unhandled.sum());
    }

    /**
     * Tells whether any handler would see messages of {@code type} (its own or every-message ones).
     *
     * @param type the message class
     * @return true if at least one is registered
     */
    public boolean hasHandlers(Class<? extends Message> type) {
        return everyMessage.length > 0 || byType.getOrDefault(type, NONE).length > 0;
    }

    private static HandlerEntry[] inserted(HandlerEntry[] entries, HandlerEntry entry) {
        int at = 0;
        while (at < entries.length && entries[at].runsBefore(entry)) {
            at++;
        }
        HandlerEntry[] copy = new HandlerEntry[entries.length + 1];
        System.arraycopy(entries, 0, copy, 0, at);
        copy[at] = entry;
        System.arraycopy(entries, at, copy, at + 1, entries.length - at);
        return copy;
    }

    private static HandlerEntry[] removed(HandlerEntry[] entries, HandlerEntry entry) {
        HandlerEntry[] copy = Arrays.stream(entries).filter(e -> e != entry).toArray(HandlerEntry[]::new);
        return copy.length == 0 ? NONE : copy;
    }

    /** Null removes the map key, so types whose handlers all left cost nothing. */
    private static HandlerEntry[] nullIfEmpty(HandlerEntry[] entries) {
        return entries.length == 0 ? null : entries;
    }

    @Override
    public String toString() {
        return "HandlerRegistry[types=" + byType.size() + ", everyMessage=" + everyMessage.length
                + ", events=" + byEventName.size() + "]";
    }
}
