package slnet.caps;

import java.util.Objects;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;

/**
 * One event from a region's event queue: a template message (the same record the UDP path
 * gives) or, for events the template does not know, the named LLSD body.
 */
public sealed interface EventQueueEvent {

    /**
     * Returns the event's name, e.g. {@code TeleportFinish}.
     *
     * @return the event's name, e.g. {@code TeleportFinish}
     */
    String name();

    /**
     * An event the template knows, decoded into its generated record.
     *
     * @param message the message
     */
    record TypedEvent(Message message) implements EventQueueEvent {
        /** Validates. */
        public TypedEvent {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String name() {
            return message.descriptor().name();
        }
    }

    /**
     * An LLSD-only event (such as {@code EstablishAgentCommunication} or
     * {@code ChatterBoxSessionStartReply}), or a template event whose body did not fit its message.
     *
     * @param name the event's name
     * @param body its body
     */
    record LlsdEvent(String name, Llsd body) implements EventQueueEvent {
        /** Validates. */
        public LlsdEvent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }
}
