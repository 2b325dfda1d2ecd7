package slnet.handler;

import slnet.protocol.llsd.Llsd;

/**
 * Handles a named event-queue event that has no template message (e.g.
 * {@code EstablishAgentCommunication}, {@code TeleportFinish}), given its LLSD body. Runs
 * synchronously on the thread that dispatches event-queue events, under the same rules as a
 * {@link MessageHandler}.
 */
@FunctionalInterface
public interface LlsdEventHandler {

    /**
     * Handles an event. An exception is logged (with the event name, never the body) and counted.
     *
     * @param eventName the event's {@code message} name
     * @param body the event's {@code body}
     * @param context where it came from (path {@link MessagePath#EVENT_QUEUE})
     * @throws Exception if handling failed
     */
    void handle(String eventName, Llsd body, HandlerContext context) throws Exception;
}
