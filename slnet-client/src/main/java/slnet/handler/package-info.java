/**
 * Routing of inbound messages to handlers, and how to write one.
 *
 * <h2>Writing a handler</h2>
 * A handler is a method that takes a typed message record and a {@link slnet.handler.HandlerContext}
 * (the client, the {@link slnet.handler.CircuitView} and {@link slnet.handler.RegionView} it came
 * from, and its {@link slnet.handler.MessagePath}). Register it for its message type; the returned
 * {@link slnet.handler.Registration} removes it again:
 * <pre>{@code
 * Registration r = client.handlers().register(ChatFromSimulator.class, (message, context) -> {
 *     String who = message.chatData().fromName().asString();
 *     log.info("{} in {} said something", who, context.region().name());
 * });
 * }</pre>
 * The same handler sees the message whether it came over UDP or the event queue: template messages
 * that arrive over the event queue (as LLSD) are turned into the same records and dispatched with
 * path {@code EVENT_QUEUE}. Events that have no template message ({@code ChatterBoxInvitation},
 * {@code EstablishAgentCommunication}, ...) go to {@link slnet.handler.LlsdEventHandler}s
 * registered by event name, with the LLSD body.
 *
 * <h2>Order, filters and priorities</h2>
 * Handlers of one message run in priority order (higher first; the client's own facades run at
 * a fixed priority, so a user's handler can run before or after them), each optionally behind a
 * {@link slnet.handler.MessageFilter} (only one region's messages, say, or only UDP ones) set with
 * {@link slnet.handler.RegistrationBuilder}. An {@link slnet.handler.AsyncMessageHandler} returns a
 * future and does not hold up the next message; an every-message handler sees everything, for
 * tracing. {@link slnet.handler.HandlerStats} counts runs and failures.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>The registry owns no thread. Handlers run on the thread that calls {@code dispatch}: the
 *       circuit's inbound dispatch thread for UDP (so one circuit's messages are handled in order),
 *       the event queue's thread for event-queue messages and LLSD events.</li>
 *   <li>A synchronous handler delays the next message of its circuit until it returns: do slow work
 *       (HTTP, waiting for something else) in an asynchronous handler or on another thread.</li>
 *   <li>Registering and removing are thread-safe at any time, also from inside a handler.</li>
 *   <li>A throwing handler never stops dispatch: it is logged (message name only) and counted.</li>
 *   <li>{@code CircuitView} and {@code RegionView} are implemented by the circuit and network
 *       layers, which are thread-safe; handlers may keep them.</li>
 * </ul>
 */
package slnet.handler;
