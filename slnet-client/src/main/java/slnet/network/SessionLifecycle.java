package slnet.network;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import slnet.login.AuthenticationService;
import slnet.login.LoginCredentials;
import slnet.login.LoginException;
import slnet.login.LoginFailure;
import slnet.login.SessionInfo;
import slnet.protocol.messages.AgentMovementComplete;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.UseCircuitCode;
import slnet.time.Scheduler;

/**
 * A {@link NetworkManager}'s sessions from login to logout: logs in ({@code AUTHENTICATING}), opens
 * the primary circuit and runs the region handshake ({@code CONNECTING}), starts the agent-update
 * loop ({@code CONNECTED}), logs out ({@code DISCONNECTING}), reconnects when the primary circuit is
 * lost ({@code RECONNECTING}), and ends a session, closing its circuits and services
 * ({@code DISCONNECTED}). It holds the current {@link Session}, the reconnect loop and the JVM
 * shutdown hook; the manager holds the circuits, the bus and the message dispatch.
 *
 * <p>Thread-safe: status moves are compare-and-set on the {@link NetworkStatusTracker}, the rest is
 * guarded by one lock; login and reconnect attempts run on virtual threads of their own.
 */
final class SessionLifecycle {
    private static final long JOIN_MILLIS = 1000;
    private static final String LOGIN_CANCELLED = "login cancelled";

    private final NetworkManager manager;
    private final NetworkConfig config;
    private final Scheduler scheduler;
    private final AuthenticationService auth;
    private final NetworkEventBus bus;
    private final NetworkStatusTracker tracker;
    private final SimulatorCircuits circuits;
    private final RegionTravel travel;

    private final Object lock = new Object();
    // Guarded by lock.
    private ReconnectLoop reconnect;
    private Thread shutdownHook;
    private boolean closed;

    private volatile Session session;
    /** Completes once the latest login attempt is over (a disconnect during it waits for this). */
    private volatile CompletableFuture<Void> loginOver = CompletableFuture.completedFuture(null);

    SessionLifecycle(NetworkManager manager, AuthenticationService auth, NetworkStatusTracker tracker,
                     SimulatorCircuits circuits, RegionTravel travel) {
        this.manager = manager;
        this.config = manager.config();
        this.scheduler = manager.scheduler();
        this.auth = auth;
        this.bus = manager.events();
        this.tracker = tracker;
        this.circuits = circuits;
        this.travel = travel;
    }

    /** @return the current session, or null */
    Session current() {
        return session;
    }

    private java.time.Instant now() {
        return config.clock().instant();
    }

