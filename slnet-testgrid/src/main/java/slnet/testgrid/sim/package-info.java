/**
 * A simulator for the test grid: one region on a loopback UDP port that speaks the viewer side of
 * LLUDP through the real circuit layer ({@link slnet.circuit.CircuitRole#SIMULATOR}). It accepts the
 * circuit codes the login server issued, runs the region handshake, relays local chat by range,
 * delivers instant messages, answers logout, and offers test controls (kick, move an avatar, die
 * without a goodbye, switch the logout reply off) and a log of what each agent sent.
 *
 * <p>Threading and ownership: a {@link slnet.testgrid.sim.Simulator} owns its UDP transport (one
 * receive thread), its circuits and, unless one was injected, a scheduler thread; it is
 * {@code AutoCloseable} with an idempotent {@code close()} that leaves no thread or socket behind.
 * Viewer messages are handled on the receive thread; test controls and accessors are safe from any
 * thread. Records here are immutable snapshots. Session ids are never logged.
 */
package slnet.testgrid.sim;
