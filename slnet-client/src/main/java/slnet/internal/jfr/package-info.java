/**
 * Java Flight Recorder events for the rare moments that matter when a bot misbehaves in production:
 * a circuit lost, a reliable packet given up after its last resend, a packet rejected as malformed, a
 * login or a teleport failed. Not part of the API: the event names ({@code slnet.CircuitLost}, ...)
 * and their fields are what users see, in {@code jfr print --events slnet.*} or JDK Mission Control.
 *
 * <p>Each event is enabled by default with no threshold, so {@code jcmd <pid> JFR.start} records them.
 * Emitting costs a check of {@link jdk.jfr.Event#shouldCommit()} when no recording is running.
 * {@link slnet.internal.jfr.FlightEvents} is the one place the other layers call; it is thread-safe
 * and never throws.
 */
package slnet.internal.jfr;
