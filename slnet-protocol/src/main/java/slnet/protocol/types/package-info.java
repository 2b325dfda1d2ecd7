/**
 * Immutable value types used by messages: {@link slnet.protocol.types.Bytes} for Fixed and
 * Variable fields, and the vector and quaternion types. UUIDs are {@link java.util.UUID} and
 * IP addresses {@link java.net.Inet4Address}. All types here are immutable and thread-safe.
 */
package slnet.protocol.types;
