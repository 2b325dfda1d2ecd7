package slnet.caps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import slnet.caps.internal.LlsdFieldCodec;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.MessageFields;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.MessageRegistry;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.Messages;

/**
 * Maps template messages to and from the LLSD bodies they have on the event queue: a map of block
 * name to an array of maps of field name to value (see {@link slnet.caps.internal.LlsdFieldCodec}
 * for the value forms).
 *
 * <p>Reading is lenient, as servers differ: absent fields take their type's zero value, absent
 * blocks are empty (a Single block gets one entry of zeros), a Single block may be a bare map
 * rather than an array of one, and extra keys are ignored. A value that cannot be read as its
 * field's type is an error.
 *
 * <p>Stateless and thread-safe.
 */
public final class LlsdMessageMapper {
    private static final LlsdMessageMapper DEFAULT = new LlsdMessageMapper(Messages.REGISTRY);

    private final MessageRegistry registry;

    /**
     * Sets where message names are looked up.
     *
     * @param registry where message names are looked up
     */
    public LlsdMessageMapper(MessageRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Returns a mapper over the generated template messages.
     *
     * @return a mapper over the generated template messages
     */
    public static LlsdMessageMapper standard() {
        return DEFAULT;
    }

    /**
     * Finds the template message of a name.
     *
     * @param name an event name
     * @return its descriptor, or null when the template has no such message (an LLSD-only event)
     */
    public MessageDescriptor find(String name) {
        return registry.byName(name);
    }

    /**
     * Turns an event into what a sink receives: the typed message when the template has one of
     * that name, else the named LLSD event.
     *
     * @param name the event's {@code message}
     * @param body the event's {@code body}
     * @return the event
     * @throws LlsdMessageException if the template has the message but the body does not fit it
     */
    public EventQueueEvent toEvent(String name, Llsd body) throws LlsdMessageException {
        MessageDescriptor descriptor = find(name);
        return descriptor == null ? new EventQueueEvent.LlsdEvent(name, body)
                : new EventQueueEvent.TypedEvent(toMessage(descriptor, body));
    }

    /**
     * Builds a typed message from its event-queue body.
     *
     * @param descriptor the message
     * @param body its body
     * @return the generated record
     * @throws LlsdMessageException naming the block and field that does not fit
     */
    public Message toMessage(MessageDescriptor descriptor, Llsd body) throws LlsdMessageException {
        if (!(body instanceof Llsd.Map) && !body.isUndefined()) {
            throw new LlsdMessageException(descriptor.name() + " body must be a map, not " + body.type(), null);
        }
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        for (BlockDescriptor block : descriptor.blocks()) {
            Llsd entries = body.get(block.name());
            List<Llsd> list = entries instanceof Llsd.Map ? List.of(entries) : entries.asList();
            if (!entries.isUndefined() && !(entries instanceof Llsd.Map) && !(entries instanceof Llsd.Array)) {
                throw new LlsdMessageException(descriptor.name() + "." + block.name()
                        + " must be an array of maps, not " + entries.type(), null);
            }
            int expected = switch (block.cardinality()) {
                case SINGLE -> 1;
                case MULTIPLE -> block.count();
                case VARIABLE -> -1;
            };
            if (expected >= 0 && list.isEmpty()) {
                list = java.util.Collections.nCopies(expected, Llsd.undef());
            }
            if (expected >= 0 && list.size() != expected) {
                throw new LlsdMessageException(descriptor.name() + "." + block.name() + " must have " + expected
                        + " entries, not " + list.size(), null);
            }
            if (list.size() > 255) {
                throw new LlsdMessageException(descriptor.name() + "." + block.name() + " has " + list.size()
                        + " entries, over the template's 255", null);
            }
            List<Map<String, Object>> maps = new ArrayList<>(list.size());
            for (Llsd entry : list) {
                if (!entry.isUndefined() && !(entry instanceof Llsd.Map)) {
                    throw new LlsdMessageException(descriptor.name() + "." + block.name()
                            + " entries must be maps, not " + entry.type(), null);
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor field : block.fields()) {
                    try {
                        fields.put(field.name(), LlsdFieldCodec.fromLlsd(field, entry.get(field.name())));
                    } catch (LlsdFieldCodec.FieldException e) {
                        throw new LlsdMessageException(descriptor.name() + "." + block.name() + "." + e.getMessage(), e);
                    }
                }
                maps.add(fields);
            }
            blocks.put(block.name(), maps);
        }
        try {
            return new MessageFields(descriptor, blocks).toMessage();
        } catch (IllegalArgumentException e) {
            throw new LlsdMessageException(descriptor.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a typed message as its event-queue body, in the forms Second Life's servers use.
     *
     * @param message the message
     * @return a map of block name to an array of maps of field name to value
     */
    public Llsd.Map toLlsd(Message message) {
        MessageFields generic = MessageFields.of(message);
        Llsd.Map.Builder body = Llsd.map();
        for (BlockDescriptor block : message.descriptor().blocks()) {
            List<Llsd> entries = new ArrayList<>();
            for (Map<String, Object> entry : generic.blocks().getOrDefault(block.name(), List.of())) {
                Llsd.Map.Builder fields = Llsd.map();
                for (FieldDescriptor field : block.fields()) {
                    fields.put(field.name(), LlsdFieldCodec.toLlsd(field, entry.get(field.name())));
                }
                entries.add(fields.build());
            }
            body.put(block.name(), Llsd.arrayOf(entries));
        }
        return body.build();
    }
}
