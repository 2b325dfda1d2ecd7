package slnet.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.nio.ByteOrder;
import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/**
 * Writes template field types into a byte range, failing with {@link PacketEncodeException} when
 * a value does not fit the range or its wire type. The mirror of {@link WireReader}. Not
 * thread-safe.
 */
public final class WireWriter {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;
    private int limit;

    /** Creates a writer with no buffer; call {@link #reset} before writing. */
    public WireWriter() {
        this.buffer = new byte[0];
    }

    /**
     * Creates a writer over a byte range.
     *
     * @param buffer the array
     * @param offset where to write the first byte
     * @param limit the index past the last byte that may be written
     */
    public WireWriter(byte[] buffer, int offset, int limit) {
        reset(buffer, offset, limit);
    }

    /**
     * Points the writer at a byte range.
     *
     * @param bytes the array
     * @param offset where to write the first byte
     * @param end the index past the last byte that may be written
     * @return this writer
     */
    public WireWriter reset(byte[] bytes, int offset, int end) {
        this.buffer = bytes;
        this.position = offset;
        this.limit = end;
        return this;
    }

    /**
     * Returns the index of the next byte to write.
     *
     * @return the position
     */
    public int position() {
        return position;
    }

    private int take(int count) {
        int at = position;
        if (limit - at < count) {
            throw new PacketEncodeException("message does not fit: " + count + " more bytes needed at byte "
                    + at + ", " + (limit - at) + " left");
        }
        position = at + count;
        return at;
    }

