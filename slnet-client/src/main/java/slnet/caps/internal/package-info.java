/**
 * Internals of the capability layer; not API. Classes here may change without notice.
 *
 * <h2>Threading</h2>
 * {@link slnet.caps.internal.LongPollConnection} belongs to one event queue and is used by that
 * queue's thread only; it blocks on its socket, which is fine on a virtual thread.
 */
package slnet.caps.internal;
