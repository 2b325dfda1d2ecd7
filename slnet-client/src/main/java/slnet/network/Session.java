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
    /** Set while the agent moves to another region, so the old one disabling its circuit ends nothing. */
    volatile boolean moving;
    /** Each region's running services, by simulator address. */
    final ConcurrentHashMap<InetSocketAddress, AutoCloseable> services =
            new ConcurrentHashMap<>();
    /** Seeds of regions whose circuit is not (yet) open, by simulator address. */
    final ConcurrentHashMap<InetSocketAddress, URI> seeds =
            new ConcurrentHashMap<>();
    // Guarded by this.
    AgentUpdater updater;
    boolean ended;

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
