package slnet.protocol;

import slnet.protocol.messages.Messages;
import slnet.protocol.types.Bytes;

/**
 * Encodes messages into LLUDP datagrams and decodes datagrams into packets.
 *
 * <p>Not thread-safe: it holds scratch buffers so that neither direction allocates beyond the
 * decoded message itself. Use one codec per thread (a circuit's receive loop has its own).
 *
 * <p>Zerocoding covers everything after the 6-byte header (the extra header, message number and
 * body) and never the appended acks. {@link #encodeMessage} zerocodes a message the template marks
 * Zerocoded only when that makes the packet smaller, as the official viewer does;
 * {@link #encode(Packet, byte[], int)} writes exactly the flags the packet gives.
 *
 * <p>A codec decodes {@link DecodeMode#STRICT strictly} unless made {@link DecodeMode#LENIENT
 * lenient}, the way a circuit decodes what simulators send; {@link #lastDeviations()} then says what
 * the last decode tolerated.
 */
public final class PacketCodec {
    /** The official viewer's MTU: the largest datagram it sends. */
    public static final int DEFAULT_MTU = 1200;
    /** The largest datagram, and the largest zero-decoded packet, this codec accepts. */
    public static final int MAX_PACKET_SIZE = 8192;

    private static final int[] NO_ACKS = new int[0];

    private final MessageRegistry registry;
    private final int mtu;
    private final DecodeMode mode;
    private int lastDeviations;
    /** Scratch space shared by pooled codecs between their calls: slots, so that neither way allocates. */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<byte[]> SCRATCH_POOL =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(64);
    private final boolean pooledScratch;
    private byte[] scratch;
    private final WireReader reader = new WireReader();
    private final WireWriter writer = new WireWriter();

    /** Creates a codec for every message of the template, with the default MTU. */
    public PacketCodec() {
        this(Messages.REGISTRY, DEFAULT_MTU);
    }

    /**
     * Creates a codec for every message of the template.
     *
     * @param mtu the largest datagram to encode, 16 to {@value #MAX_PACKET_SIZE}
     */
    public PacketCodec(int mtu) {
        this(Messages.REGISTRY, mtu);
    }

    /**
     * Creates a codec.
     *
     * @param registry the messages it knows
     * @param mtu the largest datagram to encode, 16 to {@value #MAX_PACKET_SIZE}
     */
    public PacketCodec(MessageRegistry registry, int mtu) {
        this(registry, mtu, DecodeMode.STRICT);
    }

    /**
     * Creates a codec.
     *
     * @param registry the messages it knows
     * @param mtu the largest datagram to encode, 16 to {@value #MAX_PACKET_SIZE}
     * @param mode how strictly to decode message bodies
     */
    public PacketCodec(MessageRegistry registry, int mtu, DecodeMode mode) {
        this(registry, mtu, mode, false);
    }

    private PacketCodec(MessageRegistry registry, int mtu, DecodeMode mode, boolean pooledScratch) {
        if (mtu < 16 || mtu > MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("mtu must be 16 to " + MAX_PACKET_SIZE + ", not " + mtu);
        }
        this.registry = registry;
        this.mtu = mtu;
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.pooledScratch = pooledScratch;
        this.scratch = pooledScratch ? null : new byte[MAX_PACKET_SIZE];
    }

    /**
     * Creates a codec that holds no scratch space between calls but borrows it from a pool shared by
     * all such codecs: for codecs that live long and work now and then, such as the sender of each of
     * thousands of circuits (8 KB each otherwise). A call costs a borrow and a return, no allocation.
     *
     * @param mtu the largest datagram to encode, 16 to {@value #MAX_PACKET_SIZE}
     * @return the codec, strict, for every message of the template
     */
    public static PacketCodec withPooledScratch(int mtu) {
        return new PacketCodec(Messages.REGISTRY, mtu, DecodeMode.STRICT, true);
    }

    private void borrowScratch() {
        if (pooledScratch) {
            for (int i = 0; i < SCRATCH_POOL.length(); i++) {
                byte[] pooled = SCRATCH_POOL.getAndSet(i, null);
                if (pooled != null) {
                    scratch = pooled;
                    return;
                }
            }
            scratch = new byte[MAX_PACKET_SIZE]; // more codecs at work at once than the pool holds
        }
    }

    private void returnScratch() {
        if (pooledScratch && scratch != null) {
            for (int i = 0; i < SCRATCH_POOL.length(); i++) {
                if (SCRATCH_POOL.compareAndSet(i, null, scratch)) {
                    break;
                }
            }
            scratch = null;
        }
    }

    /**
     * Returns how strictly this codec decodes message bodies.
     *
     * @return how strictly this codec decodes message bodies
     */
    public DecodeMode decodeMode() {
        return mode;
    }

