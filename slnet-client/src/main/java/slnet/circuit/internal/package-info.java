/**
 * The parts a {@link slnet.circuit.Circuit} is built from: the outgoing half
 * ({@link slnet.circuit.internal.PacketSender}: numbering, acks owed, reliable packets in flight,
 * resends, the send queue), RTT estimation, the duplicate window, the ack queue, the trust policy,
 * counters, deferred future completion and the event dispatcher. Not API: they may change without
 * notice.
 *
 * <p>Threading: {@link slnet.circuit.internal.EventDispatcher} and
 * {@link slnet.circuit.internal.CircuitCounters} are thread-safe; the other classes are not, and a
 * circuit guards each with its lock (or, for the inbound {@code Settlements}, its inbound lock).
 */
package slnet.circuit.internal;
