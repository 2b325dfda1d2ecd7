package slnet.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.internal.http.BoundedBodyHandler;
import slnet.internal.jfr.FlightEvents;
import slnet.login.internal.GridInfoParser;
import slnet.login.internal.LlsdLoginCodec;
import slnet.login.internal.LoginReply;
import slnet.login.internal.LoginReplyDecoder;
import slnet.login.internal.LoginRequestFactory;
import slnet.login.xmlrpc.XmlRpcException;
import slnet.login.xmlrpc.XmlRpcReader;
import slnet.login.xmlrpc.XmlRpcRequest;
import slnet.login.xmlrpc.XmlRpcResponse;
import slnet.login.xmlrpc.XmlRpcWriter;
import slnet.protocol.llsd.LlsdLimits;
import slnet.time.Sleeper;

/**
 * Logs agents in: POSTs {@code login_to_simulator}, follows {@code indeterminate} redirects,
 * answers MFA challenges through a {@link MfaTokenProvider}, and returns a {@link SessionInfo}
 * or throws a {@link LoginException} with a typed {@link LoginFailure}.
 *
 * <p>Thread-safe; {@link #login} blocks its caller. Owns its {@link HttpClient} only when it
 * created it; {@link #close()} is idempotent and closes only an owned client.
 */
public final class AuthenticationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationService.class);

    private final HttpClient client;
    private final boolean ownsClient;
    private final Duration requestTimeout;
    private final int maxRedirects;
    private final int maxMfaPrompts;
    private final int maxResponseBytes;
    private final XmlRpcReader reader;
    private final LlsdLimits llsdLimits;
    private final LoginListener listener;
    private final MfaTokenProvider mfaTokenProvider;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AuthenticationService(Builder b) {
        if (b.httpClient != null) {
            client = b.httpClient;
            ownsClient = false;
        } else {
            client = HttpClient.newBuilder()
                    .connectTimeout(b.connectTimeout)
                    // a login POST must not be silently re-sent elsewhere; redirects come as 'indeterminate'
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            ownsClient = true;
        }
        requestTimeout = b.requestTimeout;
        maxRedirects = b.maxRedirects;
        maxMfaPrompts = b.maxMfaPrompts;
        maxResponseBytes = b.maxResponseBytes;
        reader = XmlRpcReader.withLimits(maxResponseBytes, XmlRpcReader.DEFAULT_MAX_DEPTH,
                XmlRpcReader.DEFAULT_MAX_STRING_CHARS);
        llsdLimits = LlsdLimits.DEFAULT.withMaxBytes(maxResponseBytes);
        listener = b.listener;
        mfaTokenProvider = b.mfaTokenProvider;
        sleeper = b.sleeper;
        nanoClock = b.nanoClock;
    }

    /**
     * A service with every default and its own HTTP client.
     *
     * @return the service; close it when done
     */
    public static AuthenticationService create() {
        return builder().build();
    }

    /**
     * A builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Logs in.
     *
     * @param credentials who and where
     * @return the session
     * @throws LoginException with the reason the grid or the network gave
     */
    public SessionInfo login(LoginCredentials credentials) throws LoginException {
        Objects.requireNonNull(credentials, "credentials");
        if (closed.get()) {
            throw new IllegalStateException("AuthenticationService is closed");
        }
        long start = nanoClock.getAsLong();
        URI uri = credentials.grid().loginUri();
        String method = LoginRequestFactory.METHOD;
        LoginCredentials current = credentials;
        int attempt = 0;
        int redirects = 0;
        int mfaPrompts = 0;
        emit(new LoginEvent.LoginStarted(uri, credentials.protocol()));
        try {
            while (true) {
                attempt++;
                emit(new LoginEvent.RequestSent(uri, attempt));
                LoginReply reply = LoginReplyDecoder.decode(exchange(uri, method, current));
                switch (reply) {
                    case LoginReply.Accepted accepted -> {
                        emit(new LoginEvent.LoginSucceeded(accepted.session(), elapsed(start)));
                        return accepted.session();
                    }
                    case LoginReply.Refused refused -> throw new LoginException(
                            refused.failure(), refused.reasonCode(), refused.message(), 200, null);
                    case LoginReply.MfaChallenged challenge -> {
                        emit(new LoginEvent.MfaRequested(challenge.message()));
                        if (++mfaPrompts > maxMfaPrompts) {
                            throw new LoginException(LoginFailure.MFA_CHALLENGE, "mfa_challenge",
                                    challenge.message(), 200, null);
                        }
                        String token = mfaTokenProvider.tokenFor(challenge.message()).orElse("");
                        if (token.isBlank()) {
                            throw new LoginException(LoginFailure.MFA_CHALLENGE, "mfa_challenge",
                                    challenge.message(), 200, null);
                        }
                        try {
                            current = current.withMfaToken(token.strip());
                        } catch (IllegalArgumentException e) {
                            throw new LoginException(LoginFailure.MFA_CHALLENGE, "mfa_challenge",
                                    "the MFA token is not valid text", 200, e);
                        }
                    }
                    case LoginReply.Redirect redirect -> {
                        if (++redirects > maxRedirects) {
                            throw LoginException.local(LoginFailure.TOO_MANY_REDIRECTS,
                                    "more than " + maxRedirects + " login redirects", null);
                        }
                        LoginReplyDecoder.checkRedirect(uri, redirect.nextUri());
                        emit(new LoginEvent.Redirected(redirect.nextUri(), redirect.delay(), redirect.message()));
                        sleeper.sleep(redirect.delay());
                        uri = redirect.nextUri();
                        method = redirect.nextMethod();
                    }
                }
            }
        } catch (LoginException e) {
            emit(new LoginEvent.LoginFailed(e.failure(), e.serverMessage(), elapsed(start)));
            recordFailure(credentials, e, start);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LoginException le = LoginException.local(LoginFailure.INTERRUPTED, "interrupted", e);
            emit(new LoginEvent.LoginFailed(le.failure(), le.serverMessage(), elapsed(start)));
            recordFailure(credentials, le, start);
            throw le;
        }
    }

    /**
     * Asks an OpenSimulator grid for its details ({@code GET <base>/get_grid_info}).
     *
     * @param baseUri the grid's base URI, e.g. {@code http://grid.example:8002/}
     * @return the grid info, whose {@link GridInfo#toGrid()} can be logged in to
     * @throws LoginException on HTTP or parse failure
     */
    public GridInfo fetchGridInfo(URI baseUri) throws LoginException {
        String base = baseUri.toString();
        URI uri = URI.create(base.endsWith("/") ? base + "get_grid_info" : base + "/get_grid_info");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            return GridInfoParser.parse(send(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoginException.local(LoginFailure.INTERRUPTED, "interrupted", e);
        }
    }

    private Object exchange(URI uri, String method, LoginCredentials c) throws LoginException, InterruptedException {
        Map<String, Object> params = LoginRequestFactory.parameters(c);
        boolean llsd = c.protocol() == LoginProtocol.LLSD;
        byte[] body = llsd
                ? LlsdLoginCodec.encode(params)
                : XmlRpcWriter.writeRequest(new XmlRpcRequest(method, List.of(params)));
        String type = llsd ? "application/llsd+xml" : "text/xml";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", type)
                .header("Accept", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        byte[] reply = send(request);
        if (llsd) {
            return LlsdLoginCodec.decode(reply, llsdLimits);
        }
        try {
            return switch (reader.readResponse(reply)) {
                case XmlRpcResponse.Success success -> success.value();
                case XmlRpcResponse.Fault fault -> throw new LoginException(LoginFailure.FAULT,
                        String.valueOf(fault.faultCode()), fault.faultString(), 200, null);
            };
        } catch (XmlRpcException e) {
            throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, e.getMessage(), e);
        }
    }

    private byte[] send(HttpRequest request) throws LoginException, InterruptedException {
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, new BoundedBodyHandler(maxResponseBytes));
        try {
            // HttpRequest.timeout only covers the wait for headers; a server trickling the body
            // must not hold the login past the same bound
            response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(request, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timeout(request, cause);
            }
            Throwable tooLarge = cause;
            while (tooLarge != null && !(tooLarge instanceof BoundedBodyHandler.BodyTooLargeException)) {
                tooLarge = tooLarge.getCause();
            }
            if (tooLarge != null) {
                throw LoginException.local(LoginFailure.MALFORMED_RESPONSE, tooLarge.getMessage(), cause);
            }
            throw LoginException.local(LoginFailure.CONNECTION_FAILED,
                    "cannot reach " + hostAndPort(request.uri()) + " (" + describe(cause) + ")", cause);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            LoginFailure failure = status == 502 || status == 503 || status == 504
                    ? LoginFailure.GRID_DOWN : LoginFailure.HTTP_ERROR;
            throw new LoginException(failure, "", "HTTP " + status + " from " + request.uri(), status, null);
        }
        return response.body();
    }

    private static LoginException timeout(HttpRequest request, Throwable cause) {
        return LoginException.local(LoginFailure.TIMEOUT,
                "no complete reply from " + request.uri().getHost() + " within the timeout", cause);
    }

    private void recordFailure(LoginCredentials credentials, LoginException e, long startNanos) {
        FlightEvents.loginFailed(credentials.firstName() + " " + credentials.lastName(),
                credentials.grid().loginUri(), e.failure().name(), e.serverMessage(), elapsed(startNanos));
    }

    private Duration elapsed(long startNanos) {
        return Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - startNanos));
    }

    private void emit(LoginEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("login listener threw on {}", event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            // abort rather than wait: a login still running on another thread fails promptly
            client.shutdownNow();
            client.close();
        }
    }

    /**
     * Configures an {@link AuthenticationService}; {@link #build()} validates.
     */
    public static final class Builder {
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRedirects = 5;
        private int maxMfaPrompts = 3;
        private int maxResponseBytes = XmlRpcReader.DEFAULT_MAX_BYTES;
        private LoginListener listener = LoginListener.NONE;
        private MfaTokenProvider mfaTokenProvider = MfaTokenProvider.NONE;
        private Sleeper sleeper = Sleeper.system();
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * Uses a caller-owned client (not closed by the service); its connect timeout and redirect
         * policy apply instead of this builder's.
         *
         * @param v the client
         * @return this
         */
        public Builder httpClient(HttpClient v) {
            httpClient = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets TCP/TLS connect timeout of an owned client.
         *
         * @param v TCP/TLS connect timeout of an owned client
         * @return this
         */
        public Builder connectTimeout(Duration v) {
            connectTimeout = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets time allowed for each request's reply.
         *
         * @param v time allowed for each request's reply
         * @return this
         */
        public Builder requestTimeout(Duration v) {
            requestTimeout = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets how many {@code indeterminate} redirects to follow.
         *
         * @param v how many {@code indeterminate} redirects to follow
         * @return this
         */
        public Builder maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        /**
         * Sets how many MFA challenges to answer per login.
         *
         * @param v how many MFA challenges to answer per login
         * @return this
         */
        public Builder maxMfaPrompts(int v) {
            maxMfaPrompts = v;
            return this;
        }

        /**
         * Sets largest accepted reply body in bytes.
         *
         * @param v largest accepted reply body in bytes
         * @return this
         */
        public Builder maxResponseBytes(int v) {
            maxResponseBytes = v;
            return this;
        }

        /**
         * Sets progress observer.
         *
         * @param v progress observer
         * @return this
         */
        public Builder listener(LoginListener v) {
            listener = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets MFA token source.
         *
         * @param v MFA token source
         * @return this
         */
        public Builder mfaTokenProvider(MfaTokenProvider v) {
            mfaTokenProvider = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets how redirect waits are spent (inject for tests).
         *
         * @param v how redirect waits are spent (inject for tests)
         * @return this
         */
        public Builder sleeper(Sleeper v) {
            sleeper = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets monotonic nanosecond clock for elapsed times.
         *
         * @param v monotonic nanosecond clock for elapsed times
         * @return this
         */
        public Builder nanoClock(LongSupplier v) {
            nanoClock = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the service
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public AuthenticationService build() {
            if (connectTimeout.isNegative() || connectTimeout.isZero()
                    || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (maxRedirects < 0 || maxMfaPrompts < 0) {
                throw new IllegalArgumentException("maxRedirects and maxMfaPrompts must be >= 0");
            }
            if (maxResponseBytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
            }
            return new AuthenticationService(this);
        }
    }

    /** @return "host:port" of a login URI, the scheme's default port spelled out */
    static String hostAndPort(java.net.URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** @return what went wrong connecting, in words a person reads, once */
    static String describe(Throwable cause) {
        Throwable root = cause;
        for (int depth = 0; depth < 16; depth++) {
            if (root instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (root instanceof java.net.UnknownHostException
                    || root instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + root.getMessage();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
