package slnet.codegen.template;

import java.util.List;
import java.util.Objects;

/**
 * One message of the template, with what {@code message.xml} says of it.
 *
 * @param name the message name
 * @param frequency its frequency
 * @param number its number within the frequency (for Fixed, the whole {@code 0xFFFFFFxx} value)
 * @param trusted whether the template marks it {@code Trusted}
 * @param zerocoded whether the template marks it {@code Zerocoded}
 * @param deprecation the template's deprecation marker
 * @param blocks its blocks in wire order
 * @param routing what message.xml says of it
 */
public record MessageDefinition(String name, Frequency frequency, long number, boolean trusted,
                                boolean zerocoded, Deprecation deprecation, List<BlockDefinition> blocks,
                                MessageRouting routing) {

    /** The template's deprecation markers. */
    public enum Deprecation {
        /** Not deprecated. */
        NONE,
        /** {@code Deprecated}. */
        DEPRECATED,
        /** {@code UDPDeprecated}: should travel over the event queue instead. */
        UDP_DEPRECATED,
        /** {@code UDPBlackListed}: must not be accepted over UDP. */
        UDP_BLACKLISTED
    }

    /** Validates the definition. */
    public MessageDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(deprecation, "deprecation");
        Objects.requireNonNull(routing, "routing");
        blocks = List.copyOf(blocks);
    }

    /**
     * Returns a copy with the given routing.
     *
     * @param newRouting what message.xml says of this message
     * @return the copy
     */
    public MessageDefinition withRouting(MessageRouting newRouting) {
        return new MessageDefinition(name, frequency, number, trusted, zerocoded, deprecation, blocks, newRouting);
    }
}
