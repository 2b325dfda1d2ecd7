package slnet.codegen.template;

/**
 * What {@code message.xml} says of a message.
 *
 * @param eventQueue true when its flavor is {@code llsd}: it travels as LLSD over the event queue
 * @param trustedSender true when only a trusted sender may send it
 */
public record MessageRouting(boolean eventQueue, boolean trustedSender) {
    /** The routing of a message message.xml does not name: the template over UDP, any sender. */
    public static final MessageRouting DEFAULT = new MessageRouting(false, false);
}
