/**
 * An embedded test grid: login and capability HTTP servers and simulators on loopback,
 * with fault switches, so the whole client stack can be exercised offline.
 *
 * <p>{@link slnet.testgrid.TestGrid} is the facade: it starts a {@link slnet.testgrid.LoginServer}
 * (a real HTTP login service on an ephemeral loopback port) and one
 * {@link slnet.testgrid.sim.Simulator} (a region on a loopback UDP port) that admits exactly the
 * circuit codes the login server issued. Servers are thread-safe, own their sockets and worker
 * threads, and are {@code AutoCloseable} with idempotent {@code close()}; records here are immutable.
 */
package slnet.testgrid;
