package slnet.caps;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.internal.log.LogContext;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdFormat;
import slnet.time.Sleeper;

/**
 * Long-polls one region's {@code EventQueueGet} capability and hands its events, in order and
 * each once, to an {@link EventQueueSink}.
 *
 * <p>Each poll POSTs {@code {'ack': <last id or undef>, 'done': false}}; the server holds it until
 * it has events ({@code {'id': n, 'events': [{'message': name, 'body': {...}}]}}) or gives up with
 * 502/504. Those answers and request timeouts mean "no events": the next poll goes at once
 * (unless such answers keep coming back at once, see {@link Builder#rapidEmptyPoll}). A
 * batch whose id equals the last one is a re-send of what was already delivered and is dropped.
 * Other failures (other statuses, dropped connections, malformed bodies) wait as the
 * {@link Backoff} says, which resets after a success. 404 or 410 stops the queue
 * ({@link EventQueueSink.StopReason#GONE}).
 *
 * <h2>Threading and ownership</h2>
 * One virtual thread per client ({@code slnet-eq-<name>}) runs the loop, so there is never more
 * than one poll in flight, and calls the sink. {@link #close()} (idempotent, any thread) stops
 * the loop, abandoning the poll in flight, tells the server {@code done: true}, waits for the
 * thread to end and calls {@link EventQueueSink#onStopped} last. The client does not own the
 * {@link CapabilityClient}.
 */
