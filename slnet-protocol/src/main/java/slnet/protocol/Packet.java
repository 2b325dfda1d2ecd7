package slnet.protocol;

import java.util.Arrays;
import java.util.Objects;
import slnet.protocol.types.Bytes;

/**
 * A decoded packet: header flags, sequence number, extra header, appended acks and the message.
 * Immutable.
 */
public final class Packet {
    private static final int[] NO_ACKS = new int[0];

    private final int flags;
    private final int sequence;
    private final Bytes extraHeader;
    private final int[] acks;
    private final Message message;

    private Packet(int flags, int sequence, Bytes extraHeader, int[] acks, Message message) {
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("flags must fit a byte: " + flags);
        }
        if (extraHeader.length() > 255) {
            throw new IllegalArgumentException("extra header longer than 255 bytes");
        }
        if (acks.length > 255) {
            throw new IllegalArgumentException("at most 255 acks can be appended, not " + acks.length);
        }
        this.flags = flags;
        this.sequence = sequence;
        this.extraHeader = extraHeader;
        this.acks = acks;
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Creates a packet with every field given. The acks flag is set exactly as {@code flags} says,
     * which lets tools write any combination; {@link #of(Message)} and the {@code with} methods keep
     * it consistent with the ack list.
     *
     * @param flags the flags byte
     * @param sequence the sequence number
     * @param extraHeader the extra header bytes (usually empty)
     * @param acks the appended ack ids (copied)
     * @param message the message
     * @return the packet
     */
    public static Packet of(int flags, int sequence, Bytes extraHeader, int[] acks, Message message) {
        return new Packet(flags, sequence, extraHeader, acks.length == 0 ? NO_ACKS : acks.clone(), message);
    }

    /**
     * Creates an unreliable packet with sequence 0, no acks, zerocoded as the template says.
     *
     * @param message the message
     * @return the packet
     */
    public static Packet of(Message message) {
        return new Packet(message.descriptor().zerocoded() ? PacketHeader.ZEROCODED : 0, 0, Bytes.EMPTY, NO_ACKS,
                message);
    }

    static Packet trusted(int flags, int sequence, Bytes extraHeader, int[] acks, Message message) {
        return new Packet(flags, sequence, extraHeader, acks, message);
    }

    /**
     * Returns the flags byte.
     *
     * @return the flags byte
     */
    public int flags() {
        return flags;
    }

    /**
     * Returns true if the zerocoded flag is set.
     *
     * @return true if the zerocoded flag is set
     */
    public boolean zerocoded() {
        return (flags & PacketHeader.ZEROCODED) != 0;
    }

    /**
     * Returns true if the reliable flag is set.
     *
     * @return true if the reliable flag is set
     */
    public boolean reliable() {
        return (flags & PacketHeader.RELIABLE) != 0;
    }

    /**
     * Returns true if the resent flag is set.
     *
     * @return true if the resent flag is set
     */
    public boolean resent() {
        return (flags & PacketHeader.RESENT) != 0;
    }

    /**
     * Returns true if the acks flag is set.
     *
     * @return true if the acks flag is set
     */
    public boolean hasAcks() {
        return (flags & PacketHeader.ACKS) != 0;
    }

    /**
     * Returns the sequence number.
     *
     * @return the sequence number
     */
    public int sequence() {
        return sequence;
    }

    /**
     * Returns the extra header bytes, usually empty.
     *
     * @return the extra header bytes, usually empty
     */
    public Bytes extraHeader() {
        return extraHeader;
    }

    /**
     * Returns the number of appended acks.
     *
     * @return the number of appended acks
     */
    public int ackCount() {
        return acks.length;
    }

    /**
     * Returns one appended ack.
     *
     * @param index from 0
     * @return the acked sequence number
     */
    public int ack(int index) {
        return acks[index];
    }

    /**
     * Returns a copy of the appended acks.
     *
     * @return a copy of the appended acks
     */
    public int[] acks() {
        return acks.clone();
    }

    /**
     * Returns the message.
     *
     * @return the message
     */
    public Message message() {
        return message;
    }

    /**
     * Returns a copy with a flag set or cleared.
     *
     * @param bit a flag from {@link PacketHeader}
     * @param set whether to set it
     * @return the copy
     */
    public Packet withFlag(int bit, boolean set) {
        return new Packet(set ? flags | bit : flags & ~bit, sequence, extraHeader, acks, message);
    }

    /**
     * Returns a copy with another sequence number.
     *
     * @param newSequence the sequence number
     * @return the copy
     */
    public Packet withSequence(int newSequence) {
        return new Packet(flags, newSequence, extraHeader, acks, message);
    }

    /**
     * Returns a copy with these acks appended, and the acks flag set when there are any.
     *
     * @param ackIds the ids
     * @return the copy
     */
    public Packet withAcks(int... ackIds) {
        int newFlags = ackIds.length > 0 ? flags | PacketHeader.ACKS : flags & ~PacketHeader.ACKS;
        return new Packet(newFlags, sequence, extraHeader, ackIds.length == 0 ? NO_ACKS : ackIds.clone(), message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Packet that && flags == that.flags && sequence == that.sequence
                && extraHeader.equals(that.extraHeader) && Arrays.equals(acks, that.acks)
                && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, sequence, extraHeader, Arrays.hashCode(acks), message);
    }

    @Override
    public String toString() {
        return "Packet[" + message.descriptor().name() + " seq=" + Integer.toUnsignedString(sequence)
                + " flags=0x" + Integer.toHexString(flags) + (acks.length > 0 ? " acks=" + Arrays.toString(acks) : "")
                + "]";
    }
}
