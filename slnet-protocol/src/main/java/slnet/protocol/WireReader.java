package slnet.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/**
 * Reads template field types from a byte range, checking every read against the bytes left.
 *
 * <p>Multi-byte values are little-endian except UUIDs, {@code IPADDR} (network order) and
 * {@code IPPORT} (big-endian). Nothing is allocated from a length read off the wire before that
 * length is checked against the bytes left. Not thread-safe: one reader per decoding thread;
 * {@link #reset} points it at new bytes.
 *
 * <p>{@link #lenient(boolean) Lenient} reading follows the official viewer's template reader: a
 * block count at the very end reads as zero repeats, and a field that runs off the end reads as
 * zeros, as does everything after it. Lengths and counts that do not fit the bytes left are errors in
 * both modes. What was tolerated accumulates in {@link #deviations()} until the next reset.
 */
public final class WireReader {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;
    private int limit;
    private int start;
    private int reportedBase;
    private boolean zeroDecoded;
    private boolean lenient;
    private int deviations;

    /** What a field reads once a lenient reader has run off the end: zeros, enough for any field. */
    private static final byte[] ZEROS = new byte[64];

    /** Creates a reader over no bytes; call {@link #reset} before reading. */
    public WireReader() {
        this.buffer = new byte[0];
    }

    /**
     * Creates a reader over a byte range, reporting offsets from the range's start.
     *
     * @param buffer the bytes
     * @param offset where the range starts
     * @param length its length
     */
    public WireReader(byte[] buffer, int offset, int length) {
        reset(buffer, offset, length, 0, false);
    }

    /**
     * Points the reader at a byte range.
     *
     * @param bytes the bytes
     * @param offset where the range starts
     * @param length its length
     * @param reportedOffset the offset to report for the range's first byte in errors
     * @param zeroDecodedBytes whether the range holds zero-decoded bytes (said in errors)
     * @return this reader
     */
    public WireReader reset(byte[] bytes, int offset, int length, int reportedOffset, boolean zeroDecodedBytes) {
        this.buffer = bytes;
        this.position = offset;
        this.start = offset;
        this.limit = offset + length;
        this.reportedBase = reportedOffset;
        this.zeroDecoded = zeroDecodedBytes;
        this.deviations = 0;
        return this;
    }

    /**
     * Turns lenient reading (the official viewer's rules, see the class comment) on or off; it stays
     * as set across {@link #reset}s.
     *
     * @param on whether to read leniently
     * @return this reader
     */
    public WireReader lenient(boolean on) {
        this.lenient = on;
        return this;
    }

    /**
     * Returns what lenient reading tolerated since the last {@link #reset}.
     *
     * @return a mask of {@link Deviation#bit()}s, 0 when the bytes followed the template
     */
    public int deviations() {
        return deviations;
    }

    /**
     * Records a tolerated deviation, for a caller that tolerates one itself (trailing bytes).
     *
     * @param deviation what was tolerated
     */
    public void tolerate(Deviation deviation) {
        deviations |= deviation.bit();
    }

    /**
     * Returns how many bytes are left.
     *
     * @return the bytes left
     */
    public int remaining() {
        return limit - position;
    }

    /**
     * Returns the offset of the next byte as errors report it.
     *
     * @return the offset
     */
    public int offset() {
        return reportedBase + (position - start);
    }

    /**
     * Fails unless at least {@code count} bytes are left.
     *
     * @param count the bytes needed
     * @param what what they are for, for the error
     * @throws PacketDecodeException if fewer are left
     */
    public void require(int count, String what) throws PacketDecodeException {
        if (limit - position < count) {
            throw truncated(count, what);
        }
    }

    /**
     * Returns a decode error for a condition found at the current offset.
     *
     * @param reason the reason
     * @param detail the detail
     * @return the exception, to be thrown
     */
    public PacketDecodeException error(PacketDecodeException.Reason reason, String detail) {
        return new PacketDecodeException(reason, offset(), zeroDecoded, detail);
    }

    private PacketDecodeException truncated(int needed, String what) {
        return error(PacketDecodeException.Reason.TRUNCATED,
                "needed " + needed + " bytes for " + what + ", " + remaining() + " left");
    }

    /**
     * Claims the next {@code count} bytes and returns where they start in {@link #buffer}. Read
     * {@code buffer} only after this returns: a lenient overrun points it at zeros.
     */
    private int take(int count, String what) throws PacketDecodeException {
        int at = position;
        if (limit - at < count) {
            return overrun(count, what);
        }
        position = at + count;
        return at;
    }

