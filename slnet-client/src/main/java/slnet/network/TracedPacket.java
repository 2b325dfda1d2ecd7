package slnet.network;

import java.net.InetSocketAddress;
import java.util.Objects;
import slnet.handler.MessagePath;
import slnet.protocol.PacketHeader;

/**
 * One packet seen by a {@link PacketTap}: its direction, circuit, message name, sequence number and
 * header flags. Holds no message contents.
 *
 * @param outbound true for a packet we sent, false for one we received
 * @param circuit the simulator's address
 * @param messageName the message it carried, or {@code "?"} if it did not decode
 * @param sequence the packet's sequence number
 * @param flags the header flags byte
 * @param path how it travelled: {@link MessagePath#UDP}, or {@link MessagePath#EVENT_QUEUE} for an
 *     event-queue message (then {@code sequence} is -1 and {@code flags} 0, and {@code circuit} is the
 *     circuit of the region whose queue delivered it)
 */
public record TracedPacket(boolean outbound, InetSocketAddress circuit, String messageName, int sequence, int flags,
                           MessagePath path) {

    /** Checks that nothing is null. */
    public TracedPacket {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(messageName, "messageName");
        Objects.requireNonNull(path, "path");
    }

    /**
     * A UDP packet.
     *
     * @param outbound true for a packet we sent
     * @param circuit the simulator's address
     * @param messageName the message
     * @param sequence the sequence number
     * @param flags the header flags
     */
    public TracedPacket(boolean outbound, InetSocketAddress circuit, String messageName, int sequence, int flags) {
        this(outbound, circuit, messageName, sequence, flags, MessagePath.UDP);
    }

    /**
     * The flags set, as letters the way packet inspectors show them: Z (zerocoded), R (reliable),
     * S (resent), A (acks appended), in that order.
     *
     * @return e.g. {@code "RA"}, or an empty string when none is set
     */
    public String flagLetters() {
        StringBuilder letters = new StringBuilder(4);
        if ((flags & PacketHeader.ZEROCODED) != 0) {
            letters.append('Z');
        }
        if ((flags & PacketHeader.RELIABLE) != 0) {
            letters.append('R');
        }
        if ((flags & PacketHeader.RESENT) != 0) {
            letters.append('S');
        }
        if ((flags & PacketHeader.ACKS) != 0) {
            letters.append('A');
        }
        return letters.toString();
    }
}
