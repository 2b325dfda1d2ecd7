package slnet.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * A departure from the template that {@link DecodeMode#LENIENT} decoding tolerated, as the official
 * viewer does. {@link PacketCodec#lastDeviations()} reports them as a bit mask so that the receive
 * path allocates nothing; {@link #setOf(int)} turns the mask into a set.
 */
public enum Deviation {
    /**
     * The packet ended where a variable block's count should be: the block, and any after it, read as
     * zero repeats. What an older simulator sends when a newer template added trailing blocks
     * (OpenSimulator's {@code ImprovedInstantMessage} without {@code MetaData}).
     */
    MISSING_TRAILING_BLOCKS("missing trailing blocks"),
    /**
     * A field ran off the end of the packet: it, and every field after it, read as zeros (a
     * variable-length field as empty). The viewer logs a warning for this.
     */
    FIELDS_READ_AS_ZEROS("fields read as zeros"),
    /** Bytes after the message's last block, ignored (OpenSimulator's {@code MapBlockReply}). */
    TRAILING_BYTES("trailing bytes");

    private static final Deviation[] VALUES = values();

    private final String description;

    Deviation(String description) {
        this.description = description;
    }

    /**
     * Returns this deviation's bit in a mask.
     *
     * @return a single bit
     */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * Returns what happened, in words, e.g. {@code "missing trailing blocks"}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the deviations whose bits a mask has set.
     *
     * @param mask bits as {@link #bit()} gives them; unknown bits are ignored
     * @return the set, in declaration order
     */
    public static Set<Deviation> setOf(int mask) {
        EnumSet<Deviation> set = EnumSet.noneOf(Deviation.class);
        for (Deviation deviation : VALUES) {
            if ((mask & deviation.bit()) != 0) {
                set.add(deviation);
            }
        }
        return set;
    }
}
