package slnet.testgrid.caps;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import slnet.caps.CapabilityNames;
import slnet.caps.LlsdMessageMapper;
import slnet.protocol.Message;
import slnet.protocol.llsd.Llsd;

/**
 * One agent on one region of a {@link CapsServer}: its seed capability, the capabilities the seed
 * granted, and its event queue, with fault switches.
 *
 * <p>The event queue behaves as Second Life's: a poll is held until an event is queued or the
 * server's hold elapses (then 502); each answer is a batch with a new id, kept until a later poll
 * acknowledges that id, and sent again to a poll that does not; {@code done: true} ends the
 * queue, after which polls get 404, as they do after {@link #close()}. A newer poll supersedes a
 * held one, which is answered 502 without taking events.
 *
 * <p>Thread-safe: tests enqueue and inspect from their own thread while server threads serve.
 */
public final class CapsSession implements AutoCloseable {
    private final CapsServer server;
    /** The agent this session's capabilities were granted to, or null if not told. */
    private final UUID agentId;
    private final String region;
    private final Duration hold;
    private final URI seed;
    private final Map<String, URI> granted = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Llsd> pending = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Integer> failStatuses = new ArrayDeque<>();
    private int dropsLeft;
    private int slowLeft;
    private Duration slowBy = Duration.ZERO;
    private Batch unacked;
    private int nextId = 1;
    private long generation;
    private int inFlight;
    private int maxInFlight;
    private boolean done;
    private boolean closed;

    private record Batch(int id, List<Llsd> events) {
    }

    CapsSession(CapsServer server, String region, Duration hold, UUID agentId) {
        this.agentId = agentId;
        this.server = server;
        this.region = region;
        this.hold = hold;
        this.seed = server.newCapabilityUri("seed");
        for (String name : server.knownCapabilities()) {
            URI uri = server.newCapabilityUri("cap");
            granted.put(name, uri);
            server.addRoute(uri, this, name);
        }
    }

    /**
     * Returns the agent the capabilities were granted to, if the opener said.
     *
     * @return the agent the capabilities were granted to, if the opener said
     */
    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    /**
     * Returns the region's name.
     *
     * @return the region's name
     */
    public String region() {
        return region;
    }

    /**
     * Returns the seed capability to give the client (as login or TeleportFinish would).
     *
     * @return the seed capability to give the client (as login or TeleportFinish would)
     */
    public URI seedUri() {
        return seed;
    }

    /**
     * Returns the URI the seed grants for a capability name, if the server knows the name.
     *
     * @param name the name
     * @return the URI the seed grants for a capability name, if the server knows the name
     */
    public Optional<URI> capability(String name) {
        return Optional.ofNullable(granted.get(name));
    }

    /**
     * Returns the event queue's URI.
     *
     * @return the event queue's URI
     */
    public URI eventQueueUri() {
        return granted.get(CapabilityNames.EVENT_QUEUE_GET);
    }

    // ---- events ----------------------------------------------------------------------------

