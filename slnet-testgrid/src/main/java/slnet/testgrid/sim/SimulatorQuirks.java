package slnet.testgrid.sim;

import java.util.Objects;
import java.util.Set;
import slnet.protocol.messages.Messages;

/**
 * How a simulator departs from the template, as simulators of other ages and makers do: for testing
 * that clients read what real grids send. {@link #NONE} by default.
 *
 * @param omitEmptyTrailingBlocks send a message whose trailing variable blocks are empty without their
 *                                count bytes, as a simulator built on an older template does
 * @param strayByteAfter names of messages sent with one zero byte after their last block (as OpenSimulator
 *                       sends {@code MapBlockReply})
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

    /**
     * Copies the set.
     *
     * @throws IllegalArgumentException if a name in {@code strayByteAfter} is no message of the template
     *         (a misspelt name would otherwise change nothing, silently)
     */
    public SimulatorQuirks {
        strayByteAfter = Set.copyOf(Objects.requireNonNull(strayByteAfter, "strayByteAfter"));
        for (String name : strayByteAfter) {
            if (Messages.REGISTRY.byName(name) == null) {
                throw new IllegalArgumentException("no message named " + name + " in the template");
            }
        }
    }

    /**
     * Returns these quirks with another set of messages sent with a stray byte after their last block.
     *
     * @param messageNames template names, e.g. {@code MapBlockReply}; empty for none
     * @return the changed quirks
     */
    public SimulatorQuirks withStrayByteAfter(Set<String> messageNames) {
        return new SimulatorQuirks(omitEmptyTrailingBlocks, messageNames);
    }

    /**
     * Returns whether the simulator departs from the template at all.
     *
     * @return whether the simulator departs from the template at all
     */
    public boolean any() {
        return omitEmptyTrailingBlocks || !strayByteAfter.isEmpty();
    }
}