    SessionSummary connect(LoginCredentials credentials) throws ConnectException, InterruptedException {
        CompletableFuture<SessionSummary> result = connectAsync(credentials);
        try {
            return result.get();
        } catch (InterruptedException e) {
            disconnectAsync();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectException ce) {
                throw ce;
            }
            throw new ConnectException(ConnectStep.CANCELLED, String.valueOf(e.getCause()), e.getCause());
        }
    }

    CompletableFuture<SessionSummary> connectAsync(LoginCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        synchronized (lock) {
            ensureOpen();
            NetworkStatus from = tracker.status();
            if (from != NetworkStatus.IDLE && from != NetworkStatus.DISCONNECTED) {
                throw new IllegalStateException("cannot connect while " + from);
            }
            if (!tracker.moveIf(from, NetworkStatus.AUTHENTICATING)) {
                throw new IllegalStateException("status changed while connecting");
            }
        }
        CompletableFuture<SessionSummary> result = new CompletableFuture<>();
        CompletableFuture<Void> over = new CompletableFuture<>();
        loginOver = over;
        Thread.ofVirtual().name("slnet-login").start(manager.logContext().wrap(() -> {
            try {
                login(credentials, result);
            } finally {
                over.complete(null);
            }
        }));
        return result;
    }

    private void login(LoginCredentials credentials, CompletableFuture<SessionSummary> result) {
        SessionInfo info;
        try {
            info = auth.login(credentials);
        } catch (LoginException e) {
            String reason = "login failed: " + e.getMessage(); // the message starts with the failure
            ConnectException failure = new ConnectException(ConnectStep.LOGIN, reason, e);
            bus.publish(new NetworkEvent.ErrorOccurred(reason, e, now()));
            moveToDisconnected(cancelled() ? LOGIN_CANCELLED : reason);
            result.completeExceptionally(failure);
            return;
        } catch (RuntimeException e) {
            String reason = "login failed: " + e;
            bus.publish(new NetworkEvent.ErrorOccurred(reason, e, now()));
            moveToDisconnected(cancelled() ? LOGIN_CANCELLED : reason);
            result.completeExceptionally(new ConnectException(ConnectStep.LOGIN, reason, e));
            return;
        }
        if (!tracker.moveIf(NetworkStatus.AUTHENTICATING, NetworkStatus.CONNECTING)) {
            // A disconnect (or close) came while the login ran, and the grid has a session now.
            logOutUnentered(info);
            moveToDisconnected(LOGIN_CANCELLED);
            result.completeExceptionally(new ConnectException(ConnectStep.CANCELLED,
                    "connect cancelled during login", null));
            return;
        }
        startSession(info, credentials, result);
    }

    private boolean cancelled() {
        return tracker.status() == NetworkStatus.DISCONNECTING;
    }

    /**
     * Logs out a session the login opened after a disconnect was asked for. The agent never
     * entered the region, but the grid expects it there and counts it as logged in until it gives
     * up waiting, which can keep a prompt new login out ("already logged in"). So the circuit is
     * opened just to say goodbye, as a viewer quitting at once after arriving would:
     * {@code UseCircuitCode}, then {@code LogoutRequest}, each reliable, on the login thread, within
     * the logout timeout; then the circuit closes. On OpenSimulator and Second Life alike a
     * simulator takes {@code LogoutRequest} from any agent with a circuit, before
     * {@code CompleteAgentMovement} as after.
     */
    private void logOutUnentered(SessionInfo info) {
        CircuitLink link;
        try {
            link = circuits.open(info.simulator(), info.regionHandle());
        } catch (IOException | RuntimeException e) {
            NetworkManager.LOG.debug("could not open a circuit to log out the session of a cancelled login", e);
            return;
        }
        long deadline = System.nanoTime() + config.logoutTimeout().toNanos();
        try {
            link.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(info.circuitCode(), info.sessionId(),
                    info.agentId()))).get(config.logoutTimeout().toNanos(), TimeUnit.NANOSECONDS);
            link.sendReliable(new LogoutRequest(new LogoutRequest.AgentData(info.agentId(), info.sessionId())))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            NetworkManager.LOG.debug("the session of a cancelled login was not logged out: {}", e.toString());
        } finally {
            circuits.close(link);
        }
    }

    /** In CONNECTING: opens the primary circuit and runs the handshake. */
    private void startSession(SessionInfo info, LoginCredentials credentials,
                              CompletableFuture<SessionSummary> result) {
        CircuitLink primary;
        try {
            primary = circuits.open(info.simulator(), info.regionHandle());
        } catch (IOException | RuntimeException e) {
            String reason = "could not open a circuit to " + info.simulator() + ": " + e.getMessage();
            ConnectException failure = new ConnectException(ConnectStep.USE_CIRCUIT_CODE, reason, e);
            bus.publish(new NetworkEvent.ErrorOccurred(reason, e, now()));
            moveToDisconnected(reason);
            result.completeExceptionally(failure);
            return;
        }
        Session s = new Session(info, credentials, primary);
        s.handshake = new Handshake(primary, scheduler, config.handshakeStepTimeout(), info, () -> startUpdater(s));
        primary.handshake = s.handshake;
        session = s;
        s.handshake.result().whenComplete((amc, failure) -> {
            if (failure == null) {
                onEntered(s, amc, result);
            } else {
                ConnectException ce = failure instanceof ConnectException c ? c
                        : new ConnectException(ConnectStep.CANCELLED, String.valueOf(failure), failure);
                if (ce.step() != ConnectStep.CANCELLED) {
                    bus.publish(new NetworkEvent.ErrorOccurred(ce.getMessage(), ce, now()));
                }
                endSession(s, "connect failed: " + ce.getMessage());
                result.completeExceptionally(ce);
            }
        });
        s.handshake.start();
    }

    private void startUpdater(Session s) {
        AgentUpdater updater = new AgentUpdater(scheduler, s.info, m -> s.primary.send(m, false),
                config.agentUpdateInterval(), config.agentUpdateKeepAlive());
        synchronized (s) {
            if (s.ended) {
                return;
            }
            s.updater = updater;
        }
        updater.start();
    }

    private void onEntered(Session s, AgentMovementComplete amc, CompletableFuture<SessionSummary> result) {
        manager.agentMoved(amc.data().position());
        bus.publish(new NetworkEvent.CircuitConnected(s.primary.remoteAddress(), now()));
        if (!tracker.moveIf(NetworkStatus.CONNECTING, NetworkStatus.CONNECTED)) {
            result.completeExceptionally(new ConnectException(ConnectStep.CANCELLED,
                    "connect cancelled while entering the region", null));
            return;
        }
        SessionSummary summary = new SessionSummary(s.info.agentId(),
                (s.info.firstName() + " " + s.info.lastName()).strip(), s.primary.region.name());
        bus.publish(new NetworkEvent.Connected(summary, now()));
        installShutdownHook();
        s.info.seedCapability().ifPresent(seed -> manager.startRegionServices(s, s.primary, seed));
        result.complete(summary);
    }

    /** The circuit failed (timed out, or closed by an error); on the primary one the session ends or reconnects. */
    void circuitLost(CircuitLink link, String reason) {
        Session s = session;
        if (!circuits.isOpen(link)) {
            return; // already closed on purpose
        }
        if (s != null && s.handshake.succeeded() && s.letGo(link) == Session.LetGo.DEFERRED) {
            circuits.close(link); // the agent is on its way out of this region: the move decides
            return;
        }
        manager.lose(link, reason);
        if (s == null || s.primary != link) {
            return;
        }
        if (!s.handshake.succeeded()) {
            // Still connecting: the connect attempt fails naming the step it was at, and its
            // failure handler ends the session (also when the handshake failed a moment ago).
            s.handshake.circuitLost(reason);
            return;
        }
        boolean reconnectNow = false;
        synchronized (lock) {
            if (!closed && config.reconnectPolicy().enabled()
                    && tracker.moveIf(NetworkStatus.CONNECTED, NetworkStatus.RECONNECTING)) {
                reconnectNow = true;
            }
        }
        if (!reconnectNow) {
            endSession(s, "circuit lost: " + reason);
            return;
        }
        teardown(s, reason);
        if (session == s) {
            session = null;
        }
        ReconnectLoop loop = new ReconnectLoop(scheduler, config.reconnectPolicy(),
                attempt -> reconnectAttempt(s.credentials, attempt),
                (attempt, delay) -> bus.publish(new ReconnectScheduled(attempt, delay, now())),
                why -> moveToDisconnected("circuit lost: " + reason + "; " + why));
        synchronized (lock) {
            reconnect = loop;
        }
        loop.start();
    }

    private CompletableFuture<ReconnectLoop.Result> reconnectAttempt(LoginCredentials credentials, int attempt) {
        CompletableFuture<ReconnectLoop.Result> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("slnet-reconnect").start(manager.logContext().wrap(() -> {
            if (tracker.status() != NetworkStatus.RECONNECTING) {
                outcome.complete(new ReconnectLoop.Result(ReconnectLoop.Outcome.GIVE_UP, "reconnect cancelled"));
                return;
            }
            SessionInfo info;
            try {
                info = auth.login(credentials);
            } catch (LoginException e) {
                String reason = "reconnect attempt " + attempt + ": login failed: " + e.getMessage();
                bus.publish(new NetworkEvent.ErrorOccurred(reason, e, now()));
                outcome.complete(new ReconnectLoop.Result(retryable(e.failure())
                        ? ReconnectLoop.Outcome.RETRY : ReconnectLoop.Outcome.GIVE_UP, reason));
                return;
            }
            if (!tracker.moveIf(NetworkStatus.RECONNECTING, NetworkStatus.CONNECTING)) {
                logOutUnentered(info); // disconnected while this login ran
                outcome.complete(new ReconnectLoop.Result(ReconnectLoop.Outcome.GIVE_UP, "reconnect cancelled"));
                return;
            }
            CompletableFuture<SessionSummary> connected = new CompletableFuture<>();
            connected.whenComplete((summary, failure) -> outcome.complete(failure == null
                    ? new ReconnectLoop.Result(ReconnectLoop.Outcome.CONNECTED, "")
                    : new ReconnectLoop.Result(ReconnectLoop.Outcome.GIVE_UP, failure.getMessage())));
            startSession(info, credentials, connected);
        }));
        return outcome;
    }

    private static boolean retryable(LoginFailure failure) {
        return failure == LoginFailure.PRESENCE || failure == LoginFailure.GRID_DOWN
                || failure == LoginFailure.CONNECTION_FAILED || failure == LoginFailure.TIMEOUT;
    }

    CompletableFuture<Void> disconnectAsync() {
        ReconnectLoop loop;
        synchronized (lock) {
            loop = reconnect;
            reconnect = null;
        }
        if (loop != null) {
            loop.cancel();
        }
        while (true) {
            NetworkStatus status = tracker.status();
            switch (status) {
                case IDLE, DISCONNECTED, DISCONNECTING -> {
                    Session s = session;
                    return s == null ? loginOver : s.ended();
                }
                case AUTHENTICATING -> {
                    // The login's answer decides: a session it opened is logged out, then DISCONNECTED.
                    if (tracker.moveIf(status, NetworkStatus.DISCONNECTING)) {
                        return loginOver;
                    }
                }
                case CONNECTING, CONNECTED, RECONNECTING -> {
                    if (tracker.moveIf(status, NetworkStatus.DISCONNECTING)) {
                        return logout(session, status);
                    }
                }
            }
        }
    }

    private CompletableFuture<Void> logout(Session s, NetworkStatus from) {
        if (s == null) {
            moveToDisconnected("logged out");
            return CompletableFuture.completedFuture(null);
        }
        s.handshake.cancel("disconnect requested");
        s.stopUpdater();
        if (from == NetworkStatus.CONNECTING || !s.primary.circuit.isOpen()) {
            endSession(s, "logged out");
            return s.ended();
        }
        s.primary.sendReliable(new LogoutRequest(new LogoutRequest.AgentData(s.info.agentId(), s.info.sessionId())));
        CompletableFuture<Boolean> replied = s.logoutReply.thenApply(v -> true);
        try {
            scheduler.schedule(() -> replied.complete(false), config.logoutTimeout().toNanos());
        } catch (RuntimeException e) {
            replied.complete(false);
        }
        replied.thenAccept(gotReply -> endSession(s, gotReply ? "logged out"
                : "logged out (no LogoutReply within " + config.logoutTimeout().toMillis() + " ms)"));
        return s.ended();
    }

    /** Ends a session for good: closes its circuits and moves to DISCONNECTED with the reason. */
    void endSession(Session s, String reason) {
        if (!teardown(s, reason)) {
            return;
        }
        if (session == s) {
            session = null;
        }
        moveToDisconnected(reason);
        s.ended().complete(null);
    }

    /** Closes a session's circuits and tasks; false if already done. */
    private boolean teardown(Session s, String reason) {
        java.util.List<AutoCloseable> services;
        synchronized (s) {
            if (s.ended) {
                return false;
            }
            s.ended = true;
            services = java.util.List.copyOf(s.services.values());
            s.services.clear();
        }
        s.handshake.cancel(reason);
        s.stopUpdater();
        travel.sessionEnded(reason);
        services.forEach(NetworkManager::closeQuietly);
        circuits.closeAll();
        return true;
    }

    void moveToDisconnected(String reason) {
        while (true) {
            NetworkStatus status = tracker.status();
            if (status == NetworkStatus.IDLE || status == NetworkStatus.DISCONNECTED) {
                return;
            }
            if (tracker.moveIf(status, NetworkStatus.DISCONNECTED)) {
                bus.publish(new NetworkEvent.Disconnected(reason, now()));
                return;
            }
        }
    }

    private void installShutdownHook() {
        if (!config.logoutOnShutdown()) {
            return;
        }
        synchronized (lock) {
            if (closed || shutdownHook != null) {
                return;
            }
            shutdownHook = new Thread(this::logoutOnShutdown, "slnet-shutdown-logout");
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                shutdownHook = null; // already shutting down
            }
        }
    }

    private void logoutOnShutdown() {
        if (!tracker.status().hasSession()) {
            return;
        }
        try {
            disconnectAsync().get(config.logoutTimeout().toMillis() + JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the process is ending; the grid will time the session out
        }
    }

    /**
     * Logs out if connected (bounded), cancels reconnecting and ends the session; afterwards
     * connecting throws.
     *
     * @return false if already closed
     */
    boolean close() {
        Thread hook;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            hook = shutdownHook;
            shutdownHook = null;
        }
        NetworkStatus status = tracker.status();
        if (status.hasSession() || status == NetworkStatus.AUTHENTICATING) {
            try {
                disconnectAsync().get(config.logoutTimeout().toMillis() + JOIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                NetworkManager.LOG.debug("logout on close did not finish", e);
            }
        }
        ReconnectLoop loop;
        synchronized (lock) {
            closed = true;
            loop = reconnect;
            reconnect = null;
        }
        if (loop != null) {
            loop.cancel();
        }
        Session s = session;
        if (s != null) {
            endSession(s, "client closed");
        }
        moveToDisconnected("client closed");
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook runs or ran anyway
            }
        }
        return true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("network manager is closed");
        }
    }
}