    /**
     * Queues an event for the agent.
     *
     * @param messageName the event's name
     * @param body its body
     */
    public void enqueue(String messageName, Llsd body) {
        Llsd event = Llsd.mapOf("message", Llsd.of(messageName), "body", body);
        lock.lock();
        try {
            pending.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a template message as an event, its body in the server's LLSD forms.
     *
     * @param message the message
     */
    public void enqueue(Message message) {
        enqueue(message.descriptor().name(), LlsdMessageMapper.standard().toLlsd(message));
    }

    // ---- faults ----------------------------------------------------------------------------

    /**
     * The next {@code count} polls are answered at once with {@code status} (and an HTML page).
     *
     * @param count how many
     * @param status the HTTP status to answer with
     */
    public void failNextPolls(int count, int status) {
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                failStatuses.add(status);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code count} polls lose their connection halfway through the answer.
     *
     * @param count how many
     */
    public void dropNextPolls(int count) {
        lock.lock();
        try {
            dropsLeft += count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code count} polls wait {@code delay} before the server even looks at them.
     *
     * @param count how many
     * @param delay how long each is held up
     */
    public void slowNextPolls(int count, Duration delay) {
        lock.lock();
        try {
            slowLeft += count;
            slowBy = delay;
        } finally {
            lock.unlock();
        }
    }

    // ---- inspection ------------------------------------------------------------------------

    /**
     * Returns the requests this session received, in order.
     *
     * @return the requests this session received, in order
     */
    public List<RecordedRequest> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the {@code ack} of every poll, in order.
     *
     * @return the {@code ack} of every poll, in order
     */
    public List<Llsd> acks() {
        return requests().stream().filter(RecordedRequest::isPoll).map(r -> r.body().get("ack")).toList();
    }

    /**
     * Returns the most polls ever in flight at once.
     *
     * @return the most polls ever in flight at once
     */
    public int maxConcurrentPolls() {
        lock.lock();
        try {
            return maxInFlight;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns whether the client said {@code done: true}.
     *
     * @return whether the client said {@code done: true}
     */
    public boolean doneReceived() {
        lock.lock();
        try {
            return done;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns events queued and not yet sent in any batch.
     *
     * @return events queued and not yet sent in any batch
     */
    public int pendingEvents() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the session has received at least {@code count} requests matching nothing in
     * particular (seed, polls and done alike).
     *
     * @param count how many
     * @param timeout how long at most
     * @return whether they arrived in time
     * @throws InterruptedException if the thread is interrupted
     */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (requests.size() < count) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the session as a region dropping the agent: polls, held or new, get 404. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- serving (server threads) ------------------------------------------------------------

    void record(RecordedRequest request) {
        lock.lock();
        try {
            requests.add(request);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    CapsServer.Answer seed(Llsd body) {
        Llsd.Map.Builder answer = Llsd.map();
        for (Llsd name : body.asList()) {
            URI uri = granted.get(name.asString());
            if (uri != null) {
                answer.put(name.asString(), Llsd.uri(uri.toString()));
            }
        }
        return CapsServer.Answer.ok(answer.build());
    }

    CapsServer.Answer otherCapability() {
        return CapsServer.Answer.ok(Llsd.mapOf());
    }

    CapsServer.Answer poll(Llsd body) throws InterruptedException {
        boolean isDone = body.get("done").asBoolean();
        lock.lock();
        try {
            if (isDone) {
                done = true;
                changed.signalAll();
                return CapsServer.Answer.ok(Llsd.undef());
            }
            long mine = ++generation;
            changed.signalAll();
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            try {
                return answerPoll(body.get("ack"), mine);
            } finally {
                inFlight--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private CapsServer.Answer answerPoll(Llsd ack, long mine) throws InterruptedException {
        if (closed || done) {
            return CapsServer.Answer.status(404);
        }
        if (!failStatuses.isEmpty()) {
            return CapsServer.Answer.status(failStatuses.poll());
        }
        boolean drop = dropsLeft > 0;
        if (drop) {
            dropsLeft--;
        }
        if (slowLeft > 0) {
            slowLeft--;
            long left = slowBy.toNanos();
            while (left > 0 && !closed) {
                left = changed.awaitNanos(left);
            }
        }
        if (unacked != null && !ack.isUndefined() && ack.asInt() == unacked.id()) {
            unacked = null;
        }
        if (unacked == null) {
            long left = TimeUnit.NANOSECONDS.convert(hold);
            while (pending.isEmpty() && !closed && !done && generation == mine && left > 0) {
                left = changed.awaitNanos(left);
            }
            if (closed || done) {
                return CapsServer.Answer.status(404);
            }
            if (generation != mine || pending.isEmpty()) {
                return drop ? new CapsServer.Answer(200, null, true) : CapsServer.Answer.status(502);
            }
            unacked = new Batch(nextId++, new ArrayList<>(pending));
            pending.clear();
        }
        Llsd answer = Llsd.mapOf("id", Llsd.of(unacked.id()), "events", Llsd.arrayOf(unacked.events()));
        return new CapsServer.Answer(200, answer, drop);
    }
}