    /**
     * Returns what the last successful decode of a message tolerated ({@link #decode},
     * {@link #decodeMessage}); always 0 for a {@link DecodeMode#STRICT} codec.
     *
     * @return a mask of {@link Deviation#bit()}s; {@link Deviation#setOf(int)} turns it into a set
     */
    public int lastDeviations() {
        return lastDeviations;
    }

    /**
     * Returns the largest datagram this codec encodes.
     *
     * @return the largest datagram this codec encodes
     */
    public int mtu() {
        return mtu;
    }

    /**
     * Returns the messages this codec knows.
     *
     * @return the messages this codec knows
     */
    public MessageRegistry registry() {
        return registry;
    }

    /**
     * Decodes a datagram.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length its length
     * @return the packet
     * @throws PacketDecodeException if the bytes are not a valid packet of a known message
     */
    public Packet decode(byte[] datagram, int offset, int length) throws PacketDecodeException {
        borrowScratch();
        try {
            int ackCount = checkedAckCount(datagram, offset, length);
            int[] acks = NO_ACKS;
            if (ackCount > 0) {
                acks = new int[ackCount];
                for (int i = 0; i < ackCount; i++) {
                    acks[i] = PacketHeader.ack(datagram, offset, length, ackCount, i);
                }
            }
            int end = PacketHeader.lengthWithoutAcks(length, ackCount);
            WireReader in = bodyReader(datagram, offset, end);
            int extraLength = datagram[offset + 5] & 0xFF;
            Bytes extra = extraLength == 0 ? Bytes.EMPTY : in.fixed(extraLength);
            Message message = readMessage(in);
            return Packet.trusted(PacketHeader.flags(datagram, offset), PacketHeader.sequence(datagram, offset), extra,
                    acks, message);
        } finally {
            returnScratch();
        }
    }

    /**
     * Decodes only the message of a datagram, for callers that read the header and acks through
     * {@link PacketHeader}.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length its length
     * @return the message
     * @throws PacketDecodeException if the bytes are not a valid packet of a known message
     */
    public Message decodeMessage(byte[] datagram, int offset, int length) throws PacketDecodeException {
        borrowScratch();
        try {
            return readMessage(openMessage(datagram, offset, length));
        } finally {
            returnScratch();
        }
    }

    /**
     * Reads which message a datagram carries without decoding its body.
     *
     * @param datagram the bytes
     * @param offset the datagram's first byte
     * @param length its length
     * @return the descriptor
     * @throws PacketDecodeException if the bytes do not start a packet of a known message
     */
    public MessageDescriptor peekDescriptor(byte[] datagram, int offset, int length) throws PacketDecodeException {
        borrowScratch();
        try {
            return readDescriptor(openMessage(datagram, offset, length));
        } finally {
            returnScratch();
        }
    }

    /** Returns a reader positioned at the message number, past acks and extra header. */
    private WireReader openMessage(byte[] datagram, int offset, int length) throws PacketDecodeException {
        int ackCount = checkedAckCount(datagram, offset, length);
        WireReader in = bodyReader(datagram, offset, PacketHeader.lengthWithoutAcks(length, ackCount));
        in.skip(datagram[offset + 5] & 0xFF, "the extra header");
        return in;
    }

    private int checkedAckCount(byte[] datagram, int offset, int length) throws PacketDecodeException {
        if (length < PacketHeader.MINIMUM_PACKET) {
            throw new PacketDecodeException(PacketDecodeException.Reason.TRUNCATED, length, false,
                    "a packet needs at least " + PacketHeader.MINIMUM_PACKET + " bytes, this has " + length);
        }
        if (length > MAX_PACKET_SIZE) {
            throw new PacketDecodeException(PacketDecodeException.Reason.BAD_LENGTH, MAX_PACKET_SIZE, false,
                    "a datagram of " + length + " bytes is longer than " + MAX_PACKET_SIZE);
        }
        int ackCount = PacketHeader.ackCount(datagram, offset, length);
        if (ackCount < 0) {
            throw new PacketDecodeException(PacketDecodeException.Reason.BAD_ACKS, length - 1, false,
                    "ack count " + (datagram[offset + length - 1] & 0xFF) + " needs "
                            + (4 * (datagram[offset + length - 1] & 0xFF) + 1) + " bytes, the packet has "
                            + (length - PacketHeader.LENGTH - 1) + " after its header and message number");
        }
        return ackCount;
    }

