/**
 * A small, hand-written XML-RPC codec (requests, responses, faults) on StAX.
 *
 * <p>Values map to plain Java types: {@code String}, {@code Integer}, {@code Boolean},
 * {@code Double}, {@code java.time.LocalDateTime} (dateTime.iso8601), {@code byte[]} (base64),
 * {@code List<Object>} (array), {@code Map<String, Object>} (struct, insertion ordered) and
 * {@link slnet.login.xmlrpc.XmlRpcNil#NIL}. Decoded collections are unmodifiable.
 *
 * <p>Hand-written on purpose: the only mainstream Java library is unmaintained and had
 * deserialization flaws. The reader refuses DTDs and external entities and bounds input size,
 * nesting depth and string length before allocating from them; every failure is one checked
 * {@link slnet.login.xmlrpc.XmlRpcException}.
 *
 * <p>Threading: {@link slnet.login.xmlrpc.XmlRpcReader} and {@link slnet.login.xmlrpc.XmlRpcWriter}
 * are immutable and safe to share between threads; they own no resources.
 */
package slnet.login.xmlrpc;
