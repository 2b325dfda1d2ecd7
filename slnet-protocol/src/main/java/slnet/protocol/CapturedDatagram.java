package slnet.protocol;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One datagram of a capture file: the message name its header names, the whole datagram exactly as
 * it crossed the socket (header, possibly zerocoded body, appended acks), and which way it went.
 *
 * <p>The text form, one datagram a line, is the one {@code ../shared/captures} uses: the message
 * name, a space, the datagram as hex. Datagrams the capturing side sent are kept in the same file as
 * comment lines, {@code "#out "} followed by the same form, so that a capture read as plain inbound
 * traffic is exactly what a simulator sent. See {@link CaptureFile}.
 *
 * @param messageName the message the header names, or {@code "?"} if it names none
 * @param datagram the bytes; not copied, do not change them
 * @param outbound true for a datagram the capturing side sent
 */
public record CapturedDatagram(String messageName, byte[] datagram, boolean outbound) {
    private static final HexFormat HEX = HexFormat.of();

    /** Checks the fields. */
    public CapturedDatagram {
        Objects.requireNonNull(messageName, "messageName");
        Objects.requireNonNull(datagram, "datagram");
        if (messageName.isEmpty() || messageName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a message name is one word, not '" + messageName + "'");
        }
    }

    /**
     * Names a datagram's message from its header, without decoding its body.
     *
     * @param codec a codec that knows the messages
     * @param datagram the bytes
     * @param offset the first byte
     * @param length how many
     * @param outbound true for a datagram the capturing side sent
     * @return the captured datagram (the bytes copied), named {@code "?"} when its header names no message
     */
    public static CapturedDatagram of(PacketCodec codec, byte[] datagram, int offset, int length, boolean outbound) {
        String name;
        try {
            name = codec.peekDescriptor(datagram, offset, length).name();
        } catch (PacketDecodeException e) {
            name = "?";
        }
        byte[] copy = new byte[length];
        System.arraycopy(datagram, offset, copy, 0, length);
        return new CapturedDatagram(name, copy, outbound);
    }

    /**
     * Returns the datagram as one line of a capture file, without the line break.
     *
     * @return e.g. {@code "StartPingCheck 00000000010001..."}, or {@code "#out ..."} for an outbound one
     */
    public String toLine() {
        return (outbound ? CaptureFile.OUTBOUND_PREFIX : "") + messageName + ' ' + HEX.formatHex(datagram);
    }

    /**
     * Returns the datagram's length in bytes.
     *
     * @return the datagram's length in bytes
     */
    public int length() {
        return datagram.length;
    }

    @Override
    public String toString() {
        return toLine();
    }
}