    private WireReader bodyReader(byte[] datagram, int offset, int endWithoutAcks) throws PacketDecodeException {
        int bodyLength = endWithoutAcks - PacketHeader.LENGTH;
        if ((datagram[offset] & PacketHeader.ZEROCODED) != 0) {
            int decoded = Zerocoder.decode(datagram, offset + PacketHeader.LENGTH, bodyLength, scratch, 0,
                    scratch.length, PacketHeader.LENGTH);
            return reader.reset(scratch, 0, decoded, PacketHeader.LENGTH, true);
        }
        return reader.reset(datagram, offset + PacketHeader.LENGTH, bodyLength, PacketHeader.LENGTH, false);
    }

    private MessageDescriptor readDescriptor(WireReader in) throws PacketDecodeException {
        // The number is spelled out for the error only when no message has it: spelled out on
        // every packet, it cost an allocation (and for Fixed numbers a String.format) per decode.
        int at = in.offset();
        int b0 = in.u8();
        if (b0 != 0xFF) {
            return found(registry.find(Frequency.HIGH, b0), at, Frequency.HIGH, b0);
        }
        int b1 = in.u8();
        if (b1 != 0xFF) {
            return found(registry.find(Frequency.MEDIUM, b1), at, Frequency.MEDIUM, b1);
        }
        int b2 = in.u8();
        int b3 = in.u8();
        if (b2 != 0xFF) {
            int low = (b2 << 8) | b3;
            return found(registry.find(Frequency.LOW, low), at, Frequency.LOW, low);
        }
        return found(registry.find(Frequency.FIXED, b3), at, Frequency.FIXED, b3);
    }

    private static MessageDescriptor found(MessageDescriptor descriptor, int at, Frequency frequency, int number)
            throws PacketDecodeException {
        if (descriptor == null) {
            String spelled = switch (frequency) {
                case HIGH -> "High " + number;
                case MEDIUM -> "Medium " + number;
                case LOW -> "Low " + number;
                case FIXED -> "Fixed 0xFFFFFF" + String.format("%02X", number);
            };
            throw new PacketDecodeException(PacketDecodeException.Reason.UNKNOWN_MESSAGE, at, false,
                    "no message is numbered " + spelled);
        }
        return descriptor;
    }

    private Message readMessage(WireReader in) throws PacketDecodeException {
        lastDeviations = 0;
        MessageDescriptor descriptor = readDescriptor(in);
        Message message;
        // Only the body is read leniently: the header, extra header and message number never are.
        in.lenient(mode == DecodeMode.LENIENT);
        try {
            message = registry.decodeBody(descriptor, in);
        } finally {
            in.lenient(false);
        }
        if (in.remaining() != 0) {
            if (mode == DecodeMode.STRICT) {
                throw in.error(PacketDecodeException.Reason.TRAILING_BYTES,
                        in.remaining() + " bytes after the end of " + descriptor.name());
            }
            in.tolerate(Deviation.TRAILING_BYTES);
        }
        lastDeviations = in.deviations();
        return message;
    }

    /**
     * Encodes a message as a circuit sends it: no acks, zerocoded when the template says so and
     * that makes the packet smaller.
     *
     * @param message the message
     * @param flags {@link PacketHeader#RELIABLE} and/or {@link PacketHeader#RESENT}; other bits are ignored
     * @param sequence the sequence number
     * @param out where to write; at least {@link #mtu()} bytes must follow {@code offset}
     * @param offset the first byte to write
     * @return the datagram's length
     * @throws PacketEncodeException if the packet would be larger than the MTU
     */
    public int encodeMessage(Message message, int flags, int sequence, byte[] out, int offset) {
        borrowScratch();
        try {
            MessageDescriptor descriptor = message.descriptor();
            int headerFlags = flags & (PacketHeader.RELIABLE | PacketHeader.RESENT);
            if (descriptor.zerocoded()) {
                int bodyLength = stageBody(message, Bytes.EMPTY);
                int limit = offset + Math.min(mtu, PacketHeader.LENGTH + bodyLength - 1);
                int coded = Zerocoder.encode(scratch, 0, bodyLength, out, offset + PacketHeader.LENGTH, limit);
                if (coded >= 0) {
                    writeHeader(out, offset, headerFlags | PacketHeader.ZEROCODED, sequence, 0);
                    return PacketHeader.LENGTH + coded;
                }
                checkFits(descriptor, PacketHeader.LENGTH + bodyLength);
                System.arraycopy(scratch, 0, out, offset + PacketHeader.LENGTH, bodyLength);
                writeHeader(out, offset, headerFlags, sequence, 0);
                return PacketHeader.LENGTH + bodyLength;
            }
            writer.reset(out, offset + PacketHeader.LENGTH, offset + mtu);
            try {
                writeMessage(message, writer);
            } catch (PacketEncodeException e) {
                throw tooLarge(descriptor, e);
            }
            writeHeader(out, offset, headerFlags, sequence, 0);
            return writer.position() - offset;
        } finally {
            returnScratch();
        }
    }

