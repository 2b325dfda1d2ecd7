/**
 * Routing of inbound messages to handlers: {@link slnet.handler.HandlerRegistry} holds
 * {@link slnet.handler.MessageHandler}s and {@link slnet.handler.AsyncMessageHandler}s per message
 * type (plus every-message ones for tracing) and {@link slnet.handler.LlsdEventHandler}s per
 * event-queue event name, ordered by priority, optionally filtered, each removable through its
 * {@link slnet.handler.Registration}. A handler learns where a message came from through a
 * {@link slnet.handler.HandlerContext}: the client, the {@link slnet.handler.CircuitView},
 * the {@link slnet.handler.RegionView} and the {@link slnet.handler.MessagePath}.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>The registry owns no thread. Handlers run on the thread that calls {@code dispatch}: the
 *       circuit's inbound dispatch thread for UDP (so one circuit's messages are handled in order),
 *       the event queue's thread for event-queue messages and LLSD events.</li>
 *   <li>A synchronous handler delays the next message of its circuit until it returns; an
 *       asynchronous one is started in order and not waited for.</li>
 *   <li>Registering and removing are thread-safe at any time, also from inside a handler.</li>
 *   <li>A throwing handler never stops dispatch: it is logged (message name only) and counted.</li>
 *   <li>{@code CircuitView} and {@code RegionView} are implemented by the circuit and network
 *       layers, which are thread-safe; handlers may keep them.</li>
 * </ul>
 *
 * <p>Template messages that arrive over the event queue are converted to their typed records by
 * the capabilities layer and dispatched like UDP ones, with path {@code EVENT_QUEUE}; only events
 * that have no template message go through {@code dispatchLlsd}.
 */
package slnet.handler;
