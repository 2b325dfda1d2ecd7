package slnet.protocol;

/**
 * How strictly a {@link PacketCodec} reads a message body.
 *
 * <p>Grids run simulators of many ages against one template: an older simulator leaves out the
 * variable blocks a newer template added at the end of a message, and some leave a stray byte after
 * the last block. The official viewer's template reader accepts both, and so does a circuit.
 */
public enum DecodeMode {
    /**
     * Every byte must be where the template says: a missing block count or a field that runs off the
     * end is {@link PacketDecodeException.Reason#TRUNCATED}, a byte after the last block is
     * {@link PacketDecodeException.Reason#TRAILING_BYTES}. For tools and tests that check what an
     * encoder wrote.
     */
    STRICT,
    /**
     * The official viewer's rules ({@code LLTemplateMessageReader}), as a circuit decodes: a variable
     * block whose count lies past the end has no repeats; a field that runs off the end, and every
     * field after it, reads as zeros (a variable field as empty); bytes after the last block are
     * ignored. Each of these is reported as a {@link Deviation}. Everything else stays as strict as
     * {@link #STRICT}: unknown messages, bad zerocoding, bad acks, and every length or count that does
     * not fit the bytes left (nothing is allocated from a length the bytes cannot hold).
     */
    LENIENT
}