    /**
     * Encodes a packet exactly as given: zerocoded if and only if its zerocoded flag is set, with its
     * acks appended when its acks flag is set.
     *
     * @param packet the packet
     * @param out where to write; at least {@link #mtu()} bytes must follow {@code offset}
     * @param offset the first byte to write
     * @return the datagram's length
     * @throws PacketEncodeException if the packet would be larger than the MTU, or its acks flag and
     *                               ack list disagree
     */
    public int encode(Packet packet, byte[] out, int offset) {
        borrowScratch();
        try {
            MessageDescriptor descriptor = packet.message().descriptor();
            int ackCount = packet.ackCount();
            if (ackCount > 0 && !packet.hasAcks()) {
                throw new PacketEncodeException("packet has " + ackCount + " acks but its acks flag is clear");
            }
            int ackBytes = packet.hasAcks() ? 4 * ackCount + 1 : 0;
            int bodyLimit = offset + mtu - ackBytes;
            int bodyLength = stageBody(packet.message(), packet.extraHeader());
            int end;
            if (packet.zerocoded()) {
                int coded = Zerocoder.encode(scratch, 0, bodyLength, out, offset + PacketHeader.LENGTH, bodyLimit);
                if (coded < 0) {
                    throw new PacketEncodeException(descriptor.name() + " does not fit the MTU of " + mtu
                            + " bytes even zerocoded (" + bodyLength + " bytes before zerocoding, " + ackCount + " acks)");
                }
                end = offset + PacketHeader.LENGTH + coded;
            } else {
                checkFits(descriptor, PacketHeader.LENGTH + bodyLength + ackBytes);
                System.arraycopy(scratch, 0, out, offset + PacketHeader.LENGTH, bodyLength);
                end = offset + PacketHeader.LENGTH + bodyLength;
            }
            writeHeader(out, offset, packet.flags(), packet.sequence(), packet.extraHeader().length());
            if (packet.hasAcks()) {
                for (int i = 0; i < ackCount; i++) {
                    int id = packet.ack(i);
                    out[end] = (byte) (id >>> 24);
                    out[end + 1] = (byte) (id >>> 16);
                    out[end + 2] = (byte) (id >>> 8);
                    out[end + 3] = (byte) id;
                    end += 4;
                }
                out[end++] = (byte) ackCount;
            }
            return end - offset;
        } finally {
            returnScratch();
        }
    }

    /**
     * Encodes a packet into a new array.
     *
     * @param packet the packet
     * @return the datagram
     * @throws PacketEncodeException as {@link #encode(Packet, byte[], int)} does
     */
    public byte[] encode(Packet packet) {
        byte[] out = new byte[mtu];
        int length = encode(packet, out, 0);
        return java.util.Arrays.copyOf(out, length);
    }

    /** Writes extra header, message number and body into the scratch buffer; returns its length. */
    private int stageBody(Message message, Bytes extraHeader) {
        writer.reset(scratch, 0, scratch.length);
        if (!extraHeader.isEmpty()) {
            writer.raw(extraHeader.toArray(), 0, extraHeader.length());
        }
        try {
            writeMessage(message, writer);
        } catch (PacketEncodeException e) {
            throw tooLarge(message.descriptor(), e);
        }
        return writer.position();
    }

    private static void writeMessage(Message message, WireWriter out) {
        MessageDescriptor descriptor = message.descriptor();
        int id = descriptor.wireId();
        switch (descriptor.wireIdLength()) {
            case 1 -> out.u8(id);
            case 2 -> {
                out.u8(0xFF);
                out.u8(id & 0xFF);
            }
            default -> {
                out.u8(0xFF);
                out.u8(0xFF);
                out.u8((id >>> 8) & 0xFF);
                out.u8(id & 0xFF);
            }
        }
        message.encodeBody(out);
    }

    private void checkFits(MessageDescriptor descriptor, int length) {
        if (length > mtu) {
            throw new PacketEncodeException(descriptor.name() + " packet of " + length
                    + " bytes is larger than the MTU of " + mtu + " bytes");
        }
    }

    private PacketEncodeException tooLarge(MessageDescriptor descriptor, PacketEncodeException cause) {
        if (cause.getMessage().startsWith("message does not fit")) {
            return new PacketEncodeException(descriptor.name() + " is larger than the MTU of " + mtu + " bytes ("
                    + cause.getMessage() + ")");
        }
        return new PacketEncodeException(descriptor.name() + ": " + cause.getMessage());
    }

    private static void writeHeader(byte[] out, int offset, int flags, int sequence, int extraLength) {
        out[offset] = (byte) flags;
        PacketHeader.setSequence(out, offset, sequence);
        out[offset + 5] = (byte) extraLength;
    }
}
