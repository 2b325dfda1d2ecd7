package slnet.testgrid.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.caps.CapabilityClient;
import slnet.caps.EventQueueClient;
import slnet.caps.EventQueueEvent;
import slnet.caps.EventQueueSink;
import slnet.caps.ExponentialBackoff;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.types.Bytes;

@Timeout(value = 15, unit = TimeUnit.SECONDS)
class EventQueueClientTest {
    private CapsServer server;
    private CapsSession session;
    private CapabilityClient caps;
    private final CollectingSink sink = new CollectingSink();
    private final List<EventQueueClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = CapsServer.builder().pollHold(Duration.ofMillis(150)).start();
        session = server.openSession("Alpha");
        caps = CapabilityClient.builder().requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        clients.forEach(EventQueueClient::close);
        caps.close();
        server.close();
    }

    private EventQueueClient startClient(ManualSleeper sleeper, Duration pollTimeout) {
        return startClient(sleeper, pollTimeout, Duration.ZERO);
    }

    private EventQueueClient startClient(ManualSleeper sleeper, Duration pollTimeout, Duration rapidEmptyPoll) {
        EventQueueClient c = EventQueueClient.builder(caps, session.eventQueueUri(), sink)
                .rapidEmptyPoll(rapidEmptyPoll)
                .name("Alpha")
                .sleeper(sleeper)
                .backoff(new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, new SplittableRandom(3)))
                .pollTimeout(pollTimeout)
                .doneTimeout(Duration.ofSeconds(2))
                .start();
        clients.add(c);
        return c;
    }

    private EventQueueClient startClient(ManualSleeper sleeper) {
        return startClient(sleeper, Duration.ofSeconds(5));
    }

    private static Llsd chat(int n) {
        return Llsd.mapOf("n", Llsd.of(n));
    }

    private List<Integer> next(int count) throws InterruptedException {
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventQueueEvent e = sink.next();
            assertThat(e.name()).isEqualTo("TestEvent");
            got.add(((EventQueueEvent.LlsdEvent) e).body().get("n").asInt());
        }
        return got;
    }

    @Test
    void eventsArriveInOrderOnceWithAcksAndOnePollInFlight() throws Exception {
        session.enqueue("TestEvent", chat(1));
        session.enqueue("TestEvent", chat(2));
        EventQueueClient client = startClient(new ManualSleeper(true));
        assertThat(next(2)).containsExactly(1, 2);
        for (int i = 3; i <= 6; i++) {
            session.enqueue("TestEvent", chat(i));
            assertThat(next(1)).containsExactly(i);
        }
        client.close();
        assertThat(sink.stopped.get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.CLOSED);
        assertThat(sink.events).isEmpty();
        List<Llsd> acks = session.acks();
        assertThat(acks.get(0)).isEqualTo(Llsd.undef());
        // Each ack is the id of the batch before it: undef, 1, 2, ... never going back.
        List<Integer> ackIds = acks.stream().filter(a -> !a.isUndefined()).map(Llsd::asInt).toList();
        assertThat(ackIds).isSorted().contains(1, 2, 3, 4);
        // The last batch may be acknowledged only by the goodbye, if close came first. The poll that
        // close cut short travels on its own connection and may reach the server after the goodbye.
        var requests = session.requests();
        assertThat(requests.subList(Math.max(0, requests.size() - 2), requests.size()))
                .extracting(r -> r.body()).contains(Llsd.mapOf("ack", Llsd.of(5), "done", Llsd.of(true)));
        assertThat(client.lastId()).isEqualTo(Llsd.of(5));
        assertThat(session.maxConcurrentPolls()).isEqualTo(1);
        assertThat(client.delivered()).isEqualTo(6);
    }

    @Test
    void templateEventsArriveTypedAndOthersAsLlsd() throws Exception {
        TeleportFinish tf = new TeleportFinish(new TeleportFinish.Info(UUID.randomUUID(), 7,
                (Inet4Address) InetAddress.getByName("127.0.0.1"), 13001, (1000L << 40) | 1000L,
                Bytes.ofString(session.seedUri().toString()), 21, 0x10));
        Llsd establish = Llsd.mapOf("agent-id", Llsd.of(UUID.randomUUID()), "sim-ip-and-port", Llsd.of("127.0.0.1:13001"),
                "seed-capability", Llsd.of(session.seedUri().toString()));
        session.enqueue(tf);
        session.enqueue("EstablishAgentCommunication", establish);
        session.enqueue(new EnableSimulator(new EnableSimulator.SimulatorInfo(42L,
                (Inet4Address) InetAddress.getByName("10.0.0.1"), 13002)));
        startClient(new ManualSleeper(true));
        assertThat(sink.next()).isEqualTo(new EventQueueEvent.TypedEvent(tf));
        assertThat(sink.next()).isEqualTo(new EventQueueEvent.LlsdEvent("EstablishAgentCommunication", establish));
        assertThat(((EventQueueEvent.TypedEvent) sink.next()).message()).isInstanceOf(EnableSimulator.class);
    }

    @Test
    void bodiesThatDoNotFitTheirTemplateArriveAsLlsd() throws Exception {
        Llsd bad = Llsd.mapOf("SimulatorInfo", Llsd.arrayOf(Llsd.mapOf("Port", Llsd.of(99999))));
        session.enqueue("EnableSimulator", bad);
        startClient(new ManualSleeper(true));
        assertThat(sink.next()).isEqualTo(new EventQueueEvent.LlsdEvent("EnableSimulator", bad));
    }

    @Test
    void a502And504StormKeepsPollingWithoutBackoff() throws Exception {
        session.failNextPolls(15, 502);
        session.failNextPolls(15, 504);
        ManualSleeper sleeper = new ManualSleeper(true);
        EventQueueClient client = startClient(sleeper);
        session.enqueue("TestEvent", chat(1));
        assertThat(next(1)).containsExactly(1);
        assertThat(client.polls()).isGreaterThanOrEqualTo(31);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(session.maxConcurrentPolls()).isEqualTo(1);
    }

    @Test
    void slowPollsTimeOutAndPollAgainWithoutLosingEvents() throws Exception {
        session.slowNextPolls(2, Duration.ofMillis(600));
        ManualSleeper sleeper = new ManualSleeper(true);
        EventQueueClient client = startClient(sleeper, Duration.ofMillis(250));
        session.enqueue("TestEvent", chat(1));
        assertThat(next(1)).containsExactly(1);
        session.enqueue("TestEvent", chat(2));
        assertThat(next(1)).containsExactly(2);
        assertThat(client.polls()).isGreaterThanOrEqualTo(3);
        assertThat(sleeper.sleeps()).as("timeouts are not errors").isEmpty();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void aDroppedConnectionIsRetriedAndTheBatchResentOnce() throws Exception {
        session.enqueue("TestEvent", chat(1));
        session.dropNextPolls(1);
        ManualSleeper sleeper = new ManualSleeper(true);
        EventQueueClient client = startClient(sleeper);
        assertThat(next(1)).containsExactly(1);
        session.enqueue("TestEvent", chat(2));
        assertThat(next(1)).containsExactly(2);
        assertThat(sleeper.sleeps()).hasSize(1);
        // The lost batch 1 was sent again to a poll that had not acknowledged it.
        assertThat(session.acks().subList(0, 3)).containsExactly(Llsd.undef(), Llsd.undef(), Llsd.of(1));
        assertThat(client.delivered()).isEqualTo(2);
    }

    @Test
    void otherErrorsBackOffExponentiallyOnTheManualClockAndResetOnSuccess() throws Exception {
        session.failNextPolls(4, 500);
        ManualSleeper sleeper = new ManualSleeper(false);
        startClient(sleeper);
        long[] ceilingsMs = {100, 200, 400, 800};
        for (long ceiling : ceilingsMs) {
            Duration d = sleeper.nextSleep();
            assertThat(d).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
            sleeper.advance();
        }
        session.enqueue("TestEvent", chat(1));
        assertThat(next(1)).containsExactly(1);
        // After a success the next failure starts from the initial delay again.
        session.failNextPolls(1, 500);
        session.enqueue("TestEvent", chat(2));
        assertThat(sleeper.nextSleep()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        sleeper.advance();
        assertThat(next(1)).containsExactly(2);
        assertThat(Duration.ofNanos(sleeper.nowNs())).isLessThan(Duration.ofMillis(1600));
    }

    @Test
    void a404StopsTheClientWithoutDone() throws Exception {
        EventQueueClient client = startClient(new ManualSleeper(true));
        assertThat(session.awaitRequests(1, Duration.ofSeconds(5))).isTrue();
        session.close();
        assertThat(sink.stopped.get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.GONE);
        assertThat(client.isRunning()).isFalse();
        assertThat(session.doneReceived()).isFalse();
        client.close();
        assertThat(session.doneReceived()).isFalse();
    }

    @Test
    void closeAbandonsTheHeldPollAndSaysDone() throws Exception {
        session.enqueue("TestEvent", chat(1));
        EventQueueClient client = startClient(new ManualSleeper(true));
        assertThat(next(1)).containsExactly(1);
        assertThat(session.awaitRequests(2, Duration.ofSeconds(5))).isTrue();
        client.close();
        client.close();
        assertThat(session.doneReceived()).isTrue();
        assertThat(client.isRunning()).isFalse();
        assertThat(sink.stopped).isCompletedWithValue(EventQueueSink.StopReason.CLOSED);
        RecordedRequest done = session.requests().getLast();
        assertThat(done.body().get("done")).isEqualTo(Llsd.of(true));
        assertThat(done.body().get("ack")).isEqualTo(Llsd.of(1));
    }

    @Test
    void aServerThatDiesIsRetriedWithBackoffUntilClosed() throws Exception {
        session.enqueue("TestEvent", chat(1));
        ManualSleeper sleeper = new ManualSleeper(false);
        EventQueueClient client = startClient(sleeper);
        assertThat(next(1)).containsExactly(1);
        server.close();
        Duration first = sleeper.nextSleep();
        sleeper.advance();
        Duration second = sleeper.nextSleep();
        assertThat(second.toNanos()).isGreaterThan(first.toNanos() / 2);
        client.close();
        assertThat(sink.stopped.get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.CLOSED);
        assertThat(client.isRunning()).isFalse();
    }

    @Test
    void theSinkMayCloseTheClient() throws Exception {
        java.util.concurrent.atomic.AtomicReference<EventQueueClient> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CompletableFuture<EventQueueSink.StopReason> stopped = new java.util.concurrent.CompletableFuture<>();
        EventQueueSink closing = new EventQueueSink() {
            @Override
            public void onEvent(EventQueueEvent event) {
                self.get().close();
            }

            @Override
            public void onStopped(StopReason reason) {
                stopped.complete(reason);
            }
        };
        slnet.caps.RegionCapabilities granted = caps.requestSeed(session.seedUri(), slnet.caps.CapabilityNames.VIEWER_DEFAULTS);
        EventQueueClient client = EventQueueClient.builder(caps, granted, closing).name("Alpha").start();
        self.set(client);
        clients.add(client);
        // queued only once the sink can see its client
        session.enqueue("TestEvent", chat(1));
        session.enqueue("TestEvent", chat(2));
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isEqualTo(EventQueueSink.StopReason.CLOSED);
        assertThat(session.doneReceived()).isTrue();
    }

    @Test
    void instant502sInARowAreSpacedOut() throws Exception {
        session.failNextPolls(12, 502);
        ManualSleeper sleeper = new ManualSleeper(true);
        // Loopback 502s come back far quicker than a second; held ones would not.
        startClient(sleeper, Duration.ofSeconds(5), Duration.ofSeconds(1));
        session.enqueue("TestEvent", chat(1));
        assertThat(next(1)).containsExactly(1);
        assertThat(sleeper.sleeps()).hasSize(10);
        assertThat(sleeper.sleeps().get(9)).isGreaterThan(sleeper.sleeps().get(0));
    }
}