    /**
     * A read past the end: an error, or in lenient mode zeros from here on, as the viewer reads a
     * field that runs off the end (and, its read position then past the end, every later one).
     */
    private int overrun(int count, String what) throws PacketDecodeException {
        if (!lenient || count > ZEROS.length) {
            throw truncated(count, what);
        }
        deviations |= Deviation.FIELDS_READ_AS_ZEROS.bit();
        readZerosFromHere();
        return 0;
    }

    private void readZerosFromHere() {
        reportedBase = offset();
        buffer = ZEROS;
        start = 0;
        position = 0;
        limit = 0;
    }

    /**
     * Skips bytes.
     *
     * @param count how many
     * @param what what they are, for the error
     * @throws PacketDecodeException if fewer are left
     */
    public void skip(int count, String what) throws PacketDecodeException {
        take(count, what);
    }

    /**
     * Returns an unsigned byte, 0 to 255.
     *
     * @return an unsigned byte, 0 to 255
     * @throws PacketDecodeException if truncated
     */
    public int u8() throws PacketDecodeException {
        int at = take(1, "U8");
        return buffer[at] & 0xFF;
    }

    /**
     * Returns a signed byte.
     *
     * @return a signed byte
     * @throws PacketDecodeException if truncated
     */
    public int s8() throws PacketDecodeException {
        int at = take(1, "S8");
        return buffer[at];
    }

    /**
     * Returns an unsigned 16-bit value.
     *
     * @return an unsigned 16-bit value
     * @throws PacketDecodeException if truncated
     */
    public int u16() throws PacketDecodeException {
        int at = take(2, "U16");
        return (short) SHORT_LE.get(buffer, at) & 0xFFFF;
    }

    /**
     * Returns a signed 16-bit value.
     *
     * @return a signed 16-bit value
     * @throws PacketDecodeException if truncated
     */
    public int s16() throws PacketDecodeException {
        int at = take(2, "S16");
        return (short) SHORT_LE.get(buffer, at);
    }

    /**
     * Returns a 32-bit value (unsigned for U32: use {@link Integer#toUnsignedLong}).
     *
     * @return a 32-bit value (unsigned for U32: use {@link Integer#toUnsignedLong})
     * @throws PacketDecodeException if truncated
     */
    public int s32() throws PacketDecodeException {
        int at = take(4, "32-bit integer");
        return (int) INT_LE.get(buffer, at);
    }

    /**
     * Returns a 64-bit value (unsigned for U64).
     *
     * @return a 64-bit value (unsigned for U64)
     * @throws PacketDecodeException if truncated
     */
    public long s64() throws PacketDecodeException {
        int at = take(8, "64-bit integer");
        return (long) LONG_LE.get(buffer, at);
    }

    /**
     * Returns a 32-bit float.
     *
     * @return a 32-bit float
     * @throws PacketDecodeException if truncated
     */
    public float f32() throws PacketDecodeException {
        int at = take(4, "F32");
        return Float.intBitsToFloat((int) INT_LE.get(buffer, at));
    }

    /**
     * Returns a 64-bit float.
     *
     * @return a 64-bit float
     * @throws PacketDecodeException if truncated
     */
    public double f64() throws PacketDecodeException {
        int at = take(8, "F64");
        return Double.longBitsToDouble((long) LONG_LE.get(buffer, at));
    }

    /**
     * Returns a BOOL: any non-zero byte is true.
     *
     * @return a BOOL: any non-zero byte is true
     * @throws PacketDecodeException if truncated
     */
    public boolean bool() throws PacketDecodeException {
        int at = take(1, "BOOL");
        return buffer[at] != 0;
    }

    /**
     * Returns a UUID, its 16 bytes in network order.
     *
     * @return a UUID, its 16 bytes in network order
     * @throws PacketDecodeException if truncated
     */
    public UUID uuid() throws PacketDecodeException {
        int at = take(16, "LLUUID");
        return new UUID((long) LONG_BE.get(buffer, at), (long) LONG_BE.get(buffer, at + 8));
    }

    /**
     * Returns an {@code LLVector3}.
     *
     * @return an {@code LLVector3}
     * @throws PacketDecodeException if truncated
     */
    public Vector3 vector3() throws PacketDecodeException {
        int at = take(12, "LLVector3");
        return new Vector3(floatAt(at), floatAt(at + 4), floatAt(at + 8));
    }

    /**
     * Returns an {@code LLVector3d}.
     *
     * @return an {@code LLVector3d}
     * @throws PacketDecodeException if truncated
     */
    public Vector3d vector3d() throws PacketDecodeException {
        int at = take(24, "LLVector3d");
        return new Vector3d(doubleAt(at), doubleAt(at + 8), doubleAt(at + 16));
    }

