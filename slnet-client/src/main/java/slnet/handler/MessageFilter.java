package slnet.handler;

import slnet.protocol.Message;

/**
 * Decides, before a handler runs, whether it should see a message, e.g. only messages from one
 * region, or only UDP ones. Runs on the dispatching thread; must be quick and must not throw (if
 * it does, the handler is skipped and the failure counted).
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface MessageFilter<M extends Message> {

    /**
     * Tells whether the handler should run for this message.
     *
     * @param message the message
     * @param context where it came from
     * @return true to run the handler
     */
    boolean shouldHandle(M message, HandlerContext context);
}
