package slnet.world;

import java.util.UUID;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector4;

/**
 * A bounds-checked little-endian cursor over one binary field of a message. Every read checks the
 * remaining length first and throws {@link ObjectDecodeException} instead of running off the end;
 * nothing is allocated from a length before it is checked against what is present.
 */
final class BlockReader {
    private final Bytes bytes;
    private final int end;
    private int at;

    BlockReader(Bytes bytes) {
        this(bytes, 0, bytes.length());
    }

    BlockReader(Bytes bytes, int from, int end) {
        this.bytes = bytes;
        this.at = from;
        this.end = end;
    }

    int position() {
        return at;
    }

    int remaining() {
        return end - at;
    }

    void need(int n, String what) throws ObjectDecodeException {
        if (n < 0 || end - at < n) {
            throw new ObjectDecodeException(ObjectDecodeException.Reason.TRUNCATED, at,
                    what + " needs " + n + " bytes, " + (end - at) + " left");
        }
    }

    void skip(int n, String what) throws ObjectDecodeException {
        need(n, what);
        at += n;
    }

    int u8(String what) throws ObjectDecodeException {
        need(1, what);
        return bytes.get(at++) & 0xFF;
    }

    int s8(String what) throws ObjectDecodeException {
        need(1, what);
        return bytes.get(at++);
    }

    int u16(String what) throws ObjectDecodeException {
        need(2, what);
        int v = (bytes.get(at) & 0xFF) | (bytes.get(at + 1) & 0xFF) << 8;
        at += 2;
        return v;
    }

    int s16(String what) throws ObjectDecodeException {
        return (short) u16(what);
    }

    int u32(String what) throws ObjectDecodeException {
        need(4, what);
        int v = intAt(bytes, at);
        at += 4;
        return v;
    }

    float f32(String what) throws ObjectDecodeException {
        return Float.intBitsToFloat(u32(what));
    }

    Vector3 vector3(String what) throws ObjectDecodeException {
        need(12, what);
        return new Vector3(f32(what), f32(what), f32(what));
    }

    Vector4 vector4(String what) throws ObjectDecodeException {
        need(16, what);
        return new Vector4(f32(what), f32(what), f32(what), f32(what));
    }

    UUID uuid(String what) throws ObjectDecodeException {
        need(16, what);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (bytes.get(at + i) & 0xFF);
            lo = lo << 8 | (bytes.get(at + 8 + i) & 0xFF);
        }
        at += 16;
        return new UUID(hi, lo);
    }

    Bytes bytes(int n, String what) throws ObjectDecodeException {
        need(n, what);
        Bytes copy = n == 0 ? Bytes.EMPTY : Bytes.copyOf(bytesArray(), at, n);
        at += n;
        return copy;
    }

    /** A NUL-terminated string (UTF-8), at most {@code max} bytes before the NUL. */
    String cString(int max, String what) throws ObjectDecodeException {
        int start = at;
        int limit = Math.min(end, at + max + 1);
        for (int i = at; i < limit; i++) {
            if (bytes.get(i) == 0) {
                String s = new String(bytesArray(), start, i - start, java.nio.charset.StandardCharsets.UTF_8);
                at = i + 1;
                return s;
            }
        }
        throw new ObjectDecodeException(end - at <= max ? ObjectDecodeException.Reason.TRUNCATED
                : ObjectDecodeException.Reason.BAD_COUNT, at, what + " has no terminating NUL within " + max + " bytes");
    }

    private byte[] array;

    private byte[] bytesArray() {
        if (array == null) {
            array = bytes.toArray();
        }
        return array;
    }

    static int intAt(Bytes b, int i) {
        return (b.get(i) & 0xFF) | (b.get(i + 1) & 0xFF) << 8 | (b.get(i + 2) & 0xFF) << 16 | (b.get(i + 3) & 0xFF) << 24;
    }

    static int u16At(Bytes b, int i) {
        return (b.get(i) & 0xFF) | (b.get(i + 1) & 0xFF) << 8;
    }

    static float floatAt(Bytes b, int i) {
        return Float.intBitsToFloat(intAt(b, i));
    }
}