    /**
     * Returns an {@code LLVector4}.
     *
     * @return an {@code LLVector4}
     * @throws PacketDecodeException if truncated
     */
    public Vector4 vector4() throws PacketDecodeException {
        int at = take(16, "LLVector4");
        return new Vector4(floatAt(at), floatAt(at + 4), floatAt(at + 8), floatAt(at + 12));
    }

    /**
     * Returns an {@code LLQuaternion}, w derived from x, y, z.
     *
     * @return an {@code LLQuaternion}, w derived from x, y, z
     * @throws PacketDecodeException if truncated
     */
    public Quaternion quaternion() throws PacketDecodeException {
        int at = take(12, "LLQuaternion");
        return Quaternion.fromWire(floatAt(at), floatAt(at + 4), floatAt(at + 8));
    }

    /**
     * Returns an {@code IPADDR} (network byte order).
     *
     * @return an {@code IPADDR} (network byte order)
     * @throws PacketDecodeException if truncated
     */
    public Inet4Address ipAddress() throws PacketDecodeException {
        int at = take(4, "IPADDR");
        byte[] address = {buffer[at], buffer[at + 1], buffer[at + 2], buffer[at + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }

    /**
     * Returns an {@code IPPORT} (big-endian).
     *
     * @return an {@code IPPORT} (big-endian)
     * @throws PacketDecodeException if truncated
     */
    public int ipPort() throws PacketDecodeException {
        int at = take(2, "IPPORT");
        return ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
    }

    /**
     * Reads a {@code Fixed N} field.
     *
     * @param size N
     * @return the bytes
     * @throws PacketDecodeException if truncated
     */
    public Bytes fixed(int size) throws PacketDecodeException {
        int at = take(size, "Fixed " + size);
        return Bytes.copyOf(buffer, at, size);
    }

    /**
     * Reads a {@code Variable 1} field: a length byte, then that many bytes.
     *
     * @return the bytes, without the length
     * @throws PacketDecodeException if the length is larger than the bytes left
     */
    public Bytes variable1() throws PacketDecodeException {
        int at = take(1, "Variable 1 length");
        int length = buffer[at] & 0xFF;
        return variableBody(length, 1);
    }

    /**
     * Reads a {@code Variable 2} field: a little-endian 16-bit length, then that many bytes.
     *
     * @return the bytes, without the length
     * @throws PacketDecodeException if the length is larger than the bytes left
     */
    public Bytes variable2() throws PacketDecodeException {
        int at = take(2, "Variable 2 length");
        int length = (short) SHORT_LE.get(buffer, at) & 0xFFFF;
        return variableBody(length, 2);
    }

    private Bytes variableBody(int length, int width) throws PacketDecodeException {
        if (length > limit - position) {
            position -= width;
            throw error(PacketDecodeException.Reason.BAD_LENGTH,
                    "Variable " + width + " length " + length + " is larger than the " + (remaining() - width)
                            + " bytes left");
        }
        int at = position;
        position += length;
        return Bytes.copyOf(buffer, at, length);
    }

    /**
     * Reads the one-byte count of a {@code Variable} block and checks that that many blocks of at
     * least {@code minimumBlockSize} bytes fit in the bytes left.
     *
     * @param blockName the block's name, for the error
     * @param minimumBlockSize the fewest bytes one block takes
     * @return the count, 0 to 255
     * @throws PacketDecodeException if the count cannot fit
     */
    public int blockCount(String blockName, int minimumBlockSize) throws PacketDecodeException {
        if (position == limit && lenient) {
            // "Missing variable blocks at end of message are legal" (LLTemplateMessageReader).
            deviations |= Deviation.MISSING_TRAILING_BLOCKS.bit();
            return 0;
        }
        int at = take(1, "the count of block " + blockName);
        int count = buffer[at] & 0xFF;
        long needed = (long) count * minimumBlockSize;
        if (needed > limit - position) {
            position--;
            throw error(PacketDecodeException.Reason.BAD_LENGTH, "block " + blockName + " count " + count
                    + " needs at least " + needed + " bytes, " + (remaining() - 1) + " left");
        }
        return count;
    }

    private float floatAt(int at) {
        return Float.intBitsToFloat((int) INT_LE.get(buffer, at));
    }

    private double doubleAt(int at) {
        return Double.longBitsToDouble((long) LONG_LE.get(buffer, at));
    }
}
