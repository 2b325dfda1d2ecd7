/**
 * Internals of the capability layer; not API. Classes here may change without notice.
 *
 * <h2>Threading</h2>
 * {@link slnet.caps.internal.BoundedBodyHandler} is stateless and shareable; each subscriber it
 * makes is driven by the HTTP client's own threads.
 */
package slnet.caps.internal;
