/**
 * The parts a {@link slnet.circuit.Circuit} is built from: RTT estimation, the duplicate window, the
 * ack queue, the trust policy and the event dispatcher. Not API: they may change without notice.
 *
 * <p>Threading: {@link slnet.circuit.internal.EventDispatcher} is thread-safe; the other classes are
 * not, and a circuit guards each with its lock.
 */
package slnet.circuit.internal;
