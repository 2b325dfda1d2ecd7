package slnet.caps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.internal.http.BoundedBodyHandler;
import slnet.internal.log.LogContext;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdException;
import slnet.protocol.llsd.LlsdFormat;
import slnet.protocol.llsd.LlsdLimits;

/**
 * Calls capabilities: LLSD in, LLSD out, over {@link HttpClient}.
 *
 * <p>Every call has a timeout and a bound on the response body; every failure is a
 * {@link CapabilityException}. Requests go as {@code application/llsd+xml} unless another
 * format is asked for; responses are parsed in the format their content type names (or, when
 * it names none, the one their bytes look like). URIs are logged only redacted, at debug.
 *
 * <p>Thread-safe: one client serves any number of threads and regions. It owns its
 * {@link HttpClient} only when it built it (then {@link #close()} closes it); an injected one is
 * left to its owner. {@code close()} is idempotent.
 */
public final class CapabilityClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityClient.class);

    /** The default bound on a response body: large enough for inventory fetches, small enough to hold. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** The default time a capability call may take. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final boolean ownsHttp;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final LlsdLimits limits;
    private final LlsdFormat requestFormat;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CapabilityClient(Builder b) {
        this.ownsHttp = b.http == null;
        // No connect timeout (each request's timeout bounds its connect): with one, the JDK keeps
        // every connection's connect timer, and through it that connection's whole first exchange,
        // bodies included, for as long as the connection lives, which for an event queue is
        // as long as the region.
        this.http = b.http != null ? b.http
                : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.limits = b.limits.withMaxBytes(Math.min(b.limits.maxBytes(), b.maxResponseBytes));
        this.requestFormat = b.requestFormat;
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
     * Returns a client with the defaults, owning its own HTTP client.
     *
     * @return a client with the defaults, owning its own HTTP client
     */
    public static CapabilityClient create() {
        return builder().build();
    }

    /**
     * Returns the default request timeout of this client.
     *
     * @return the default request timeout of this client
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * GETs a capability.
     *
     * @param capability its URI
     * @return the parsed body ({@code undef} for an empty one)
     * @throws CapabilityException on an error status, timeout, malformed or oversize body, or I/O failure
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    public Llsd get(URI capability) throws CapabilityException, InterruptedException {
        return send("GET", capability, null, requestFormat, requestTimeout);
    }

    /**
     * POSTs LLSD to a capability in this client's request format.
     *
     * @see #post(URI, Llsd, LlsdFormat, Duration)
     * @param capability the capability's URI
     * @param body the request body
     * @return the answer, parsed
     * @throws CapabilityException if the call failed or its answer was not LLSD
     * @throws InterruptedException if the thread is interrupted
     */
    public Llsd post(URI capability, Llsd body) throws CapabilityException, InterruptedException {
        return send("POST", capability, body, requestFormat, requestTimeout);
    }

    /**
     * POSTs LLSD to a capability.
     *
     * @param capability its URI
     * @param body the request body
     * @param format the serialisation to send (and to ask for in {@code Accept})
     * @param timeout how long the whole exchange may take
     * @return the parsed response body ({@code undef} for an empty one)
     * @throws CapabilityException on an error status, timeout, malformed or oversize body, or I/O failure
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    public Llsd post(URI capability, Llsd body, LlsdFormat format, Duration timeout)
            throws CapabilityException, InterruptedException {
        return send("POST", capability, Objects.requireNonNull(body, "body"), format, timeout);
    }

    /**
     * Asks a region's seed capability for capabilities by name.
     *
     * @param seed the seed capability URI
     * @param names the names to ask for, e.g. {@link CapabilityNames#VIEWER_DEFAULTS}
     * @return what the region granted; names it answered with a non-URI value are skipped
     * @throws CapabilityException if the call fails or the answer is not a map
     * @throws InterruptedException if the calling thread is interrupted
     */
    public RegionCapabilities requestSeed(URI seed, Collection<String> names)
            throws CapabilityException, InterruptedException {
        List<Llsd> request = names.stream().map(Llsd::of).toList();
        Llsd answer = post(seed, Llsd.arrayOf(request));
        if (!(answer instanceof Llsd.Map map)) {
            throw new CapabilityException(CapabilityException.Kind.MALFORMED, 200,
                    "seed " + CapabilityUris.redact(seed) + " answered " + answer.type() + ", not a map", null);
        }
        Map<String, String> granted = new LinkedHashMap<>();
        map.entries().forEach((name, value) -> {
            String text = value.asUri();
            if (!text.isEmpty()) {
                try {
                    URI.create(text); // checked here, made again only when used
                    granted.put(name, text);
                } catch (IllegalArgumentException e) {
                    LOG.debug("seed {} granted {} with a malformed URI; skipped", CapabilityUris.redact(seed), name);
                }
            }
        });
        LOG.debug("seed {} granted {} of {} capabilities", CapabilityUris.redact(seed), granted.size(), names.size());
        return RegionCapabilities.ofUrls(seed, granted);
    }

    /**
     * GETs a capability without blocking: the request runs on the HTTP client's executor.
     *
     * @param capability its URI (with any query string)
     * @return completes with the parsed body ({@code undef} for an empty one), or fails with a
     *     {@link CapabilityException} as {@link #get(URI)} throws it
     */
    public java.util.concurrent.CompletableFuture<Llsd> getAsync(URI capability) {
        if (closed.get()) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("capability client is closed"));
        }
        String where = CapabilityUris.redact(capability);
        LOG.debug("GET {}", where);
        HttpRequest request = request("GET", capability, null, requestFormat, requestTimeout);
        java.util.concurrent.CompletableFuture<Llsd> result = new java.util.concurrent.CompletableFuture<>();
        http.sendAsync(request, new BoundedBodyHandler(maxResponseBytes)).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (!(cause instanceof IOException io)) {
                        throw new CapabilityException(CapabilityException.Kind.IO, 0,
                                "GET " + where + " failed: " + cause, cause);
                    }
                    throw failure("GET", where, requestTimeout, io);
                }
                result.complete(answer("GET", where, response));
            } catch (CapabilityException e) {
                result.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(new CapabilityException(CapabilityException.Kind.IO, 0,
                        "GET " + where + ": interrupted while reading the answer", e));
            }
        });
        return result;
    }

    private Llsd send(String method, URI capability, Llsd body, LlsdFormat format, Duration timeout)
            throws CapabilityException, InterruptedException {
        if (closed.get()) {
            throw new IllegalStateException("capability client is closed");
        }
        String where = CapabilityUris.redact(capability);
        LOG.debug("{} {}", method, where);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(method, capability, body, format, timeout),
                    new BoundedBodyHandler(maxResponseBytes));
        } catch (IOException e) {
            throw failure(method, where, timeout, e);
        }
        return answer(method, where, response);
    }

    private static HttpRequest request(String method, URI capability, Llsd body, LlsdFormat format, Duration timeout) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(capability).timeout(timeout).header("Accept", format.contentType());
        if (body != null) {
            rb.header("Content-Type", format.contentType());
            rb.method(method, HttpRequest.BodyPublishers.ofByteArray(format.format(body)));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return rb.build();
    }

    private static CapabilityException failure(String method, String where, Duration timeout, IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new CapabilityException(CapabilityException.Kind.TIMEOUT, 0,
                    method + " " + where + " timed out after " + timeout.toMillis() + " ms", e);
        }
        if (e instanceof BoundedBodyHandler.BodyTooLargeException) {
            return new CapabilityException(CapabilityException.Kind.TOO_LARGE, 0,
                    method + " " + where + ": " + e.getMessage(), e);
        }
        if (e.getCause() instanceof BoundedBodyHandler.BodyTooLargeException t) {
            return new CapabilityException(CapabilityException.Kind.TOO_LARGE, 0,
                    method + " " + where + ": " + t.getMessage(), e);
        }
        return new CapabilityException(CapabilityException.Kind.IO, 0, method + " " + where + " failed: " + e, e);
    }

    private Llsd answer(String method, String where, HttpResponse<byte[]> response)
            throws CapabilityException, InterruptedException {
        return answer(method, where, response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(null));
    }

    /** Turns an answer another HTTP client received into LLSD or a {@link CapabilityException}, as {@link #post} would. */
    Llsd answer(String method, String where, int status, byte[] bytes, String contentType)
            throws CapabilityException, InterruptedException {
        if (status < 200 || status > 299) {
            throw new CapabilityException(CapabilityException.Kind.HTTP_STATUS, status,
                    method + " " + where + " answered HTTP " + status, null);
        }
        if (bytes.length == 0) {
            return Llsd.undef();
        }
        try {
            return parse(bytes, contentType);
        } catch (LlsdException e) {
            throw new CapabilityException(CapabilityException.Kind.MALFORMED, status,
                    method + " " + where + " answered malformed LLSD (" + contentType + "): " + e.reason(), e);
        }
    }

    private Llsd parse(byte[] bytes, String contentType) throws LlsdException, InterruptedException {
        LlsdFormat format = LlsdFormat.fromContentType(contentType);
        if (format == null) {
            format = LlsdFormat.detect(bytes);
        }
        if (format != LlsdFormat.XML) {
            return format.parse(bytes, limits);
        }
        // The JDK's XML reader caches about 24 KB of buffers per thread (a soft reference in a
        // thread-local), so XML parsed on a long-lived caller, an event-queue loop above all, would
        // keep them for the caller's whole life; a throwaway virtual thread takes them with it.
        FutureTask<Llsd> task = new FutureTask<>(() -> LlsdFormat.XML.parse(bytes, limits));
        Thread.ofVirtual().name("slnet-caps-parse").start(LogContext.carrying(null, task));
        try {
            return task.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case LlsdException malformed -> throw malformed;
                case RuntimeException bug -> throw bug;
                case Error error -> throw error;
                default -> throw new IllegalStateException("unexpected parse failure", e.getCause());
            }
        }
    }

    /** @return the bound on a response body */
    int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Closes the HTTP client if this client built it. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttp) {
            http.close();
        }
    }

    /** Configures a {@link CapabilityClient}; validated by {@link #build()}. */
    public static final class Builder {
        private HttpClient http;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private LlsdLimits limits = LlsdLimits.DEFAULT;
        private LlsdFormat requestFormat = LlsdFormat.XML;

        private Builder() {
        }

        /**
         * Uses an HTTP client the caller owns (for a proxy selector, TLS settings or sharing).
         * Its own redirect and connect-timeout settings then apply. A connect timeout costs memory:
         * the JDK keeps the first exchange of every connection (bodies included) for the
         * connection's life, so a client that carries event queues is better built without one.
         *
         * @param client the HTTP client to use (not owned)
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The default time a whole call may take.
         *
         * @param timeout how long at most
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The most response body bytes accepted; longer bodies fail with {@code TOO_LARGE}.
         *
         * @param bytes the bytes
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Limits for parsing response LLSD (its byte limit is capped at the response limit).
         *
         * @param limits the limits to enforce
         * @return this builder
         */
        public Builder llsdLimits(LlsdLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The serialisation of request bodies; {@link LlsdFormat#XML} by default, as servers expect.
         *
         * @param format the format
         * @return this builder
         */
        public Builder requestFormat(LlsdFormat format) {
            this.requestFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Returns the client.
         *
         * @return the client
         * @throws IllegalArgumentException if a timeout is not positive or the size limit is not
         *     positive
         */
        public CapabilityClient build() {
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive");
            }
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            return new CapabilityClient(this);
        }
    }
}
