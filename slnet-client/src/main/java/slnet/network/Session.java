package slnet.network;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import slnet.login.LoginCredentials;
import slnet.login.SessionInfo;

/** One login's state: its ids, primary circuit, handshake, update loop and each region's services. */
final class Session {
    final SessionInfo info;
    final LoginCredentials credentials;
    /** Switches on a teleport or a crossing. */
    volatile CircuitLink primary;
    final CompletableFuture<Void> logoutReply = new CompletableFuture<>();
    private final CompletableFuture<Void> endedFuture = new CompletableFuture<>();
    volatile Handshake handshake;
    /** Set while the agent moves into another region (a teleport's or crossing's arrival); guarded by this for writes. */
    volatile boolean moving;
    /** Set from a teleport request until it finished or failed (bounded by the teleport timeout). */
    volatile boolean teleporting;
    /** Each region's running services, by simulator address. */
    final ConcurrentHashMap<InetSocketAddress, AutoCloseable> services =
            new ConcurrentHashMap<>();
    /** Seeds of regions whose circuit is not (yet) open, by simulator address. */
    final ConcurrentHashMap<InetSocketAddress, URI> seeds =
            new ConcurrentHashMap<>();
    // Guarded by this.
    AgentUpdater updater;
    boolean ended;
    /** The primary circuit, once its region let go of it while the agent was on its way out. */
    CircuitLink released;

    /** What a region letting go of a circuit (DisableSimulator, or silence) means for the session. */
    enum LetGo {
        /** A neighbour's circuit, or one already left: close it. */
        NOT_PRIMARY,
        /** The primary one while the agent is on its way elsewhere: the move decides. */
        DEFERRED,
        /** The primary one, and the agent goes nowhere else: the session ends. */
        SESSION_ENDS
    }

    /**
     * Decides, against the primary circuit of this moment, what a region letting go of a circuit
     * means. Under the same lock as {@link #switchPrimary}, so a move completing on another
     * circuit's thread cannot slip between the look at the primary and the look at the move.
     */
    synchronized LetGo letGo(CircuitLink link) {
        if (primary != link) {
            return LetGo.NOT_PRIMARY;
        }
        if (moving || teleporting) {
            released = link;
            return LetGo.DEFERRED;
        }
        return LetGo.SESSION_ENDS;
    }

    /**
     * Makes the target the primary circuit, ending the move.
     *
     * @return true if the old primary's region let go of it during the move
     */
    synchronized boolean switchPrimary(CircuitLink target) {
        CircuitLink old = primary;
        primary = target;
        moving = false;
        boolean oldReleased = released == old;
        released = null;
        return oldReleased;
    }

    /** @return true if no move is under way and the region of the primary circuit let go of it */
    synchronized boolean strandedAfterMove() {
        return !moving && !teleporting && released != null && released == primary;
    }

    Session(SessionInfo info, LoginCredentials credentials, CircuitLink primary) {
        this.info = info;
        this.credentials = credentials;
        this.primary = primary;
    }

    CompletableFuture<Void> ended() {
        return endedFuture;
    }

    void stopUpdater() {
        AgentUpdater u;
        synchronized (this) {
            u = updater;
            updater = null;
        }
        if (u != null) {
            u.close();
        }
    }
}
