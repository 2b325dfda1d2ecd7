package slnet.protocol;

/**
 * A message of the template. Generated types implement it, one record per message, with a nested
 * record per block; all are immutable.
 */
public interface Message {
    /**
     * Returns what the template says of this message.
     *
     * @return the descriptor
     */
    MessageDescriptor descriptor();

    /**
     * Writes this message's blocks (not its number) to the wire.
     *
     * @param out the writer
     * @throws PacketEncodeException if the body does not fit the writer
     */
    void encodeBody(WireWriter out);
}
