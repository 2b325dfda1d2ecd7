package slnet.handler;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import slnet.protocol.Message;

/**
 * One registered handler: exactly one of {@code sync}, {@code async} and {@code llsd} is set.
 * Immutable but for its removal flag and failure count.
 */
final class HandlerEntry implements Registration {

    /** Which table of the registry holds the entry. */
    enum Kind { TYPED, EVERY_MESSAGE, NAMED_EVENT, EVERY_EVENT }

    final Kind kind;
    final Class<?> type;
    final String eventName;
    final int priority;
    final long order;
    final String name;
    final MessageFilter<Message> filter;
    final MessageHandler<Message> sync;
    final AsyncMessageHandler<Message> async;
    final LlsdEventHandler llsd;
    final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final HandlerRegistry owner;

    @SuppressWarnings("unchecked")
    HandlerEntry(HandlerRegistry owner, Kind kind, Class<?> type, String eventName, int priority, long order, String name,
                 MessageFilter<?> filter, MessageHandler<?> sync, AsyncMessageHandler<?> async, LlsdEventHandler llsd) {
        this.owner = owner;
        this.kind = kind;
        this.type = type;
        this.eventName = eventName;
        this.priority = priority;
        this.order = order;
        this.name = name;
        this.filter = (MessageFilter<Message>) filter;
        this.sync = (MessageHandler<Message>) sync;
        this.async = (AsyncMessageHandler<Message>) async;
        this.llsd = llsd;
    }

    /** Whether this runs before {@code other}: higher priority first, then registration order. */
    boolean runsBefore(HandlerEntry other) {
        return priority != other.priority ? priority > other.priority : order < other.order;
    }

    boolean active() {
        return !removed.get();
    }

    CompletionStage<?> startAsync(Message message, HandlerContext context) throws Exception {
        return async.handle(message, context);
    }

    @Override
    public void remove() {
        if (removed.compareAndSet(false, true)) {
            owner.unregister(this);
        }
    }

    @Override
    public boolean isActive() {
        return !removed.get();
    }

    @Override
    public String toString() {
        String target = switch (kind) {
            case TYPED -> type.getSimpleName();
            case EVERY_MESSAGE -> "every message";
            case NAMED_EVENT -> "event " + eventName;
            case EVERY_EVENT -> "every event";
        };
        return "Registration[" + name + " for " + target + ", priority " + priority
                + (active() ? "" : ", removed") + "]";
    }
}
