package slnet.handler;

import java.util.Objects;
import slnet.protocol.Message;

/**
 * Describes a handler registration before it is made: priority, filter and a name for logs.
 * Obtained from {@link HandlerRegistry#on(Class)} or {@link HandlerRegistry#onEveryMessage()};
 * finished by {@link #handle} or {@link #handleAsync}. Not thread-safe; meant to be used in one
 * expression.
 *
 * @param <M> the message type
 */
public final class RegistrationBuilder<M extends Message> {

    private final HandlerRegistry registry;
    private final Class<M> type;
    private int priority;
    private MessageFilter<? super M> filter;
    private String name;

    RegistrationBuilder(HandlerRegistry registry, Class<M> type) {
        this.registry = registry;
        this.type = type;
    }

    /**
     * Sets the priority: higher runs first; equal priorities run in registration order. Default 0.
     *
     * @param value the priority
     * @return this
     */
    public RegistrationBuilder<M> priority(int value) {
        this.priority = value;
        return this;
    }

    /**
     * Sets a filter that decides per message whether the handler runs.
     *
     * @param value the filter
     * @return this
     */
    public RegistrationBuilder<M> filter(MessageFilter<? super M> value) {
        this.filter = Objects.requireNonNull(value, "filter");
        return this;
    }

    /**
     * Names the handler in logs; default: the handler's class name.
     *
     * @param value the name
     * @return this
     */
    public RegistrationBuilder<M> name(String value) {
        this.name = Objects.requireNonNull(value, "name");
        return this;
    }

    /**
     * Registers a synchronous handler.
     *
     * @param handler the handler
     * @return its registration
     */
    public Registration handle(MessageHandler<? super M> handler) {
        Objects.requireNonNull(handler, "handler");
        return registry.add(type, priority, nameOr(handler), filter, handler, null);
    }

    /**
     * Registers an asynchronous handler.
     *
     * @param handler the handler
     * @return its registration
     */
    public Registration handleAsync(AsyncMessageHandler<? super M> handler) {
        Objects.requireNonNull(handler, "handler");
        return registry.add(type, priority, nameOr(handler), filter, null, handler);
    }

    private String nameOr(Object handler) {
        return name != null ? name : handler.getClass().getName();
    }
}
