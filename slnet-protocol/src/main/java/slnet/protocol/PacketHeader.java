package slnet.protocol;

/**
 * Allocation-free access to a datagram's header and appended acks, without decoding its body:
 * the fast path a circuit uses to harvest acks and sequence numbers before any handler runs.
 *
 * <p>Layout: a flags byte, a 4-byte big-endian sequence number, an extra-header length byte and
 * its bytes, the (possibly zerocoded) message number and body, then, when {@link #ACKS} is set,
 * big-endian 4-byte ack ids and one count byte at the very end. Stateless.
 */
public final class PacketHeader {
    /** The body (message number onward) is zerocoded. */
    public static final int ZEROCODED = 0x80;
    /** The sender wants this packet acked. */
    public static final int RELIABLE = 0x40;
    /** This is a resend of a packet sent before. */
    public static final int RESENT = 0x20;
    /** Ack ids are appended at the end. */
    public static final int ACKS = 0x10;
    /** Bytes before the extra header: flags, sequence, extra-header length. */
    public static final int LENGTH = 6;
    /** The fewest bytes a packet can have: the header and a one-byte message number. */
    public static final int MINIMUM_PACKET = LENGTH + 1;

    private PacketHeader() {
    }

    /**
     * Returns the flags byte.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @return the flags, 0 to 255
     */
    public static int flags(byte[] datagram, int offset) {
        return datagram[offset] & 0xFF;
    }

    /**
     * Returns the sequence number.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @return the sequence number
     */
    public static int sequence(byte[] datagram, int offset) {
        return ((datagram[offset + 1] & 0xFF) << 24) | ((datagram[offset + 2] & 0xFF) << 16)
                | ((datagram[offset + 3] & 0xFF) << 8) | (datagram[offset + 4] & 0xFF);
    }

    /**
     * Writes the sequence number.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param sequence the sequence number
     */
    public static void setSequence(byte[] datagram, int offset, int sequence) {
        datagram[offset + 1] = (byte) (sequence >>> 24);
        datagram[offset + 2] = (byte) (sequence >>> 16);
        datagram[offset + 3] = (byte) (sequence >>> 8);
        datagram[offset + 4] = (byte) sequence;
    }

    /**
     * Sets or clears flag bits.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param bits the bits, e.g. {@link #RESENT}
     * @param set true to set, false to clear
     */
    public static void setFlags(byte[] datagram, int offset, int bits, boolean set) {
        datagram[offset] = (byte) (set ? datagram[offset] | bits : datagram[offset] & ~bits);
    }

    /**
     * Tells whether the datagram asks to be acked.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @return true if the reliable flag is set
     */
    public static boolean isReliable(byte[] datagram, int offset) {
        return (datagram[offset] & RELIABLE) != 0;
    }

    /**
     * Returns the number of acks appended to a datagram, checking that they fit.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length the datagram's length
     * @return the ack count (0 when the acks flag is clear), or -1 when the trailer cannot fit
     */
    public static int ackCount(byte[] datagram, int offset, int length) {
        if (length < MINIMUM_PACKET) {
            return -1;
        }
        if ((datagram[offset] & ACKS) == 0) {
            return 0;
        }
        int count = datagram[offset + length - 1] & 0xFF;
        return length - LENGTH - (4 * count + 1) >= 1 ? count : -1;
    }

    /**
     * Returns one appended ack id; {@code index} must be below {@link #ackCount}.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length the datagram's length
     * @param count the ack count {@link #ackCount} returned
     * @param index which ack, from 0
     * @return the acked sequence number
     */
    public static int ack(byte[] datagram, int offset, int length, int count, int index) {
        int at = offset + length - 1 - 4 * (count - index);
        return ((datagram[at] & 0xFF) << 24) | ((datagram[at + 1] & 0xFF) << 16)
                | ((datagram[at + 2] & 0xFF) << 8) | (datagram[at + 3] & 0xFF);
    }

    /**
     * Returns the length of the datagram without its appended acks.
     *
     * @param length the datagram's length
     * @param count the ack count {@link #ackCount} returned
     * @return the length of header and body
     */
    public static int lengthWithoutAcks(int length, int count) {
        return count == 0 ? length : length - 4 * count - 1;
    }

    /**
     * Appends acks to an encoded datagram that has none, as many as fit within {@code limit}
     * (at most 255), and sets the acks flag when any were appended.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length the datagram's length
     * @param limit the most bytes the datagram may have (the MTU)
     * @param acks the ids to append
     * @param from the first id to take
     * @param available how many ids there are from {@code from}
     * @return how many acks were appended
     */
    public static int appendAcks(byte[] datagram, int offset, int length, int limit, int[] acks, int from,
                                 int available) {
        int room = (limit - length - 1) / 4;
        int count = Math.min(Math.min(room, available), 255);
        if (count <= 0) {
            return 0;
        }
        int at = offset + length;
        for (int i = 0; i < count; i++) {
            int id = acks[from + i];
            datagram[at] = (byte) (id >>> 24);
            datagram[at + 1] = (byte) (id >>> 16);
            datagram[at + 2] = (byte) (id >>> 8);
            datagram[at + 3] = (byte) id;
            at += 4;
        }
        datagram[at] = (byte) count;
        datagram[offset] |= (byte) ACKS;
        return count;
    }
}
