/**
 * Who a UUID is: legacy names ({@code UUIDNameRequest}/{@code UUIDNameReply}) and display names
 * (the region's {@code GetDisplayNames} capability), batched, cached, as futures.
 *
 * <p>A domain package: above {@code slnet.network}, below the facade. {@link slnet.names.Names}
 * learns only through {@link slnet.handler.HandlerRegistry}, sends on the agent's current circuit
 * and calls the current region's capability; its batching windows and timeouts run on the
 * network manager's scheduler. It owns no thread.
 */
package slnet.names;
