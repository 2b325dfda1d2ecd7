package slnet.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import slnet.caps.CapabilityClient;
import slnet.caps.CapabilityNames;
import slnet.login.AuthenticationService;
import slnet.time.ExecutorScheduler;
import slnet.time.Scheduler;
import slnet.transport.UdpSelectorLoop;
import slnet.transport.UdpTransportConfig;

/**
 * What many clients in one JVM share, so that a fleet of bots costs a constant number of platform
 * threads however many bots there are: one UDP receive thread (an NIO selector over every client's
 * socket; each client keeps a socket of its own, as a simulator tells circuits apart by address),
 * one timer for every circuit, handshake and agent update (timers run at deadlines, so an idle bot
 * wakes only for its pings and keep-alives), and one {@link HttpClient}, on virtual threads, for
 * logins, capabilities and event queues. Dispatch, event delivery and blocking work already run on
 * virtual threads.
 *
 * <pre>{@code
 * try (ClientResources shared = ClientResources.create()) {
 *     NetworkConfig network = NetworkConfig.builder().resources(shared).build();
 *     List<Client> bots = ...; // Client.create(ClientConfig.builder().network(network).build()), many times
 *     ...
 *     bots.forEach(Client::close);   // each client closes only what is its own
 * }                                  // then the shared threads, sockets and connections go
 * }</pre>
 *
 * <p>A client built on shared resources does not own them and does not close them; whoever created
 * them closes them, after the clients. A client on its own ({@code Client.create()}) keeps owning
 * everything itself, as before. Thread-safe.
 */
public final class ClientResources implements AutoCloseable {
    private final UdpSelectorLoop udp;
    private final ExecutorScheduler timer;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final AuthenticationService login;
    private final RegionServices regionServices;
    private final UdpTransportConfig udpConfig;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientResources(Builder b) throws IOException {
        this.udpConfig = b.udpConfig;
        this.udp = UdpSelectorLoop.start(b.threadPrefix + "-udp");
        this.timer = new ExecutorScheduler(b.threadPrefix + "-timer");
        // Shared threads inherit nothing (no client's MDC) from whichever client happened to start them.
        this.httpExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(b.threadPrefix + "-http-", 0)
                .inheritInheritableThreadLocals(false).factory());
        // No connect timeout: with one, the JDK's HttpClient keeps each connection's connect timer,
        // and through it the whole first exchange on that connection (request and response bodies,
        // ~40 KB for a seed request), for as long as the connection lives; event-queue connections
        // live as long as the bot. Every request's own timeout bounds its connect as well.
        this.http = HttpClient.newBuilder()
                // a login POST must not be re-sent elsewhere; capability URLs do not redirect
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.login = AuthenticationService.builder().httpClient(http).build();
        // The shared HttpClient has no proxy, so event queues take the light long-poll connection
        // (about 54 KB a bot less than a JDK HttpClient exchange); b.jdkEventQueues switches back.
        this.regionServices = new CapabilityRegionServices(CapabilityNames.VIEWER_DEFAULTS,
                CapabilityRegionServices.SEED_ATTEMPTS, eq -> { },
                () -> CapabilityClient.builder().httpClient(http).build(), !b.jdkEventQueues);
    }

    /**
     * Starts shared resources with the defaults.
     *
     * @return them, running
     * @throws UncheckedIOException if no selector or socket machinery can be had
     */
    public static ClientResources create() {
        return builder().build();
    }

    /**
     * Returns a builder with the defaults.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the timer every client on these resources uses.
     *
     * @return the timer every client on these resources uses
     */
    public Scheduler scheduler() {
        return timer;
    }

    /**
     * Returns the HTTP client for logins, capabilities and event queues.
     *
     * @return the HTTP client for logins, capabilities and event queues
     */
    public HttpClient httpClient() {
        return http;
    }

    /**
     * Returns the login service on the shared HTTP client.
     *
     * @return the login service on the shared HTTP client
     */
    public AuthenticationService authenticationService() {
        return login;
    }

    /**
     * Returns the default region services (seed capability, event queue) on the shared HTTP client.
     *
     * @return the default region services (seed capability, event queue) on the shared HTTP client
     */
    public RegionServices regionServices() {
        return regionServices;
    }

    /**
     * Returns opens one socket per client, all read by the shared receive thread.
     *
     * @return opens one socket per client, all read by the shared receive thread
     */
    public TransportFactory transportFactory() {
        return () -> udp.open(udpConfig);
    }

    /**
     * Returns how many client sockets are open on the shared receive thread.
     *
     * @return how many client sockets are open on the shared receive thread
     */
    public int openSockets() {
        return udp.openTransports();
    }

    /**
     * Stops the shared threads and closes the sockets and connections still open. Close the clients
     * first: a client still connected loses its circuits. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        udp.close();
        timer.close();
        login.close();
        http.close();
        httpExecutor.close();
    }

    @Override
    public String toString() {
        return "ClientResources[" + udp.openTransports() + " sockets]";
    }

    /** Configures {@link ClientResources}; not thread-safe. */
    public static final class Builder {
        private String threadPrefix = "slnet-shared";
        private UdpTransportConfig udpConfig = UdpTransportConfig.defaults();
        private boolean jdkEventQueues;

        private Builder() {
        }

        /**
         * Sets whether event queues poll through the shared JDK {@code HttpClient} instead of slnet's light long-poll connection (the default, which costs far less heap per bot).
         *
         * @param v whether event queues poll through the shared JDK {@code HttpClient} instead of
         *     slnet's light long-poll connection (the default, which costs far less heap per bot)
         * @return this
         */
        public Builder jdkEventQueues(boolean v) {
            jdkEventQueues = v;
            return this;
        }

        /**
         * Sets the prefix of the shared threads' names.
         *
         * @param v the prefix of the shared threads' names
         * @return this
         */
        public Builder threadPrefix(String v) {
            threadPrefix = Objects.requireNonNull(v, "threadPrefix");
            return this;
        }

        /**
         * Sets the settings of each client's UDP socket.
         *
         * @param v the settings of each client's UDP socket
         * @return this
         */
        public Builder udpConfig(UdpTransportConfig v) {
            udpConfig = Objects.requireNonNull(v, "udpConfig");
            return this;
        }

        /**
         * Starts the resources.
         *
         * @return them
         * @throws UncheckedIOException if no selector can be opened
         */
        public ClientResources build() {
            try {
                return new ClientResources(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the shared UDP receive loop", e);
            }
        }
    }
}
