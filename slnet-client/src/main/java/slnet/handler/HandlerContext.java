package slnet.handler;

import java.util.Objects;

/**
 * Where a dispatched message came from and who received it. Immutable; the caller of
 * {@link HandlerRegistry#dispatch} usually keeps one per circuit and path and passes it with every
 * message, so dispatch allocates nothing.
 *
 * @param client the client that received the message (the facade, once it exists), or null when
 *     there is none (e.g. in tests); typed as {@code Object} so this layer does not depend on it
 * @param circuit the circuit the message came from
 * @param region the region the message came from
 * @param path how it came
 */
public record HandlerContext(Object client, CircuitView circuit, RegionView region, MessagePath path) {

    /** Checks that circuit, region and path are present. */
    public HandlerContext {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Returns the client as the type the caller knows it to be.
     *
     * @param type the client's type
     * @param <T> the client's type
     * @return the client
     * @throws IllegalStateException if there is no client or it is not a {@code type}
     */
    public <T> T client(Class<T> type) {
        if (!type.isInstance(client)) {
            throw new IllegalStateException("client is " + (client == null ? "absent" : "a " + client.getClass().getName())
                    + ", not a " + type.getName());
        }
        return type.cast(client);
    }

    /**
     * Returns the same context with another path, e.g. to derive the event-queue context from the
     * UDP one.
     *
     * @param otherPath the path
     * @return a context differing only in its path
     */
    public HandlerContext withPath(MessagePath otherPath) {
        return otherPath == path ? this : new HandlerContext(client, circuit, region, otherPath);
    }
}
