package slnet.testgrid.caps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.caps.CapabilityNames;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.llsd.LlsdLimits;
import slnet.protocol.llsd.LlsdXml;

/**
 * A capability server on loopback for tests: per-session seed capabilities, long-polling event
 * queues, and a log of every request.
 *
 * <p>Each {@link CapsSession} is one agent on one region. Its seed, at
 * {@code /seed/<random UUID>}, answers the requested names the server knows with URIs of their
 * own ({@code /cap/<random UUID>}), as Second Life's do; the {@code EventQueueGet} among them is
 * served by the session's event queue, any other by an empty map.
 *
 * <h2>Threading and ownership</h2>
 * The server owns its {@link HttpServer} and a virtual-thread executor that runs one thread per
 * request, so held polls do not block other requests. Sessions and the log are safe from any
 * thread. {@link #close()} (idempotent) stops answering at once, dropping held requests, which is
 * also how tests simulate a server that dies.
 */
public final class CapsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CapsServer.class);
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final LlsdLimits REQUEST_LIMITS = LlsdLimits.DEFAULT.withMaxBytes(MAX_REQUEST_BYTES);

    private final HttpServer http;
    private final ExecutorService executor;
    private final Duration pollHold;
    private final Set<String> known;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final java.util.function.BiFunction<UUID, Llsd, Optional<Llsd>> chatSessions;
    private final java.util.function.Function<UUID, Optional<Person>> people;

    private record Route(CapsSession session, String capability) {
    }

    /** The most ids one {@code GetDisplayNames} call may ask for; more is a 400, as a bounded service answers. */
    public static final int MAX_DISPLAY_NAME_IDS = 100;
    /** The display-name capability's name. */
    public static final String GET_DISPLAY_NAMES = "GetDisplayNames";
    /** The capability that joins and starts chat sessions. */
    public static final String CHAT_SESSION_REQUEST = "ChatSessionRequest";

    /**
     * Someone {@code GetDisplayNames} can name.
     *
     * @param firstName the legacy first name
     * @param lastName the legacy last name
     * @param displayName the display name, empty for the default (the legacy name)
     */
    public record Person(String firstName, String lastName, String displayName) {
        /**
         * Rejects nulls.
         *
         * @param firstName the legacy first name
         * @param lastName the legacy last name
         * @param displayName the display name, empty for the default (the legacy name)
         */
        public Person {
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    private CapsServer(Builder b) throws IOException {
        this.pollHold = b.pollHold;
        this.known = Set.copyOf(b.known);
        this.people = b.people;
        this.chatSessions = b.chatSessions;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
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
     * Returns a server with the defaults, listening.
     *
     * @return a server with the defaults, listening
     * @throws IOException if the stream or socket failed
     */
    public static CapsServer start() throws IOException {
        return builder().start();
    }

    /**
     * Returns the server's base URI, {@code http://127.0.0.1:<port>}.
     *
     * @return the server's base URI, {@code http://127.0.0.1:<port>}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /**
     * Returns how long an event-queue poll is held before a 502.
     *
     * @return how long an event-queue poll is held before a 502
     */
    public Duration pollHold() {
        return pollHold;
    }

    /**
     * Opens a session: one agent on one region, with its seed capability.
     *
     * @param region the region's name (for logs and {@link RecordedRequest#region()})
     * @return the session
     */
    public CapsSession openSession(String region) {
        return openSession(region, null);
    }

    /**
     * Opens a session for an agent: its seed, queue and capabilities, whose requests know the agent
     * (the {@code ChatSessionRequest} capability needs to).
     *
     * @param region the region's name, for the records
     * @param agentId the agent, or null
     * @return the session
     */
    public CapsSession openSession(String region, UUID agentId) {
        CapsSession session = new CapsSession(this, region, pollHold, agentId);
        routes.put(session.seedUri().getPath(), new Route(session, CapabilityNames.SEED));
        return session;
    }

    /**
     * Returns every request received so far, in arrival order.
     *
     * @return every request received so far, in arrival order
     */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    URI newCapabilityUri(String prefix) {
        return baseUri().resolve("/" + prefix + "/" + UUID.randomUUID());
    }

    Set<String> knownCapabilities() {
        return known;
    }

    void addRoute(URI uri, CapsSession session, String capability) {
        routes.put(uri.getPath(), new Route(session, capability));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Route route = routes.get(exchange.getRequestURI().getPath());
            Llsd body = readBody(exchange);
            RecordedRequest request = new RecordedRequest(sequence.getAndIncrement(),
                    route == null ? "" : route.session().region(),
                    route == null ? "unknown" : route.capability(), exchange.getRequestMethod(), body);
            log.add(request);
            if (route == null) {
                respond(exchange, 404, null);
                return;
            }
            route.session().record(request);
            Answer answer = switch (route.capability()) {
                case CapabilityNames.SEED -> route.session().seed(body);
                case CapabilityNames.EVENT_QUEUE_GET -> route.session().poll(body);
                case GET_DISPLAY_NAMES -> displayNames(exchange.getRequestURI().getRawQuery());
                case CHAT_SESSION_REQUEST -> route.session().agentId()
                        .flatMap(agent -> chatSessions.apply(agent, body)).map(Answer::ok)
                        .orElse(Answer.status(400));
                default -> route.session().otherCapability();
            };
            if (closed.get()) {
                // A dying server answers nothing: the held poll woken by the close loses its connection.
                return;
            }
            if (answer.drop()) {
                dropMidBody(exchange, answer.body());
            } else {
                respond(exchange, answer.status(), answer.body());
            }
        } catch (IOException e) {
            // The client went away (a poll it abandoned, or a close); nothing to answer.
            LOG.debug("caps request ended early: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As Second Life's and OpenSimulator's display-name service: one {@code ids} parameter per agent;
     * {@code agents} lists those it knows, {@code bad_ids} the rest.
     */
    private Answer displayNames(String rawQuery) {
        List<Llsd> agents = new ArrayList<>();
        List<Llsd> bad = new ArrayList<>();
        int asked = 0;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (!pair.startsWith("ids=")) {
                continue;
            }
            if (++asked > MAX_DISPLAY_NAME_IDS) {
                return Answer.status(400);
            }
            UUID id;
            try {
                id = UUID.fromString(java.net.URLDecoder.decode(pair.substring(4), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<Person> person = people.apply(id);
            if (person.isEmpty()) {
                bad.add(Llsd.of(id));
                continue;
            }
            Person p = person.get();
            String legacy = (p.firstName() + " " + p.lastName()).strip();
            boolean isDefault = p.displayName().isEmpty();
            String username = (p.lastName().isEmpty() || p.lastName().equalsIgnoreCase("Resident") ? p.firstName()
                    : p.firstName() + "." + p.lastName()).toLowerCase(java.util.Locale.ROOT);
            java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
            agents.add(Llsd.map().put("id", id).put("username", username)
                    .put("display_name", isDefault ? legacy : p.displayName())
                    .put("legacy_first_name", p.firstName()).put("legacy_last_name", p.lastName())
                    .put("is_display_name_default", isDefault)
                    .put("display_name_expires", Llsd.of(later)).put("display_name_next_update", Llsd.of(later))
                    .build());
        }
        return Answer.ok(Llsd.mapOf("agents", Llsd.arrayOf(agents), "bad_ids", Llsd.arrayOf(bad),
                "bad_usernames", Llsd.arrayOf()));
    }

    /** What to answer: a status and LLSD body (null for a plain error page), or a dropped connection. */
    record Answer(int status, Llsd body, boolean drop) {
        static Answer ok(Llsd body) {
            return new Answer(200, body, false);
        }

        static Answer status(int status) {
            return new Answer(status, null, false);
        }
    }

    private static Llsd readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length == 0) {
                return Llsd.undef();
            }
            if (bytes.length > MAX_REQUEST_BYTES) {
                return Llsd.of("<request over " + MAX_REQUEST_BYTES + " bytes>");
            }
            try {
                return LlsdXml.parse(bytes, REQUEST_LIMITS);
            } catch (LlsdException e) {
                return Llsd.of("<malformed: " + e.reason() + ">");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Llsd body) throws IOException {
        byte[] bytes;
        if (body != null) {
            exchange.getResponseHeaders().add("Content-Type", "application/llsd+xml");
            bytes = LlsdXml.formatBytes(body);
        } else {
            // Error pages from the real grid's proxies are HTML, not LLSD.
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            bytes = ("<html><body>" + status + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Promises a whole body, sends half of it and hangs up, as a connection dying mid-answer does. */
    private static void dropMidBody(HttpExchange exchange, Llsd body) throws IOException {
        byte[] bytes = LlsdXml.formatBytes(body == null ? Llsd.mapOf() : body);
        exchange.getResponseHeaders().add("Content-Type", "application/llsd+xml");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // Closing the exchange short of the promised length makes the server drop the connection.
        throw new IOException("dropped on purpose");
    }

    /** Stops the server at once; held polls are abandoned. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            routes.values().forEach(r -> r.session().close());
            http.stop(0);
            executor.shutdownNow();
        }
    }

    /** Configures a {@link CapsServer}. */
    public static final class Builder {
        private Duration pollHold = Duration.ofSeconds(20);
        private Collection<String> known = CapabilityNames.VIEWER_DEFAULTS;
        private java.util.function.Function<UUID, Optional<Person>> people = id -> Optional.empty();
        private java.util.function.BiFunction<UUID, Llsd, Optional<Llsd>> chatSessions = (a, b) -> Optional.empty();

        private Builder() {
        }

        /**
         * How long a poll is held without events before the 502; keep it short in tests.
         *
         * @param hold how long a poll waits for events
         * @return this builder
         */
        public Builder pollHold(Duration hold) {
            this.pollHold = Objects.requireNonNull(hold, "hold");
            return this;
        }

        /**
         * The capability names seeds grant (when asked); the viewer's default list by default.
         *
         * @param names the capability names
         * @return this builder
         */
        public Builder knownCapabilities(Collection<String> names) {
            this.known = List.copyOf(names);
            return this;
        }

        /**
         * Who {@value #GET_DISPLAY_NAMES} can name (nobody by default).
         *
         * @param directory who is who, by id
         * @return this builder
         */
        public Builder people(java.util.function.Function<UUID, Optional<Person>> directory) {
            this.people = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Who answers {@value #CHAT_SESSION_REQUEST} (joining and starting chat sessions): given the
         * agent and the request's LLSD, the answer, or empty for a 400 (nobody by default).
         *
         * @param service the chat session service
         * @return this builder
         */
        public Builder chatSessions(java.util.function.BiFunction<UUID, Llsd, Optional<Llsd>> service) {
            this.chatSessions = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * Returns the listening server.
         *
         * @return the listening server
         * @throws IOException if the loopback port cannot be bound
         * @throws IllegalArgumentException if the hold is not positive
         */
        public CapsServer start() throws IOException {
            if (pollHold.isZero() || pollHold.isNegative()) {
                throw new IllegalArgumentException("pollHold must be positive");
            }
            return new CapsServer(this);
        }
    }
}
