package slnet.testgrid.sim;

import java.util.Objects;
import java.util.Set;

/**
 * How a simulator departs from the template, as simulators of other ages and makers do: for testing
 * that clients read what real grids send. {@link #NONE} by default.
 *
 * @param omitEmptyTrailingBlocks send a message whose trailing variable blocks are empty without their
 *                                count bytes, as a simulator built on an older template does
 * @param strayByteAfter names of messages sent with one byte after their last block
 */
public record SimulatorQuirks(boolean omitEmptyTrailingBlocks, Set<String> strayByteAfter) {
    /** The template to the byte. */
    public static final SimulatorQuirks NONE = new SimulatorQuirks(false, Set.of());
    /**
     * What OpenSimulator 0.9.2.2 was seen to send (see {@code ../shared/captures}): no empty trailing
     * blocks ({@code MetaData}, {@code AttachmentBlock}, {@code RegionInfo5}, ...), and a stray byte
     * after {@code MapBlockReply}.
     */
    public static final SimulatorQuirks OPENSIM_0_9 = new SimulatorQuirks(true, Set.of("MapBlockReply"));

    /** Copies the set. */
    public SimulatorQuirks {
        strayByteAfter = Set.copyOf(Objects.requireNonNull(strayByteAfter, "strayByteAfter"));
    }

    /** @return whether the simulator departs from the template at all */
    public boolean any() {
        return omitEmptyTrailingBlocks || !strayByteAfter.isEmpty();
    }
}
