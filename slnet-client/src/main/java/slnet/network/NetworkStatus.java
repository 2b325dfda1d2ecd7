package slnet.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a client's connection to the grid stands, and which moves between these states are
 * legal.
 *
 * <p>The legal moves (anything else, including staying put, is a bug):
 * <pre>
 * IDLE           -&gt; AUTHENTICATING
 * AUTHENTICATING -&gt; CONNECTING | DISCONNECTING | DISCONNECTED
 * CONNECTING     -&gt; CONNECTED | DISCONNECTING | DISCONNECTED
 * CONNECTED      -&gt; RECONNECTING | DISCONNECTING | DISCONNECTED
 * RECONNECTING   -&gt; AUTHENTICATING | CONNECTING | DISCONNECTING | DISCONNECTED
 * DISCONNECTING  -&gt; DISCONNECTED
 * DISCONNECTED   -&gt; AUTHENTICATING
 * </pre>
 * {@code DISCONNECTED -> AUTHENTICATING} lets one network manager log in again after a logout or
 * a lost session (a new session, not a resumed one), so a client object can be reused.
 * A failed login goes straight from {@code AUTHENTICATING} to {@code DISCONNECTED}; a login
 * cancelled by a disconnect goes through {@code DISCONNECTING}, which lasts until the login
 * answered, for if it succeeded the grid holds a session that must be logged out.
 * {@code RECONNECTING -> AUTHENTICATING} is a reconnect that needs a fresh login;
 * {@code RECONNECTING -> CONNECTING} one that reuses the session (new circuit, same seed).
 */
public enum NetworkStatus {
    /** Nothing started yet. */
    IDLE,
    /** Logging in (XML-RPC or LLSD login). */
    AUTHENTICATING,
    /** Logged in; opening the circuit to the first simulator and the capabilities. */
    CONNECTING,
    /** In world: circuit up and region handshake done. */
    CONNECTED,
    /** The session was lost and is being re-established. */
    RECONNECTING,
    /** Logging out and closing circuits. */
    DISCONNECTING,
    /** Logged out or lost; terminal until a new login. */
    DISCONNECTED;

    // Filled after all constants exist: an enum constant cannot name a later one in its initializer.
    private Set<NetworkStatus> next;

    static {
        IDLE.next = EnumSet.of(AUTHENTICATING);
        AUTHENTICATING.next = EnumSet.of(CONNECTING, DISCONNECTING, DISCONNECTED);
        CONNECTING.next = EnumSet.of(CONNECTED, DISCONNECTING, DISCONNECTED);
        CONNECTED.next = EnumSet.of(RECONNECTING, DISCONNECTING, DISCONNECTED);
        RECONNECTING.next = EnumSet.of(AUTHENTICATING, CONNECTING, DISCONNECTING, DISCONNECTED);
        DISCONNECTING.next = EnumSet.of(DISCONNECTED);
        DISCONNECTED.next = EnumSet.of(AUTHENTICATING);
    }

    /**
     * Tells whether moving from this status to {@code target} is legal.
     *
     * @param target the status to move to
     * @return true if the table above allows it
     */
    public boolean canMoveTo(NetworkStatus target) {
        return next.contains(target);
    }

    /**
     * Returns the statuses this one may move to.
     *
     * @return an unmodifiable set, possibly of one
     */
    public Set<NetworkStatus> successors() {
        return java.util.Collections.unmodifiableSet(next);
    }

    /**
     * Tells whether the client has a live session in this status (circuits may carry messages).
     *
     * @return true for CONNECTING, CONNECTED and RECONNECTING
     */
    public boolean hasSession() {
        return this == CONNECTING || this == CONNECTED || this == RECONNECTING;
    }
}
