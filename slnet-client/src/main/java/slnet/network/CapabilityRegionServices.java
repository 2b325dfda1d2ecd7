package slnet.network;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import slnet.caps.CapabilityClient;
import slnet.caps.CapabilityException;
import slnet.caps.CapabilityUris;
import slnet.caps.EventQueueClient;
import slnet.caps.EventQueueEvent;
import slnet.caps.EventQueueSink;
import slnet.caps.RegionCapabilities;
import slnet.handler.HandlerContext;
import slnet.protocol.llsd.Llsd;
import slnet.time.Sleeper;

/**
 * The default {@link RegionServices}: seed, capabilities and event queue of one region. Each region
 * gets its own {@link CapabilityClient} from the supplier (closed with it), so leaving a region
 * releases its HTTP connections and threads; a supplier that injects a shared {@code HttpClient}
 * (for a proxy, say) keeps that client open, as {@link CapabilityClient} never closes an injected one.
 */
final class CapabilityRegionServices implements RegionServices {
    /** The viewer retries its seed request a few times before giving up on a region's capabilities. */
    static final int SEED_ATTEMPTS = 4;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);

    private final List<String> names;
    private final int attempts;
    private final java.util.function.Consumer<EventQueueClient.Builder> eventQueue;
    private final java.util.function.Supplier<CapabilityClient> clients;
    private final Sleeper sleeper;
    private final boolean lightHttp;

    CapabilityRegionServices(List<String> names, int attempts,
                             java.util.function.Consumer<EventQueueClient.Builder> eventQueue,
                             java.util.function.Supplier<CapabilityClient> clients) {
        this(names, attempts, eventQueue, clients, Sleeper.system(), false);
    }

    CapabilityRegionServices(List<String> names, int attempts,
                             java.util.function.Consumer<EventQueueClient.Builder> eventQueue,
                             java.util.function.Supplier<CapabilityClient> clients, boolean lightHttp) {
        this(names, attempts, eventQueue, clients, Sleeper.system(), lightHttp);
    }

    CapabilityRegionServices(List<String> names, int attempts,
                             java.util.function.Consumer<EventQueueClient.Builder> eventQueue,
                             java.util.function.Supplier<CapabilityClient> clients, Sleeper sleeper) {
        this(names, attempts, eventQueue, clients, sleeper, false);
    }

    CapabilityRegionServices(List<String> names, int attempts,
                             java.util.function.Consumer<EventQueueClient.Builder> eventQueue,
                             java.util.function.Supplier<CapabilityClient> clients, Sleeper sleeper,
                             boolean lightHttp) {
        this.lightHttp = lightHttp;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.names = List.copyOf(names);
        this.attempts = attempts;
        this.eventQueue = Objects.requireNonNull(eventQueue, "eventQueue");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public AutoCloseable start(Context context) throws Exception {
        CapabilityClient client = clients.get();
        try {
            RegionCapabilities granted = requestSeed(client, context.seedCapability());
            HandlerContext eq = context.eventQueueContext();
            EventQueueClient queue = null;
            if (granted.has(slnet.caps.CapabilityNames.EVENT_QUEUE_GET)) {
                EventQueueClient.Builder builder = EventQueueClient.builder(client, granted, new Sink(context))
                        .name(String.valueOf(eq.circuit().remoteAddress().getPort()))
                        .lightHttp(lightHttp);
                eventQueue.accept(builder);
                queue = builder.start();
            }
            return new Running(client, granted, queue);
        } catch (Exception | Error e) {
            client.close();
            throw e;
        }
    }

    private RegionCapabilities requestSeed(CapabilityClient client, URI seed)
            throws CapabilityException, InterruptedException {
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; ; attempt++) {
            try {
                return client.requestSeed(seed, names);
            } catch (CapabilityException e) {
                if (attempt >= attempts) {
                    throw new CapabilityException(e.kind(), e.status(), "seed " + CapabilityUris.redact(seed)
                            + " failed " + attempt + " times, last: " + e.getMessage(), e);
                }
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** Dispatches each event as the UDP path would, on the event-queue path, after telling the trace. */
    private record Sink(Context context) implements EventQueueSink {
        @Override
        public void onEvent(EventQueueEvent event) {
            context.eventQueueTap().accept(event.name());
            switch (event) {
                case EventQueueEvent.TypedEvent typed ->
                        context.handlers().dispatch(typed.message(), context.eventQueueContext());
                case EventQueueEvent.LlsdEvent llsd ->
                        context.handlers().dispatchLlsd(llsd.name(), llsd.body(), context.eventQueueContext());
            }
        }

        @Override
        public void onPollFailed(CapabilityException failure, Duration retryIn) {
            // The message names the kind and status only: CapabilityException redacts the URI.
            context.publisher().accept(new NetworkEvent.ErrorOccurred("event queue of "
                    + context.eventQueueContext().circuit().remoteAddress() + " failed: " + failure.getMessage()
                    + "; polling again in " + retryIn.toMillis() + " ms", failure, context.clock().instant()));
        }
    }

    /** A region's running services. */
    private static final class Running implements AutoCloseable, RegionCapabilityAccess {
        private final CapabilityClient client;
        private final RegionCapabilities granted;
        private final EventQueueClient queue;
        private final AtomicBoolean closed = new AtomicBoolean();

        Running(CapabilityClient client, RegionCapabilities granted, EventQueueClient queue) {
            this.client = client;
            this.granted = Objects.requireNonNull(granted);
            this.queue = queue;
        }

        @Override
        public RegionCapabilities granted() {
            return granted;
        }

        private URI uri(String name) throws CapabilityException {
            return granted.get(name).orElseThrow(() -> new CapabilityException(CapabilityException.Kind.HTTP_STATUS,
                    404, "the region did not grant " + name, null));
        }

        @Override
        public Llsd post(String name, Llsd body) throws CapabilityException, InterruptedException {
            return client.post(uri(name), body);
        }

        @Override
        public Llsd get(String name) throws CapabilityException, InterruptedException {
            return client.get(uri(name));
        }

        @Override
        public java.util.concurrent.CompletableFuture<Llsd> getAsync(String name, String query) {
            URI base;
            try {
                base = uri(name);
            } catch (CapabilityException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            return client.getAsync(query.isEmpty() ? base : URI.create(base + (base.getRawQuery() == null ? "?" : "&")
                    + query));
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (queue != null) {
                queue.close();
            }
            client.close();
        }
    }
}
