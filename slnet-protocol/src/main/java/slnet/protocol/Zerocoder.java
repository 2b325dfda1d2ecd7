package slnet.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LLUDP zerocoding: a run of zero bytes is written as {@code 0x00} and a count of 1 to 255; other
 * bytes are copied. Stateless and allocation-free.
 */
public final class Zerocoder {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Zerocoder() {
    }

    /**
     * Zero-encodes a range.
     *
     * @param source the bytes
     * @param offset the first byte
     * @param length how many
     * @param destination where to write
     * @param destinationOffset the first byte to write
     * @param destinationLimit the index past the last byte that may be written
     * @return the number of bytes written, or -1 if the output would pass {@code destinationLimit}
     */
    public static int encode(byte[] source, int offset, int length, byte[] destination, int destinationOffset,
                             int destinationLimit) {
        int in = offset;
        int end = offset + length;
        int out = destinationOffset;
        int roomyLimit = Math.min(destinationLimit, destination.length) - 8;
        // Eight bytes at a time while they fit: a word is copied whole (bytes past its first zero are
        // scratch that later writes overwrite) and zero runs are measured a word at a time. It stops
        // only between tokens, so the byte loop below carries on exactly where it would have been.
        while (in + 8 <= end && out <= roomyLimit) {
            long word = (long) LONG_LE.get(source, in);
            LONG_LE.set(destination, out, word);
            long found = (word - ONES) & ~word & HIGHS;
            if (found == 0) {
                in += 8;
                out += 8;
                continue;
            }
            int literal = Long.numberOfTrailingZeros(found) >>> 3;
            int zero = in + literal;
            out += literal;
            in = indexOfNonZero(source, zero + 1, Math.min(end, zero + 255));
            if (out + 2 > destinationLimit) {
                return -1;
            }
            destination[out] = 0;
            destination[out + 1] = (byte) (in - zero);
            out += 2;
        }
        while (in < end) {
            byte b = source[in];
            if (b != 0) {
                if (out >= destinationLimit) {
                    return -1;
                }
                destination[out++] = b;
                in++;
            } else {
                int run = 1;
                in++;
                while (in < end && source[in] == 0 && run < 255) {
                    run++;
                    in++;
                }
                if (out + 2 > destinationLimit) {
                    return -1;
                }
                destination[out] = 0;
                destination[out + 1] = (byte) run;
                out += 2;
            }
        }
        return out - destinationOffset;
    }

    /**
     * Expands a zero-encoded range.
     *
     * @param source the encoded bytes
     * @param offset the first byte
     * @param length how many
     * @param destination where to write
     * @param destinationOffset the first byte to write
     * @param destinationLimit the index past the last byte that may be written
     * @param reportedOffset the datagram offset of {@code source[offset]}, for errors
     * @return the number of bytes written
     * @throws PacketDecodeException if a zero has no count or a zero count, or the output would pass
     *                               {@code destinationLimit}
     */
    public static int decode(byte[] source, int offset, int length, byte[] destination, int destinationOffset,
                             int destinationLimit, int reportedOffset) throws PacketDecodeException {
        int in = offset;
        int end = offset + length;
        int out = destinationOffset;
        // Fast path: a word at a time from the start of a literal run. The word is copied whole
        // (bytes past its first zero are scratch that later writes replace), the zero run after
        // it is three word stores (a fill when longer than 24), and no run needs bounds checks of
        // its own while 16 input bytes remain and the output is 279 bytes (24 scratch plus the
        // longest run) from its limit. A zero count, or either bound, hands the current literal
        // run to one step of the exact path, which reports errors at the offsets it always did.
        int roomyLimit = Math.min(destinationLimit, destination.length) - (24 + 255);
        while (in < end) {
            int runStart = in;
            int runOut = out;
            while (in + 16 <= end && out <= roomyLimit) {
                long word = (long) LONG_LE.get(source, in);
                LONG_LE.set(destination, out, word);
                long found = (word - ONES) & ~word & HIGHS;
                if (found == 0) {
                    in += 8;
                    out += 8;
                    continue;
                }
                int literal = Long.numberOfTrailingZeros(found) >>> 3;
                int zero = in + literal;
                int count = source[zero + 1] & 0xFF;
                if (count == 0) {
                    break;
                }
                int zerosAt = out + literal;
                LONG_LE.set(destination, zerosAt, 0L);
                LONG_LE.set(destination, zerosAt + 8, 0L);
                LONG_LE.set(destination, zerosAt + 16, 0L);
                if (count > 24) {
                    Arrays.fill(destination, zerosAt + 24, zerosAt + count, (byte) 0);
                }
                out = zerosAt + count;
                in = zero + 2;
                runStart = in;
                runOut = out;
            }
            in = runStart;
            out = runOut;
            if (in == end) {
                break;
            }
            // The exact path: one literal run and the zero run after it.
            int zero = indexOfZero(source, in, end);
            int run = zero - in;
            if (run > 0) {
                if (run > destinationLimit - out) {
                    throw tooLarge(reportedOffset + (in - offset), destinationLimit - destinationOffset);
                }
                System.arraycopy(source, in, destination, out, run);
                out += run;
            }
            if (zero == end) {
                break;
            }
            if (zero + 1 == end) {
                throw new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING,
                        reportedOffset + (zero - offset), false, "a zero byte with no count at the end");
            }
            int count = source[zero + 1] & 0xFF;
            if (count == 0) {
                throw new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING,
                        reportedOffset + (zero + 1 - offset), false, "a zero run with a count of 0");
            }
            if (count > destinationLimit - out) {
                throw tooLarge(reportedOffset + (zero - offset), destinationLimit - destinationOffset);
            }
            Arrays.fill(destination, out, out + count, (byte) 0);
            out += count;
            in = zero + 2;
        }
        return out - destinationOffset;
    }

    private static PacketDecodeException tooLarge(int at, int max) {
        return new PacketDecodeException(PacketDecodeException.Reason.BAD_ZEROCODING, at, false,
                "zero-decoded packet would be larger than " + max + " bytes");
    }

    /** Finds the first non-zero byte in [from, end), eight bytes at a time; returns end if there is none. */
    static int indexOfNonZero(byte[] bytes, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONG_LE.get(bytes, i);
            if (word != 0) {
                return i + (Long.numberOfTrailingZeros(word) >>> 3);
            }
            i += 8;
        }
        while (i < end && bytes[i] == 0) {
            i++;
        }
        return i;
    }

    /** Finds the first zero byte in [from, end), eight bytes at a time; returns end if there is none. */
    static int indexOfZero(byte[] bytes, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONG_LE.get(bytes, i);
            // Sets the high bit of each zero byte; false positives only sit above a true zero,
            // so the lowest flagged byte is always a real zero.
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && bytes[i] != 0) {
            i++;
        }
        return i;
    }
}
