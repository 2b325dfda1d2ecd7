/**
 * Plumbing that slnet's own modules share and users must not rely on: it may change without
 * notice. Everything here is stateless and thread-safe.
 */
package slnet.protocol.internal;
