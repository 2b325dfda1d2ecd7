package slnet.internal.jfr;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Emits the flight-recorder events; one call per moment, from the layer where it happens. Each
 * method builds its event only when a recording wants it ({@link jdk.jfr.Event#shouldCommit()}),
 * so the cost with JFR off is a flag check. Thread-safe; never throws.
 */
public final class FlightEvents {
    private FlightEvents() {
    }

    /**
     * Sets the simulator.
     *
     * @param simulator the simulator
     * @param reason    why it was lost
     */
    public static void circuitLost(InetSocketAddress simulator, String reason) {
        CircuitLostEvent e = new CircuitLostEvent();
        if (e.shouldCommit()) {
            e.simulator = address(simulator);
            e.reason = reason;
            e.commit();
        }
    }

    /**
     * Sets the other end of the circuit.
     *
     * @param peer          the other end of the circuit
     * @param role          which end this is
     * @param message       the message's name
     * @param sequence      its sequence number
     * @param transmissions how often it was sent
     */
    public static void packetLost(InetSocketAddress peer, String role, String message, int sequence,
            int transmissions) {
        PacketLostEvent e = new PacketLostEvent();
        if (e.shouldCommit()) {
            e.peer = address(peer);
            e.role = role;
            e.message = message;
            e.sequence = sequence;
            e.transmissions = transmissions;
            e.commit();
        }
    }

    /**
     * Sets the simulator.
     *
     * @param simulator the simulator
     * @param message   the message's name, or "?"
     * @param reason    the decoder's reason
     * @param detail    the decoder's message
     * @param count     rejections of that message on that circuit so far
     */
    public static void packetRejected(InetSocketAddress simulator, String message, String reason, String detail,
            long count) {
        PacketRejectedEvent e = new PacketRejectedEvent();
        if (e.shouldCommit()) {
            e.simulator = address(simulator);
            e.message = message;
            e.reason = reason;
            e.detail = detail;
            e.count = count;
            e.commit();
        }
    }

    /**
     * Sets first and last name.
     *
     * @param account  first and last name
     * @param loginUri the login URI; only its host and port are recorded
     * @param failure  the failure's kind
     * @param message  what the grid or the network said
     * @param elapsed  since the login started
     */
    public static void loginFailed(String account, URI loginUri, String failure, String message, Duration elapsed) {
        LoginFailedEvent e = new LoginFailedEvent();
        if (e.shouldCommit()) {
            e.account = account;
            e.loginHost = loginUri == null ? null
                    : loginUri.getPort() < 0 ? loginUri.getHost() : loginUri.getHost() + ":" + loginUri.getPort();
            e.failure = failure;
            e.message = message;
            e.elapsed = elapsed == null ? 0 : elapsed.toNanos();
            e.commit();
        }
    }

    /**
     * Sets why the teleport failed.
     *
     * @param reason why the teleport failed
     */
    public static void teleportFailed(String reason) {
        TeleportFailedEvent e = new TeleportFailedEvent();
        if (e.shouldCommit()) {
            e.reason = reason;
            e.commit();
        }
    }

    private static String address(InetSocketAddress a) {
        return a == null ? null : a.getHostString() + ":" + a.getPort();
    }
}
