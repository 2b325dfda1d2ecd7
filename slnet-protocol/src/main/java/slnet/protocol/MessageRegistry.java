package slnet.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a message's descriptor by its wire number or its name, and decodes its body. The generated
 * {@code slnet.protocol.messages.Messages.REGISTRY} holds every message of the template.
 * Immutable and thread-safe.
 */
public final class MessageRegistry {

    /** Decodes the body of the message at a template index; generated with the messages. */
    @FunctionalInterface
    public interface BodyDecoder {
        /**
         * Decodes a message body.
         *
         * @param index the message's {@link MessageDescriptor#index()}
         * @param in the reader, positioned after the message number
         * @return the message
         * @throws PacketDecodeException if the bytes are not a valid body
         */
        Message decode(int index, WireReader in) throws PacketDecodeException;
    }

    private final List<MessageDescriptor> all;
    private final MessageDescriptor[] high = new MessageDescriptor[256];
    private final MessageDescriptor[] medium = new MessageDescriptor[256];
    private final MessageDescriptor[] low = new MessageDescriptor[65536];
    private final MessageDescriptor[] fixed = new MessageDescriptor[256];
    private final Map<String, MessageDescriptor> byName = new HashMap<>();
    private final BodyDecoder decoder;

    private MessageRegistry(List<MessageDescriptor> descriptors, BodyDecoder decoder) {
        this.all = List.copyOf(descriptors);
        this.decoder = decoder;
        for (int i = 0; i < all.size(); i++) {
            MessageDescriptor descriptor = all.get(i);
            if (descriptor.index() != i) {
                throw new IllegalArgumentException(descriptor.name() + " has index " + descriptor.index()
                        + " but is at position " + i);
            }
            MessageDescriptor[] table = table(descriptor.frequency());
            if (table[descriptor.number()] != null || byName.put(descriptor.name(), descriptor) != null) {
                throw new IllegalArgumentException("duplicate message " + descriptor.name());
            }
            table[descriptor.number()] = descriptor;
        }
    }

    /**
     * Builds a registry.
     *
     * @param descriptors the messages, each at the position its index gives
     * @param decoder decodes a body by message index
     * @return the registry
     */
    public static MessageRegistry of(List<MessageDescriptor> descriptors, BodyDecoder decoder) {
        return new MessageRegistry(descriptors, decoder);
    }

    private MessageDescriptor[] table(Frequency frequency) {
        return switch (frequency) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case FIXED -> fixed;
        };
    }

    /**
     * Finds a message by frequency and number.
     *
     * @param frequency the frequency
     * @param number the number within it (for Fixed, the low byte)
     * @return the descriptor, or null if there is none
     */
    public MessageDescriptor find(Frequency frequency, int number) {
        MessageDescriptor[] table = table(frequency);
        return number >= 0 && number < table.length ? table[number] : null;
    }

    /**
     * Finds a message by name.
     *
     * @param name the template name, e.g. {@code ChatFromViewer}
     * @return the descriptor, or null if there is none
     */
    public MessageDescriptor byName(String name) {
        return byName.get(name);
    }

    /**
     * Returns every message in template order.
     *
     * @return the descriptors
     */
    public List<MessageDescriptor> all() {
        return all;
    }

    /**
     * Decodes a message body.
     *
     * @param descriptor the message, from this registry
     * @param in the reader, positioned at the body
     * @return the message
     * @throws PacketDecodeException if the bytes are not a valid body
     */
    public Message decodeBody(MessageDescriptor descriptor, WireReader in) throws PacketDecodeException {
        return decoder.decode(descriptor.index(), in);
    }
}
