/**
 * LLSD (Linden Lab Structured Data): the value model {@link slnet.protocol.llsd.Llsd} and its
 * three serialisations, {@link slnet.protocol.llsd.LlsdXml}, {@link slnet.protocol.llsd.LlsdBinary}
 * and {@link slnet.protocol.llsd.LlsdNotation}.
 *
 * <p><b>Threading and ownership.</b> Values are deeply immutable (binary values copy their bytes
 * in and out) and may be shared freely between threads. The codec classes are stateless; each
 * parse uses its own state, so any thread may call them concurrently. Parsers never keep a
 * reference to the caller's input array after returning.
 *
 * <p><b>Hostile input.</b> Every parser throws only the checked
 * {@link slnet.protocol.llsd.LlsdException} (with a reason and an offset) for bad input, and
 * enforces {@link slnet.protocol.llsd.LlsdLimits} (depth, input size, element count, value
 * length) before allocating from any length or count read from the input. XML parsing has DTDs
 * and external entities off.
 *
 * <p><b>Text.</b> Strings are UTF-8 on the wire in every format; parsers reject invalid UTF-8.
 * A Java string holding an unpaired surrogate cannot be encoded and is written with a
 * replacement character, as are characters XML 1.0 cannot carry (most C0 controls) in XML.
 *
 * <p><b>Secrets.</b> {@code toString()} of a value shows its contents, and LLSD bodies carry
 * capability URLs and session ids: log a value only when it is known to hold no secret.
 */
package slnet.protocol.llsd;