    private static void checkRange(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new PacketEncodeException(type + " value " + value + " is out of range " + min + " to " + max);
        }
    }

    /**
     * Sets 0 to 255.
     *
     * @param value 0 to 255
     */
    public void u8(int value) {
        checkRange(value, 0, 255, "U8");
        buffer[take(1)] = (byte) value;
    }

    /**
     * Sets -128 to 127.
     *
     * @param value -128 to 127
     */
    public void s8(int value) {
        checkRange(value, -128, 127, "S8");
        buffer[take(1)] = (byte) value;
    }

    /**
     * Sets 0 to 65535.
     *
     * @param value 0 to 65535
     */
    public void u16(int value) {
        checkRange(value, 0, 65535, "U16");
        SHORT_LE.set(buffer, take(2), (short) value);
    }

    /**
     * Sets -32768 to 32767.
     *
     * @param value -32768 to 32767
     */
    public void s16(int value) {
        checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "S16");
        SHORT_LE.set(buffer, take(2), (short) value);
    }

    /**
     * Sets any 32-bit value (U32 is unsigned).
     *
     * @param value any 32-bit value (U32 is unsigned)
     */
    public void s32(int value) {
        INT_LE.set(buffer, take(4), value);
    }

    /**
     * Sets any 64-bit value (U64 is unsigned).
     *
     * @param value any 64-bit value (U64 is unsigned)
     */
    public void s64(long value) {
        LONG_LE.set(buffer, take(8), value);
    }

    /**
     * Sets a float.
     *
     * @param value a float
     */
    public void f32(float value) {
        INT_LE.set(buffer, take(4), Float.floatToRawIntBits(value));
    }

    /**
     * Sets a double.
     *
     * @param value a double
     */
    public void f64(double value) {
        LONG_LE.set(buffer, take(8), Double.doubleToRawLongBits(value));
    }

    /**
     * Sets written as 1 or 0.
     *
     * @param value written as 1 or 0
     */
    public void bool(boolean value) {
        buffer[take(1)] = (byte) (value ? 1 : 0);
    }

    /**
     * Sets a UUID, written in network order.
     *
     * @param value a UUID, written in network order
     */
    public void uuid(UUID value) {
        int at = take(16);
        LONG_BE.set(buffer, at, value.getMostSignificantBits());
        LONG_BE.set(buffer, at + 8, value.getLeastSignificantBits());
    }

    /**
     * Sets an {@code LLVector3}.
     *
     * @param value an {@code LLVector3}
     */
    public void vector3(Vector3 value) {
        int at = take(12);
        INT_LE.set(buffer, at, Float.floatToRawIntBits(value.x()));
        INT_LE.set(buffer, at + 4, Float.floatToRawIntBits(value.y()));
        INT_LE.set(buffer, at + 8, Float.floatToRawIntBits(value.z()));
    }

    /**
     * Sets an {@code LLVector3d}.
     *
     * @param value an {@code LLVector3d}
     */
    public void vector3d(Vector3d value) {
        int at = take(24);
        LONG_LE.set(buffer, at, Double.doubleToRawLongBits(value.x()));
        LONG_LE.set(buffer, at + 8, Double.doubleToRawLongBits(value.y()));
        LONG_LE.set(buffer, at + 16, Double.doubleToRawLongBits(value.z()));
    }

    /**
     * Sets an {@code LLVector4}.
     *
     * @param value an {@code LLVector4}
     */
    public void vector4(Vector4 value) {
        int at = take(16);
        INT_LE.set(buffer, at, Float.floatToRawIntBits(value.x()));
        INT_LE.set(buffer, at + 4, Float.floatToRawIntBits(value.y()));
        INT_LE.set(buffer, at + 8, Float.floatToRawIntBits(value.z()));
        INT_LE.set(buffer, at + 12, Float.floatToRawIntBits(value.w()));
    }

    /**
     * Sets a rotation: normalised, made w &gt;= 0, and its x, y, z written.
     *
     * @param value a rotation: normalised, made w &gt;= 0, and its x, y, z written
     */
    public void quaternion(Quaternion value) {
        Quaternion wire = value.w() >= 0 && isUnit(value) ? value : value.toWireForm();
        int at = take(12);
        INT_LE.set(buffer, at, Float.floatToRawIntBits(wire.x()));
        INT_LE.set(buffer, at + 4, Float.floatToRawIntBits(wire.y()));
        INT_LE.set(buffer, at + 8, Float.floatToRawIntBits(wire.z()));
    }

    private static boolean isUnit(Quaternion q) {
        float norm = q.x() * q.x() + q.y() * q.y() + q.z() * q.z() + q.w() * q.w();
        return Math.abs(norm - 1f) < 1e-5f;
    }

    /**
     * Sets an IPv4 address, written in network order.
     *
     * @param value an IPv4 address, written in network order
     */
    public void ipAddress(Inet4Address value) {
        byte[] address = value.getAddress();
        System.arraycopy(address, 0, buffer, take(4), 4);
    }

    /**
     * Sets 0 to 65535, written big-endian.
     *
     * @param value 0 to 65535, written big-endian
     */
    public void ipPort(int value) {
        checkRange(value, 0, 65535, "IPPORT");
        int at = take(2);
        buffer[at] = (byte) (value >>> 8);
        buffer[at + 1] = (byte) value;
    }

    /**
     * Writes a {@code Fixed N} field.
     *
     * @param value exactly {@code size} bytes
     * @param size N
     */
    public void fixed(Bytes value, int size) {
        if (value.length() != size) {
            throw new PacketEncodeException("Fixed " + size + " field given " + value.length() + " bytes");
        }
        value.copyTo(buffer, take(size));
    }

    /**
     * Sets up to 255 bytes, written after a length byte.
     *
     * @param value up to 255 bytes, written after a length byte
     */
    public void variable1(Bytes value) {
        int length = value.length();
        if (length > 255) {
            throw new PacketEncodeException("Variable 1 field of " + length + " bytes is longer than 255");
        }
        int at = take(1 + length);
        buffer[at] = (byte) length;
        value.copyTo(buffer, at + 1);
    }

    /**
     * Sets up to 65535 bytes, written after a little-endian 16-bit length.
     *
     * @param value up to 65535 bytes, written after a little-endian 16-bit length
     */
    public void variable2(Bytes value) {
        int length = value.length();
        if (length > 65535) {
            throw new PacketEncodeException("Variable 2 field of " + length + " bytes is longer than 65535");
        }
        int at = take(2 + length);
        SHORT_LE.set(buffer, at, (short) length);
        value.copyTo(buffer, at + 2);
    }

    /**
     * Writes the count of a {@code Variable} block.
     *
     * @param blockName the block's name, for the error
     * @param count 0 to 255
     */
    public void blockCount(String blockName, int count) {
        if (count > 255) {
            throw new PacketEncodeException("block " + blockName + " has " + count + " entries; at most 255 fit");
        }
        buffer[take(1)] = (byte) count;
    }

    /**
     * Writes raw bytes.
     *
     * @param bytes the array
     * @param offset the first byte
     * @param length how many
     */
    public void raw(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, buffer, take(length), length);
    }
}
