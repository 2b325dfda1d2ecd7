package slnet.handler;

import java.util.concurrent.CompletionStage;
import slnet.protocol.Message;

/**
 * Handles one type of message asynchronously. It is <em>started</em> on the dispatching thread, in
 * priority order with the other handlers, and must return quickly; the work it starts may finish on
 * any thread. Dispatch does not wait for the returned stage: the next message of the same circuit
 * may be dispatched (and this handler started again) before it completes. Its outcome is counted
 * when it completes, and a failure logged.
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface AsyncMessageHandler<M extends Message> {

    /**
     * Starts handling a message.
     *
     * @param message the message
     * @param context where it came from
     * @return completes when handling is done, exceptionally if it failed; null counts as done
     * @throws Exception if starting failed (counted like a failed stage)
     */
    CompletionStage<?> handle(M message, HandlerContext context) throws Exception;
}
