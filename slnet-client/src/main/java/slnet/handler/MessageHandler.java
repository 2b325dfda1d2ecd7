package slnet.handler;

import slnet.protocol.Message;

/**
 * Handles one type of message synchronously, on the dispatching thread (for UDP, the circuit's
 * inbound dispatch thread). The next message of the same circuit is not dispatched until it
 * returns, so it must be quick: hand slow work to an executor, or use an
 * {@link AsyncMessageHandler}.
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface MessageHandler<M extends Message> {

    /**
     * Handles a message. An exception is logged (with the message name, never its contents) and
     * counted; the other handlers still run.
     *
     * @param message the message
     * @param context where it came from
     * @throws Exception if handling failed
     */
    void handle(M message, HandlerContext context) throws Exception;
}
