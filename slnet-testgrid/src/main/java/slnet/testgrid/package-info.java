/**
 * An embedded test grid: login and capability HTTP servers and simulators on loopback,
 * with fault switches, so the whole client stack can be exercised offline.
 *
 * <p>{@link slnet.testgrid.LoginServer} is a real HTTP login service on an ephemeral loopback
 * port. Servers are thread-safe, own their sockets and worker threads, and are
 * {@code AutoCloseable} with idempotent {@code close()}; records here are immutable.
 */
package slnet.testgrid;
