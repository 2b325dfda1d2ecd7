package slnet.circuit;

import slnet.protocol.Message;
import slnet.protocol.PacketHeader;

/**
 * A message that arrived on a circuit and passed its checks.
 *
 * @param circuit the circuit it arrived on
 * @param message the decoded message
 * @param sequence the packet's sequence number
 * @param flags the packet's flags byte ({@link PacketHeader#RELIABLE}, {@link PacketHeader#RESENT}, ...)
 */
public record InboundMessage(Circuit circuit, Message message, int sequence, int flags) {
    /**
     * Returns true if the peer sent it reliably.
     *
     * @return true if the peer sent it reliably
     */
    public boolean reliable() {
        return (flags & PacketHeader.RELIABLE) != 0;
    }

    /**
     * Returns true if the packet was a resend.
     *
     * @return true if the packet was a resend
     */
    public boolean resent() {
        return (flags & PacketHeader.RESENT) != 0;
    }
}
