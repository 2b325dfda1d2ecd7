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
 */
package slnet.protocol.llsd;
