package slnet.protocol.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes: the value of a {@code Fixed} or {@code Variable} field.
 *
 * <p>Strings in the protocol travel as UTF-8 with a trailing NUL; {@link #ofString(String)} adds it
 * and {@link #asString()} drops it.
 */
public final class Bytes {
    /** The empty sequence. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /**
     * Copies an array.
     *
     * @param bytes the bytes
     * @return an immutable copy
     */
    public static Bytes copyOf(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /**
     * Copies part of an array.
     *
     * @param bytes the array
     * @param offset where to start
     * @param length how many bytes
     * @return an immutable copy of that range
     */
    public static Bytes copyOf(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Takes an array without copying it. The caller must never change the array afterwards: this is
     * for decoders that have just filled a fresh array.
     *
     * @param bytes an array nobody else will write to
     * @return the bytes
     */
    public static Bytes unsafeWrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /**
     * Encodes a string as the protocol does: UTF-8 followed by a NUL.
     *
     * @param text the text
     * @return its bytes with a trailing NUL
     */
    public static Bytes ofString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = Arrays.copyOf(utf8, utf8.length + 1);
        return new Bytes(withNul);
    }

    /**
     * Parses lower- or upper-case hex.
     *
     * @param hex an even number of hex digits
     * @return the bytes
     * @throws IllegalArgumentException if {@code hex} is not hex
     */
    public static Bytes fromHex(String hex) {
        return unsafeWrap(HEX.parseHex(hex));
    }

    /**
     * Returns the number of bytes.
     *
     * @return the length
     */
    public int length() {
        return data.length;
    }

    /**
     * Tells whether there are no bytes.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /**
     * Returns one byte.
     *
     * @param index its index
     * @return the byte
     */
    public byte get(int index) {
        return data[index];
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return a new array
     */
    public byte[] toArray() {
        return data.clone();
    }

    /**
     * Copies the bytes into an array.
     *
     * @param destination the array
     * @param offset where to write the first byte
     */
    public void copyTo(byte[] destination, int offset) {
        System.arraycopy(data, 0, destination, offset, data.length);
    }

    /**
     * Decodes the bytes as UTF-8 text, dropping trailing NULs (the protocol's string terminator).
     *
     * @return the text
     */
    public String asString() {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Returns the bytes as lower-case hex.
     *
     * @return hex digits
     */
    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? "Bytes[" + toHex() + "]" : "Bytes[" + data.length + " bytes]";
    }
}
