/**
 * An embedded test grid: login and capability HTTP servers and simulators on loopback,
 * with fault switches, so the whole client stack can be exercised offline.
 *
 * <p>{@link slnet.testgrid.TestGrid} is the facade: it starts a {@link slnet.testgrid.LoginServer}
 * (a real HTTP login service on an ephemeral loopback port), one
 * {@link slnet.testgrid.sim.Simulator} per region (each on a loopback UDP port) admitting exactly
 * the circuit codes the login server issued, and a {@link slnet.testgrid.caps.CapsServer} serving
 * each agent's seed capability and event queue per region. Servers are thread-safe, own their sockets and worker
 * threads, and are {@code AutoCloseable} with idempotent {@code close()}; records here are immutable.
 */
package slnet.testgrid;
