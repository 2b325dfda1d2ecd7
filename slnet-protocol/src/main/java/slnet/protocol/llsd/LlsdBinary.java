package slnet.protocol.llsd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Binary LLSD: one marker byte per value ({@code !} undef, {@code 1}/{@code 0} booleans,
 * {@code i} big-endian int32, {@code r} big-endian double, {@code u} 16 bytes, {@code s}/{@code l}
 * /{@code b} a big-endian int32 length then the bytes, {@code d} a little-endian double of seconds
 * since the epoch, {@code [} count ... {@code ]}, <code>{</code> count, then {@code k} length key
 * and value per entry, <code>}</code>), optionally after a {@code <? LLSD/Binary ?>} line.
 *
 * <p>Stateless and thread-safe.
 */
public final class LlsdBinary {
    private LlsdBinary() {
    }

    /**
     * The result of {@link #parseLeading}: a value and where its encoding ended.
     *
     * @param value the parsed value
     * @param end the offset just after the value
     */
    public record Parsed(Llsd value, int end) {
    }

    /**
     * Parses a whole document (optional header, one value, nothing after it) under the default
     * limits.
     *
     * @param bytes the bytes
     * @return the value read
     * @throws LlsdException if the bytes are not exactly one well-formed value
     */
    public static Llsd parse(byte[] bytes) throws LlsdException {
        return parse(bytes, LlsdLimits.DEFAULT);
    }

    /**
     * Parses a whole document under the given limits.
     *
     * @param bytes the bytes
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if the bytes are not exactly one well-formed value within the limits
     */
    public static Llsd parse(byte[] bytes, LlsdLimits limits) throws LlsdException {
        ParseBudget.inputSize(bytes.length, limits);
        BinaryParser p = new BinaryParser(bytes, 0, bytes.length, limits);
        p.skipHeader();
        Llsd value = p.value();
        if (p.position() != bytes.length) {
            throw new LlsdException((bytes.length - p.position()) + " bytes after the value", p.position());
        }
        return value;
    }

    /**
     * Parses one value at the start of a region and reports where it ended, for formats that put
     * binary LLSD in front of other data (e.g. the header of a mesh asset). No header is skipped.
     *
     * @param bytes the buffer
     * @param offset where the value starts
     * @param limits bounds; {@code maxBytes} applies to the region from offset to the end
     * @return the value read
     * @throws LlsdException if no well-formed value starts at the offset
     */
    public static Parsed parseLeading(byte[] bytes, int offset, LlsdLimits limits) throws LlsdException {
        if (offset < 0 || offset > bytes.length) {
            throw new LlsdException("offset outside the buffer", offset);
        }
        int end = (int) Math.min(bytes.length, (long) offset + limits.maxBytes());
        BinaryParser p = new BinaryParser(bytes, offset, end, limits);
        Llsd value = p.value();
        return new Parsed(value, p.position());
    }

    /**
     * Returns the value in binary LLSD, without header.
     *
     * @param value the value
     * @return the value in binary LLSD, without header
     */
    public static byte[] format(Llsd value) {
        Out out = new Out();
        write(value, out);
        return out.toByteArray();
    }

    /**
     * Returns the value in binary LLSD, after a {@code <? LLSD/Binary ?>\n} header.
     *
     * @param value the value
     * @return the value in binary LLSD, after a {@code <? LLSD/Binary ?>\n} header
     */
    public static byte[] formatWithHeader(Llsd value) {
        Out out = new Out();
        out.write(BinaryParser.HEADER, 0, BinaryParser.HEADER.length);
        out.write('\n');
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Llsd value, Out out) {
        switch (value) {
            case Llsd.Undef u -> out.write('!');
            case Llsd.Bool b -> out.write(b.value() ? '1' : '0');
            case Llsd.Int i -> {
                out.write('i');
                out.int32(i.value());
            }
            case Llsd.Real r -> {
                out.write('r');
                out.int64(Double.doubleToRawLongBits(r.value()));
            }
            case Llsd.Uuid u -> {
                out.write('u');
                out.int64(u.value().getMostSignificantBits());
                out.int64(u.value().getLeastSignificantBits());
            }
            case Llsd.Str s -> {
                out.write('s');
                out.counted(s.value().getBytes(StandardCharsets.UTF_8));
            }
            case Llsd.Uri u -> {
                out.write('l');
                out.counted(u.value().getBytes(StandardCharsets.UTF_8));
            }
            case Llsd.Date d -> {
                out.write('d');
                out.int64(Long.reverseBytes(Double.doubleToRawLongBits(ScalarText.toEpochSeconds(d.value()))));
            }
            case Llsd.Binary b -> {
                out.write('b');
                out.counted(b.value());
            }
            case Llsd.Array a -> {
                out.write('[');
                out.int32(a.elements().size());
                for (Llsd e : a.elements()) {
                    write(e, out);
                }
                out.write(']');
            }
            case Llsd.Map m -> {
                out.write('{');
                out.int32(m.entries().size());
                for (var e : m.entries().entrySet()) {
                    out.write('k');
                    out.counted(e.getKey().getBytes(StandardCharsets.UTF_8));
                    write(e.getValue(), out);
                }
                out.write('}');
            }
        }
    }

    /** A growable buffer with big-endian writers. */
    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(256);
        }

        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        void counted(byte[] bytes) {
            int32(bytes.length);
            write(bytes, 0, bytes.length);
        }
    }
}
