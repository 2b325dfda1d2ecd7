package slnet.testgrid;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import slnet.login.xmlrpc.XmlRpcException;
import slnet.login.xmlrpc.XmlRpcReader;
import slnet.login.xmlrpc.XmlRpcRequest;
import slnet.login.xmlrpc.XmlRpcWriter;
import slnet.testgrid.fault.LoginFault;

/**
 * A real login server on loopback: answers {@code login_to_simulator} (XML-RPC, and LLSD XML
 * when posted as {@code application/llsd+xml}) and {@code GET /get_grid_info}, issues random
 * session ids and circuit codes and remembers them for simulators to validate.
 *
 * <p>Thread-safe. Owns an HTTP server and its worker threads; {@link #close()} is idempotent.
 */
public final class LoginServer implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, TestAccount> accounts;
    private final InetSocketAddress simulator;
    private final String regionName;
    private final int regionX;
    private final int regionY;
    private final URI seedCapability;
    private final java.util.function.Function<IssuedSession, URI> seedCapabilityFor;
    private final java.util.function.Function<java.util.UUID, java.util.List<java.util.UUID>> friendsOf;
    private final int homeX;
    private final int homeY;
    private final String gridName;
    private final AtomicReference<LoginFault> fault = new AtomicReference<>(LoginFault.NONE);
    private final AtomicInteger redirectsServed = new AtomicInteger();
    private final Map<Integer, IssuedSession> sessions = new ConcurrentHashMap<>();
    private final List<ReceivedLogin> received = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoginServer(Builder b) throws IOException {
        Map<String, TestAccount> byName = new ConcurrentHashMap<>();
        for (TestAccount a : b.accounts) {
            byName.put(key(a.firstName(), a.lastName()), a);
        }
        accounts = byName;
        simulator = b.simulator;
        regionName = b.regionName;
        regionX = b.regionX;
        regionY = b.regionY;
        seedCapability = b.seedCapability;
        seedCapabilityFor = b.seedCapabilityFor;
        friendsOf = b.friendsOf;
        homeX = b.homeX < 0 ? b.regionX : b.homeX;
        homeY = b.homeY < 0 ? b.regionY : b.homeY;
        gridName = b.gridName;
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "testgrid-login");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A builder with one region at (1000, 1000) in region units and no accounts.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URI, e.g. {@code http://127.0.0.1:54321/}.
     *
     * @return the base
     */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /**
     * Where to POST logins.
     *
     * @return the login URI
     */
    public URI loginUri() {
        return baseUri().resolve("login");
    }

    /**
     * Switches the misbehaviour for subsequent requests.
     *
     * @param newFault the fault, or {@link LoginFault#NONE}
     */
    public void setFault(LoginFault newFault) {
        fault.set(Objects.requireNonNull(newFault, "newFault"));
        redirectsServed.set(0);
    }

    /**
     * Adds an account.
     *
     * @param account the account
     */
    public void addAccount(TestAccount account) {
        accounts.put(key(account.firstName(), account.lastName()), account);
    }

    /**
     * The session issued with a circuit code.
     *
     * @param circuitCode the code a client presents
     * @return the session, if this server issued it
     */
    public Optional<IssuedSession> sessionFor(int circuitCode) {
        return Optional.ofNullable(sessions.get(circuitCode));
    }

    /**
     * Every session issued so far.
     *
     * @return a snapshot
     */
    public Collection<IssuedSession> issuedSessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * Every login request received so far, in order.
     *
     * @return a snapshot
     */
    public List<ReceivedLogin> receivedLogins() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static String key(String first, String last) {
        return (first + " " + last).toLowerCase(java.util.Locale.ROOT);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/get_grid_info") && "GET".equals(exchange.getRequestMethod())) {
                send(exchange, 200, "application/xml", gridInfo());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readBounded(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "text/plain", "too large".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean llsd = contentType != null && contentType.startsWith("application/llsd+xml");
            Map<String, Object> params;
            String method;
            try {
                if (llsd) {
                    params = LlsdBodies.decodeMap(body);
                    method = "login_to_simulator";
                } else {
                    XmlRpcRequest request = XmlRpcReader.standard().readRequest(body);
                    method = request.methodName();
                    if (request.params().size() != 1 || !(request.params().get(0) instanceof Map<?, ?>)) {
                        send(exchange, 200, "text/xml", XmlRpcWriter.writeFault(4, "expected one struct parameter"));
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> p = (Map<String, Object>) request.params().get(0);
                    params = p;
                }
            } catch (XmlRpcException | IllegalArgumentException e) {
                send(exchange, 400, "text/plain", ("bad request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            received.add(new ReceivedLogin(path, contentType == null ? "" : contentType, method, params));
            if (!"login_to_simulator".equals(method)) {
                send(exchange, 200, "text/xml", XmlRpcWriter.writeFault(1, "unknown method " + method));
                return;
            }
            respond(exchange, llsd, params);
        } catch (RuntimeException e) {
            // a bug or an unrepresentable value must still produce an answer, not a dropped connection
            if (exchange.getResponseCode() == -1) {
                send(exchange, 500, "text/plain", ("server error: " + e).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void respond(HttpExchange exchange, boolean llsd, Map<String, Object> params)
            throws IOException, InterruptedException {
        LoginFault current = fault.get();
        switch (current) {
            case LoginFault.HttpStatus s -> {
                send(exchange, s.status(), "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
                return;
            }
            case LoginFault.XmlRpcFault f -> {
                send(exchange, 200, "text/xml", XmlRpcWriter.writeFault(f.faultCode(), f.faultString()));
                return;
            }
            case LoginFault.HtmlBody h -> {
                send(exchange, 200, "text/html",
                        "<html><body><h1>Welcome to the hotel wifi</h1></body></html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            case LoginFault.SlowResponse s -> Thread.sleep(s.delay());
            default -> {
            }
        }
        Map<String, Object> reply = new LoginDecision(this, current).decide(params);
        byte[] bytes = llsd ? LlsdBodies.encodeMap(reply) : XmlRpcWriter.writeResponse(reply);
        if (current instanceof LoginFault.TruncatedXml) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        }
        String type = llsd ? "application/llsd+xml" : "text/xml";
        if (current instanceof LoginFault.StalledBody stalled) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(stalled.stall());
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.close();
            return;
        }
        send(exchange, 200, type, bytes);
    }

    Optional<TestAccount> account(String first, String last) {
        return Optional.ofNullable(accounts.get(key(first, last)));
    }

    int nextRedirect() {
        return redirectsServed.getAndIncrement();
    }

    IssuedSession issue(TestAccount account) {
        while (true) {
            int code = random.nextInt(1, Integer.MAX_VALUE);
            IssuedSession s = new IssuedSession(account, UUID.randomUUID(), UUID.randomUUID(), code);
            if (sessions.putIfAbsent(code, s) == null) {
                return s;
            }
        }
    }

    InetSocketAddress simulator() {
        return simulator;
    }

    String regionName() {
        return regionName;
    }

    int regionX() {
        return regionX;
    }

    int regionY() {
        return regionY;
    }

    /** @return the account's friends, for the login reply's buddy list */
    java.util.List<java.util.UUID> friendsOf(java.util.UUID agentId) {
        return friendsOf.apply(agentId);
    }

    /** @return the seed capability for a new session: the fixed one, else the grid's, else null */
    URI seedCapability(IssuedSession session) {
        if (seedCapability != null) {
            return seedCapability;
        }
        return seedCapabilityFor == null ? null : seedCapabilityFor.apply(session);
    }

    int homeX() {
        return homeX;
    }

    int homeY() {
        return homeY;
    }

    private byte[] gridInfo() {
        String xml = "<?xml version=\"1.0\"?><gridinfo><gridname>" + escape(gridName) + "</gridname>"
                + "<gridnick>testgrid</gridnick><login>" + escape(loginUri().toString()) + "</login>"
                + "<welcome>" + escape(baseUri().toString()) + "</welcome></gridinfo>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return data.length > MAX_REQUEST_BYTES ? null : data;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Configures a {@link LoginServer}; {@link #start()} validates and binds.
     */
    public static final class Builder {
        private final List<TestAccount> accounts = new ArrayList<>();
        private InetSocketAddress simulator = new InetSocketAddress(InetAddress.getLoopbackAddress(), 13000);
        private String regionName = "Test Region";
        private int regionX = 1000 * 256;
        private int regionY = 1000 * 256;
        private URI seedCapability;
        private java.util.function.Function<IssuedSession, URI> seedCapabilityFor;
        private java.util.function.Function<java.util.UUID, java.util.List<java.util.UUID>> friendsOf =
                id -> java.util.List.of();
        private int homeX = -1;
        private int homeY = -1;
        private String gridName = "slnet test grid";

        private Builder() {
        }

        /**
         * Sets an account to accept.
         *
         * @param v an account to accept
         * @return this
         */
        public Builder account(TestAccount v) {
            accounts.add(Objects.requireNonNull(v));
            return this;
        }

        /**
         * Sets the simulator's UDP address sent as sim_ip/sim_port.
         *
         * @param v the simulator's UDP address sent as sim_ip/sim_port
         * @return this
         */
        public Builder simulator(InetSocketAddress v) {
            simulator = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the region's name.
         *
         * @param v the region's name
         * @return this
         */
        public Builder regionName(String v) {
            regionName = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets global x of the region corner, meters (multiple of 256).
         *
         * @param x global x of the region corner, meters (multiple of 256)
         * @param y global y of the region corner, meters (multiple of 256)
         * @return this
         */
        public Builder regionCorner(int x, int y) {
            regionX = x;
            regionY = y;
            return this;
        }

        /**
         * Sets the seed capability URI; default is one on this server.
         *
         * @param v the seed capability URI; default is one on this server
         * @return this
         */
        public Builder seedCapability(URI v) {
            seedCapability = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets each account's friends, listed in its login reply.
         *
         * @param v each account's friends, listed in its login reply
         * @return this
         */
        public Builder friendsOf(java.util.function.Function<java.util.UUID, java.util.List<java.util.UUID>> v) {
            friendsOf = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Where each session's seed capability comes from when no fixed {@link #seedCapability} is
         * set: the grid's capability server opening the agent's capabilities on the start region.
         *
         * @param v called once per successful login, on a login worker thread
         * @return this
         */
        public Builder seedCapabilityFor(java.util.function.Function<IssuedSession, URI> v) {
            seedCapabilityFor = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets global x of the home region's corner, meters (default: the start region's).
         *
         * @param x global x of the home region's corner, meters (default: the start region's)
         * @param y global y of the home region's corner, meters
         * @return this
         */
        public Builder homeRegionCorner(int x, int y) {
            if (x < 0 || y < 0 || x % 256 != 0 || y % 256 != 0) {
                throw new IllegalArgumentException("home corner must be non-negative multiples of 256");
            }
            homeX = x;
            homeY = y;
            return this;
        }

        /**
         * Sets the name reported by get_grid_info.
         *
         * @param v the name reported by get_grid_info
         * @return this
         */
        public Builder gridName(String v) {
            gridName = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Validates, binds an ephemeral loopback port and starts serving.
         *
         * @return the running server; close it
         * @throws IOException if the port cannot be bound
         */
        public LoginServer start() throws IOException {
            if (regionX < 0 || regionY < 0 || regionX % 256 != 0 || regionY % 256 != 0) {
                throw new IllegalArgumentException("region corner must be non-negative multiples of 256");
            }
            if (simulator.isUnresolved() || !(simulator.getAddress() instanceof java.net.Inet4Address)) {
                throw new IllegalArgumentException("simulator must be a resolved IPv4 address");
            }
            return new LoginServer(this);
        }
    }
}
