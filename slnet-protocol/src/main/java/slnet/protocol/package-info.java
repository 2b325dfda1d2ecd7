/**
 * LLUDP packet framing: the packet codec, zerocoding, the header and appended-ack flyweight, the
 * message descriptors and registry, and the one exception a decoder throws.
 *
 * <p>Threading: descriptors, the registry and messages are immutable and thread-safe.
 * {@link slnet.protocol.PacketCodec}, {@link slnet.protocol.WireReader} and
 * {@link slnet.protocol.WireWriter} hold scratch state and belong to one thread at a time.
 * {@link slnet.protocol.PacketHeader} and {@link slnet.protocol.Zerocoder} are stateless.
 *
 * <p>Errors: decoding never throws anything but {@link slnet.protocol.PacketDecodeException},
 * which carries a reason and a byte offset. Encoding a message that cannot fit throws
 * {@link slnet.protocol.PacketEncodeException}.
 */
package slnet.protocol;
