package slnet.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Describes one message of the template, with what {@code message.xml} says of it. Generated
 * message types each hold one as {@code DESCRIPTOR}.
 *
 * @param index the message's position in the template, which its registry uses to decode it
 * @param name the message name
 * @param frequency its frequency
 * @param number its number within the frequency (for Fixed, the low byte of {@code 0xFFFFFFxx})
 * @param trusted whether the template marks it {@code Trusted}
 * @param zerocoded whether the template marks it {@code Zerocoded}
 * @param deprecation the template's deprecation marker
 * @param eventQueue whether message.xml routes it as LLSD over the event queue
 * @param trustedSender whether message.xml says only a trusted sender may send it
 * @param blocks its blocks in wire order
 */
public record MessageDescriptor(int index, String name, Frequency frequency, int number, boolean trusted,
                                boolean zerocoded, Deprecation deprecation, boolean eventQueue,
                                boolean trustedSender, List<BlockDescriptor> blocks) {

    /** The template's deprecation markers. */
    public enum Deprecation {
        /** Not deprecated. */
        NONE,
        /** {@code Deprecated}. */
        DEPRECATED,
        /** {@code UDPDeprecated}: should travel over the event queue. */
        UDP_DEPRECATED,
        /** {@code UDPBlackListed}: must not be accepted over UDP. */
        UDP_BLACKLISTED
    }

    /** Validates the descriptor. */
    public MessageDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(deprecation, "deprecation");
        blocks = List.copyOf(blocks);
    }

    /**
     * Returns the message number as it is written on the wire, as one unsigned 32-bit value:
     * {@code n}, {@code 0xFFnn}, {@code 0xFFFFnnnn} or {@code 0xFFFFFFnn}.
     *
     * @return the wire id
     */
    public int wireId() {
        return switch (frequency) {
            case HIGH -> number;
            case MEDIUM -> 0xFF00 | number;
            case LOW -> 0xFFFF0000 | number;
            case FIXED -> 0xFFFFFF00 | number;
        };
    }

    /**
     * Returns how many bytes the message number takes on the wire.
     *
     * @return 1, 2 or 4
     */
    public int wireIdLength() {
        return switch (frequency) {
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW, FIXED -> 4;
        };
    }

    /**
     * Tells whether the message must be dropped when it arrives over UDP.
     *
     * @return true for messages the template marks {@code UDPBlackListed}
     */
    public boolean udpBlacklisted() {
        return deprecation == Deprecation.UDP_BLACKLISTED;
    }

    /**
     * Finds a block by name.
     *
     * @param blockName the block's template name
     * @return the block, or null
     */
    public BlockDescriptor block(String blockName) {
        for (BlockDescriptor block : blocks) {
            if (block.name().equals(blockName)) {
                return block;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