public final class EventQueueClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventQueueClient.class);

    /** How long a poll may be held, by default: longer than servers hold (about 30 s) before their 502. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(90);

    /** Empty answers in a row, each quicker than the rapid-poll threshold, before they are spaced out. */
    static final int RAPID_EMPTY_POLLS_BEFORE_BACKOFF = 3;

    private final CapabilityClient caps;
    private final URI uri;
    private final EventQueueSink sink;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final LlsdMessageMapper mapper;
    private final Duration pollTimeout;
    private final Duration doneTimeout;
    private final String name;
    private final long rapidEmptyNs;
    private final java.util.function.LongSupplier nanoClock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;
    private final slnet.caps.internal.LongPollConnection connection;
    private volatile Llsd lastId = Llsd.undef();
    private volatile boolean running = true;

    private EventQueueClient(Builder b) {
        this.caps = b.caps;
        this.uri = b.uri;
        this.sink = b.sink;
        this.backoff = b.backoff != null ? b.backoff : ExponentialBackoff.defaults();
        this.sleeper = b.sleeper;
        this.mapper = b.mapper;
        this.pollTimeout = b.pollTimeout;
        this.doneTimeout = b.doneTimeout;
        this.name = b.name;
        this.rapidEmptyNs = b.rapidEmptyPoll.toNanos();
        this.nanoClock = b.nanoClock;
        this.connection = b.lightHttp
                ? new slnet.caps.internal.LongPollConnection(b.uri, caps.maxResponseBytes(), null) : null;
        this.thread = Thread.ofVirtual().name("slnet-eq-" + name).unstarted(LogContext.carrying(null, this::run));
    }

    /**
     * Returns a builder.
     *
     * @param caps the client the polls go through (not owned)
     * @param eventQueue the region's {@code EventQueueGet} URI
     * @param sink where events go
     * @return a builder
     */
    public static Builder builder(CapabilityClient caps, URI eventQueue, EventQueueSink sink) {
        return new Builder(caps, eventQueue, sink);
    }

    /**
     * Returns a builder for the region's {@code EventQueueGet}.
     *
     * @param caps the client the polls go through (not owned)
     * @param region the region's granted capabilities
     * @param sink where events go
     * @return a builder for the region's {@code EventQueueGet}
     * @throws IllegalArgumentException if the region did not grant {@code EventQueueGet}
     */
    public static Builder builder(CapabilityClient caps, RegionCapabilities region, EventQueueSink sink) {
        URI uri = region.get(CapabilityNames.EVENT_QUEUE_GET).orElseThrow(
                () -> new IllegalArgumentException("the region did not grant " + CapabilityNames.EVENT_QUEUE_GET));
        return new Builder(caps, uri, sink);
    }

    /**
     * Returns whether the loop is still polling.
     *
     * @return whether the loop is still polling
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Returns the id of the last batch received, which the next poll acknowledges; undef before the first.
     *
     * @return the id of the last batch received, which the next poll acknowledges; undef before the first
     */
    public Llsd lastId() {
        return lastId;
    }

    /**
     * Returns how many polls have been sent.
     *
     * @return how many polls have been sent
     */
    public long polls() {
        return polls.get();
    }

    /**
     * Returns how many events have been given to the sink.
     *
     * @return how many events have been given to the sink
     */
    public long delivered() {
        return delivered.get();
    }

    private void run() {
        EventQueueSink.StopReason reason = EventQueueSink.StopReason.CLOSED;
        String where = CapabilityUris.redact(uri);
        LOG.debug("event queue {} polling {}", name, where);
        int rapidEmpties = 0;
        try {
            while (!closed.get()) {
                long startedNs = nanoClock.getAsLong();
                Llsd request = Llsd.mapOf("ack", lastId, "done", Llsd.of(false));
                Llsd answer;
                try {
                    polls.incrementAndGet();
                    answer = post(request, pollTimeout);
                } catch (IllegalStateException e) {
                    LOG.debug("event queue {} stopping: its capability client was closed", name);
                    break;
                } catch (CapabilityException e) {
                    if (isEmptyPoll(e)) {
                        // A proxy that answers 502 at once instead of holding would make this loop
                        // spin; a few such answers in a row count as failures.
                        boolean rapid = e.kind() == CapabilityException.Kind.HTTP_STATUS
                                && nanoClock.getAsLong() - startedNs < rapidEmptyNs;
                        rapidEmpties = rapid ? rapidEmpties + 1 : 0;
                        if (rapidEmpties >= RAPID_EMPTY_POLLS_BEFORE_BACKOFF) {
                            Duration delay = backoff.nextDelay();
                            LOG.debug("event queue {}: {} empty answers in a row came back at once; waiting {} ms",
                                    name, rapidEmpties, delay.toMillis());
                            sleeper.sleep(delay);
                        }
                        continue;
                    }
                    if (e.kind() == CapabilityException.Kind.HTTP_STATUS && (e.status() == 404 || e.status() == 410)) {
                        LOG.debug("event queue {} is gone (HTTP {}); stopping", name, e.status());
                        reason = EventQueueSink.StopReason.GONE;
                        break;
                    }
                    Duration delay = backoff.nextDelay();
                    LOG.debug("event queue {} poll failed ({}); retrying in {} ms", name, e.getMessage(), delay.toMillis());
                    try {
                        sink.onPollFailed(e, delay);
                    } catch (RuntimeException sinkFailure) {
                        LOG.warn("event queue {} sink failed on a poll failure", name, sinkFailure);
                    }
                    sleeper.sleep(delay);
                    continue;
                }
                if (!(answer instanceof Llsd.Map)) {
                    Duration delay = backoff.nextDelay();
                    LOG.debug("event queue {} answered {}, not a map; retrying in {} ms", name, answer.type(), delay.toMillis());
                    sleeper.sleep(delay);
                    continue;
                }
                backoff.reset();
                rapidEmpties = 0;
                deliver(answer);
            }
        } catch (InterruptedException e) {
            // close() interrupts to abandon the poll in flight; fall through to the goodbye.
        } finally {
            if (reason == EventQueueSink.StopReason.CLOSED) {
                Thread.interrupted();
                sayDone();
            }
            if (connection != null) {
                connection.close();
            }
            running = false;
            try {
                sink.onStopped(reason);
            } catch (RuntimeException e) {
                LOG.warn("event queue {} sink failed on stop", name, e);
            }
        }
    }

    private Llsd post(Llsd request, Duration timeout) throws CapabilityException, InterruptedException {
        if (connection == null) {
            return caps.post(uri, request, LlsdFormat.XML, timeout);
        }
        String where = CapabilityUris.redact(uri);
        slnet.caps.internal.LongPollConnection.Response response;
        try {
            response = connection.post(LlsdFormat.XML.contentType(), LlsdFormat.XML.format(request), timeout);
        } catch (slnet.caps.internal.LongPollConnection.TimeoutException e) {
            throw new CapabilityException(CapabilityException.Kind.TIMEOUT, 0,
                    "POST " + where + " timed out after " + timeout.toMillis() + " ms", e);
        } catch (slnet.caps.internal.LongPollConnection.TooLargeException e) {
            throw new CapabilityException(CapabilityException.Kind.TOO_LARGE, 0, "POST " + where + ": " + e.getMessage(), e);
        } catch (slnet.caps.internal.LongPollConnection.MalformedResponseException e) {
            throw new CapabilityException(CapabilityException.Kind.MALFORMED, 0,
                    "POST " + where + " answered malformed HTTP: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CapabilityException(CapabilityException.Kind.IO, 0, "POST " + where + " failed: " + e, e);
        }
        return caps.answer("POST", where, response.status(), response.body(), response.contentType());
    }

    private static boolean isEmptyPoll(CapabilityException e) {
        return e.kind() == CapabilityException.Kind.TIMEOUT
                || (e.kind() == CapabilityException.Kind.HTTP_STATUS && (e.status() == 502 || e.status() == 504));
    }

    private void deliver(Llsd answer) {
        Llsd id = answer.get("id");
        if (!id.isUndefined() && id.equals(lastId)) {
            LOG.debug("event queue {} dropped a re-sent batch {}", name, id.asString());
            return;
        }
        for (Llsd event : answer.get("events").asList()) {
            String message = event.get("message").asString();
            if (message.isEmpty()) {
                LOG.debug("event queue {} skipped an event without a name", name);
                continue;
            }
            Llsd body = event.get("body");
            EventQueueEvent decoded;
            try {
                decoded = mapper.toEvent(message, body);
            } catch (LlsdMessageException e) {
                LOG.debug("event queue {}: {} does not fit its template; delivered as LLSD: {}", name, message, e.getMessage());
                decoded = new EventQueueEvent.LlsdEvent(message, body);
            }
            // counted before the sink runs, so whoever the sink wakes sees the count
            delivered.incrementAndGet();
            try {
                sink.onEvent(decoded);
            } catch (RuntimeException e) {
                LOG.warn("event queue {} sink failed on {}", name, message, e);
            }
        }
        if (!id.isUndefined()) {
            lastId = id;
        }
    }

    private void sayDone() {
        try {
            post(Llsd.mapOf("ack", lastId, "done", Llsd.of(true)), doneTimeout);
        } catch (CapabilityException e) {
            LOG.debug("event queue {} goodbye failed: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("event queue {} goodbye skipped: capability client closed", name);
        }
    }

    /**
     * Stops polling, tells the server {@code done: true} and waits for the loop thread to end
     * (at most the done timeout and a little more). Idempotent. Called from the sink, it
     * returns at once and the loop ends after the sink returns.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        thread.interrupt();
        if (Thread.currentThread() == thread) {
            return; // closed from the sink: the loop ends when the sink returns
        }
        try {
            if (!thread.join(doneTimeout.plusSeconds(1))) {
                LOG.warn("event queue {} thread did not end in time", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures an {@link EventQueueClient}; validated by {@link #start()}. */
    public static final class Builder {
        private final CapabilityClient caps;
        private final URI uri;
        private final EventQueueSink sink;
        private Backoff backoff;
        private Sleeper sleeper = Sleeper.system();
        private LlsdMessageMapper mapper = LlsdMessageMapper.standard();
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private Duration doneTimeout = Duration.ofSeconds(5);
        private String name = "region";
        private Duration rapidEmptyPoll = Duration.ofSeconds(1);
        private java.util.function.LongSupplier nanoClock = System::nanoTime;
        private boolean lightHttp = true;

        private Builder(CapabilityClient caps, URI uri, EventQueueSink sink) {
            this.caps = Objects.requireNonNull(caps, "caps");
            this.uri = Objects.requireNonNull(uri, "eventQueue");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /**
         * The spacing of retries after unexpected errors; {@link ExponentialBackoff#defaults()} by default.
         *
         * @param backoff the wait between failed polls
         * @return this builder
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * How the loop waits between retries; the real clock by default.
         *
         * @param sleeper how the client waits between polls
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * How events become typed messages.
         *
         * @param mapper turns event bodies into messages
         * @return this builder
         */
        public Builder mapper(LlsdMessageMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * How long one poll may take before it counts as "no events".
         *
         * @param timeout how long at most
         * @return this builder
         */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long the closing {@code done: true} request may take.
         *
         * @param timeout how long at most
         * @return this builder
         */
        public Builder doneTimeout(Duration timeout) {
            this.doneTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * An empty answer (502/504) quicker than this is "rapid"; three rapid ones in a row are
         * spaced out by the backoff, so a proxy that fails at once cannot make the loop spin.
         * One second by default; {@link Duration#ZERO} turns the guard off.
         *
         * @param threshold how quick an empty answer must be to count as rapid
         * @return this builder
         */
        public Builder rapidEmptyPoll(Duration threshold) {
            this.rapidEmptyPoll = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * The monotonic clock, in nanoseconds, that times polls; {@link System#nanoTime()} by default.
         *
         * @param clock the clock, in nanoseconds
         * @return this builder
         */
        public Builder nanoClock(java.util.function.LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether polls go over one persistent connection of slnet's own small HTTP/1.1 client
         * (a few KB per queue; no proxy support) instead of the capability client's JDK
         * {@code HttpClient} (which honours its proxy and TLS settings). On by default; the default
         * region services turn it off when the caller supplied its own capability clients (which
         * may carry a proxy).
         *
         * @param light true for the light long-poll client, false for the JDK's
         * @return this builder
         */
        public Builder lightHttp(boolean light) {
            this.lightHttp = light;
            return this;
        }

        /**
         * A name for the thread and log lines (a region name; never the URI).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Starts polling.
         *
         * @return the running client
         * @throws IllegalArgumentException if a timeout is not positive
         */
        public EventQueueClient start() {
            if (pollTimeout.isZero() || pollTimeout.isNegative() || doneTimeout.isZero() || doneTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (rapidEmptyPoll.isNegative()) {
                throw new IllegalArgumentException("rapidEmptyPoll must not be negative");
            }
            EventQueueClient client = new EventQueueClient(this);
            client.thread.start();
            return client;
        }
    }
}
