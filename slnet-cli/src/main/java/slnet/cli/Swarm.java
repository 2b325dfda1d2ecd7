package slnet.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import slnet.Client;
import slnet.circuit.CircuitStats;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.ConnectException;
import slnet.network.NetworkEvent;

/**
 * Runs a swarm: launches bots at the ramp rate, lets each act on its behaviour, reports progress
 * every interval, and at the end (duration over, or {@link #requestStop()}) logs every bot out
 * within a bound and closes it. The loop runs on the caller's thread; connects, events and logouts
 * complete on the clients' threads and only touch atomics and the bot's own state. Each bot's
 * client comes from one supplier, so whatever the clients share is decided in one place.
 */
final class Swarm {
    private static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * What a run does.
     *
     * @param loginUri       where the bots log in
     * @param accounts       who they are (this shard's)
     * @param rampPerSecond  bots launched per second
     * @param duration       how long the whole run lasts, ramp included; null for until stopped
     * @param hold           how long to stay once every bot connected or failed; null for the duration
     * @param behaviour      what each bot does
     * @param actionInterval how often a bot acts (each bot starts at a random point within it)
     * @param regions        regions to teleport between
     * @param reportInterval how often progress is reported
     * @param logoutTimeout  how long logging everyone out may take in all
     */
    record Settings(URI loginUri, List<SwarmAccount> accounts, double rampPerSecond, Duration duration, Duration hold,
                    SwarmBehaviour behaviour, Duration actionInterval, List<String> regions,
                    Duration reportInterval, Duration logoutTimeout) {
        Settings {
            Objects.requireNonNull(loginUri, "loginUri");
            accounts = List.copyOf(accounts);
            regions = List.copyOf(regions);
        }
    }

    /**
     * One interval's snapshot.
     *
     * @param tMs            milliseconds since the start
     * @param launched       bots launched so far
     * @param connected      bots that connected so far
     * @param online         bots connected now
     * @param failed         bots whose connect failed
     * @param failedByStep   the failures by handshake step
     * @param lost           bots that connected and lost their session
     * @param rttMsP50       median smoothed round-trip time of the bots' primary circuits, ms
     * @param rttMsP99       its 99th percentile
     * @param packetsInPerS  datagrams received per second, all bots
     * @param packetsOutPerS datagrams sent per second
     * @param messagesInPerS messages delivered per second
     */
    record Progress(long tMs, long launched, long connected, long online, long failed, Map<String, Long> failedByStep,
                    long lost, double rttMsP50, double rttMsP99, long packetsInPerS, long packetsOutPerS,
                    long messagesInPerS) {
    }

    private final Settings settings;
    private final Supplier<Client> clients;
    private final java.util.function.Consumer<Progress> reporter;
    private final Random random;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<SwarmBot> bots = new ArrayList<>();
    private final Recorder connectMs = new Recorder(3);
    private final Histogram connectTotal = SwarmSummary.newHistogram();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong online = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final LongAdder actionFailures = new LongAdder();
    private final Map<String, LongAdder> failedByStep = new ConcurrentHashMap<>();
    private long startNs;
    private long lastReportNs;
    private long lastPacketsIn;
    private long lastPacketsOut;
    private long lastMessagesIn;

    Swarm(Settings settings, Supplier<Client> clients, java.util.function.Consumer<Progress> reporter, long seed) {
        this.settings = settings;
        this.clients = clients;
        this.reporter = reporter;
        this.random = new Random(seed);
    }

    /** Ends the run soon: from any thread, e.g. a shutdown hook. */
    void requestStop() {
        stop.countDown();
    }

    /**
     * Runs until the duration is over or a stop is requested, then logs everyone out.
     *
     * @return the summary
     * @throws InterruptedException if interrupted; the bots are closed anyway
     */
    SwarmSummary run() throws InterruptedException {
        startNs = System.nanoTime();
        lastReportNs = startNs;
        long reportNs = settings.reportInterval().toNanos();
        long endNs = settings.duration() == null ? Long.MAX_VALUE : startNs + settings.duration().toNanos();
        List<SwarmAccount> accounts = settings.accounts();
        int next = 0;
        long settledNs = 0;
        try {
            while (stop.getCount() > 0) {
                long now = System.nanoTime();
                if (now - endNs >= 0) {
                    break;
                }
                if (settings.hold() != null && settledNs == 0 && next == accounts.size()
                        && bots.stream().noneMatch(b -> b.state() == SwarmBot.State.CONNECTING)) {
                    settledNs = now;
                }
                if (settledNs != 0 && now - settledNs >= settings.hold().toNanos()) {
                    break;
                }
                long due = Math.min(accounts.size(),
                        1 + (long) Math.floor((now - startNs) / 1e9 * settings.rampPerSecond()));
                while (next < due) {
                    launch(accounts.get(next++));
                }
                act(now);
                if (now - lastReportNs >= reportNs) {
                    reporter.accept(progress(now));
                }
                stop.await(Math.min(TICK_NS, Math.max(1, endNs - now)), TimeUnit.NANOSECONDS);
            }
        } finally {
            logOutEveryone();
        }
        reporter.accept(progress(System.nanoTime()));
        return summary();
    }

    private void launch(SwarmAccount account) {
        Client client = clients.get();
        SwarmBot bot = new SwarmBot(account, client, System.nanoTime());
        bots.add(bot);
        client.events().subscribe(event -> {
            if (SwarmBot.endsSession(event) && bot.move(SwarmBot.State.CONNECTED, SwarmBot.State.LOST)) {
                lost.incrementAndGet();
                online.decrementAndGet();
            }
        });
        LoginCredentials credentials;
        try {
            credentials = LoginCredentials.builder().firstName(account.firstName()).lastName(account.lastName())
                    .password(account.password()).grid(Grid.custom(settings.loginUri())).build();
        } catch (IllegalArgumentException e) {
            fail(bot, "invalid_account");
            return;
        }
        client.connectAsync(credentials).whenComplete((session, failure) -> {
            if (failure == null) {
                if (bot.move(SwarmBot.State.CONNECTING, SwarmBot.State.CONNECTED)) {
                    connectMs.recordValue(Math.max(0, (System.nanoTime() - bot.launchedNs) / 1_000_000));
                    connected.incrementAndGet();
                    online.incrementAndGet();
                }
            } else {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : failure;
                fail(bot, cause instanceof ConnectException ce
                        ? ce.step().name().toLowerCase(java.util.Locale.ROOT) : "other");
            }
        });
    }

    private void fail(SwarmBot bot, String step) {
        if (bot.move(SwarmBot.State.CONNECTING, SwarmBot.State.FAILED)) {
            failed.incrementAndGet();
            failedByStep.computeIfAbsent(step, s -> new LongAdder()).increment();
        }
    }

    private void act(long now) {
        if (settings.behaviour() == SwarmBehaviour.IDLE) {
            return;
        }
        long intervalNs = settings.actionInterval().toNanos();
        for (SwarmBot bot : bots) {
            if (bot.state() != SwarmBot.State.CONNECTED) {
                continue;
            }
            if (bot.nextActionNs == 0) {
                bot.nextActionNs = now + (long) (random.nextDouble() * intervalNs) + 1; // spread the bots out
                continue;
            }
            if (now - bot.nextActionNs < 0 || (bot.action != null && !bot.action.isDone())) {
                continue;
            }
            bot.nextActionNs = now + intervalNs;
            bot.actions++;
            try {
                bot.action = settings.behaviour().act(bot.client, random, settings.regions(), bot.actions)
                        .map(f -> f.whenComplete((ok, failure) -> {
                            // an action cut short by the end of the run is no failure of the grid
                            if (failure != null && bot.state() == SwarmBot.State.CONNECTED) {
                                actionFailures.increment();
                                org.slf4j.LoggerFactory.getLogger(Swarm.class).debug("{} {} failed: {}",
                                        bot.account, settings.behaviour().label(), failure.toString());
                            }
                        })).orElse(null);
            } catch (RuntimeException e) {
                actionFailures.increment(); // e.g. the session ended between the check and the action
            }
        }
    }

    private Progress progress(long now) {
        Histogram rtt = new Histogram(3);
        rtt.setAutoResize(true);
        long packetsIn = 0;
        long packetsOut = 0;
        long messagesIn = 0;
        for (SwarmBot bot : bots) {
            if (bot.state() != SwarmBot.State.CONNECTED) {
                continue;
            }
            var stats = bot.client.stats();
            stats.primaryCircuit().map(CircuitStats::smoothedRtt).filter(d -> !d.isZero())
                    .ifPresent(d -> rtt.recordValue(Math.max(1, d.toNanos() / 1_000)));
            for (CircuitStats c : stats.circuits().values()) {
                packetsIn += c.packetsIn();
                packetsOut += c.packetsOut();
                messagesIn += c.messagesDelivered();
            }
        }
        double seconds = Math.max(1e-3, (now - lastReportNs) / 1e9);
        Progress p = new Progress((now - startNs) / 1_000_000, bots.size(), connected.get(), online.get(),
                failed.get(), failedByStep(), lost.get(),
                rtt.getTotalCount() == 0 ? 0 : rtt.getValueAtPercentile(50) / 1000.0,
                rtt.getTotalCount() == 0 ? 0 : rtt.getValueAtPercentile(99) / 1000.0,
                rate(packetsIn - lastPacketsIn, seconds), rate(packetsOut - lastPacketsOut, seconds),
                rate(messagesIn - lastMessagesIn, seconds));
        lastPacketsIn = packetsIn;
        lastPacketsOut = packetsOut;
        lastMessagesIn = messagesIn;
        lastReportNs = now;
        return p;
    }

    /** Bots that went away make the sums drop: a negative rate is no rate. */
    private static long rate(long delta, double seconds) {
        return Math.max(0, Math.round(delta / seconds));
    }

    private Map<String, Long> failedByStep() {
        Map<String, Long> copy = new TreeMap<>();
        failedByStep.forEach((step, n) -> copy.put(step, n.sum()));
        return copy;
    }

    private final AtomicLong loggedOut = new AtomicLong();
    private long cancelled;

    /** Logs out every connected bot at once, waits within the bound, then closes every client. */
    private void logOutEveryone() {
        List<CompletableFuture<Void>> logouts = new ArrayList<>();
        for (SwarmBot bot : bots) {
            if (bot.move(SwarmBot.State.CONNECTED, SwarmBot.State.STOPPING)) {
                online.decrementAndGet();
                logouts.add(bot.client.disconnectAsync().thenRun(loggedOut::incrementAndGet));
            } else if (bot.move(SwarmBot.State.CONNECTING, SwarmBot.State.STOPPED)) {
                cancelled++; // still connecting when the run ended: neither connected nor failed
            }
        }
        try {
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new))
                    .get(settings.logoutTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // counted: whoever did not finish in time is not logged out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SwarmBot bot : bots) {
            bot.client.close();
        }
    }

    private SwarmSummary summary() {
        connectTotal.add(connectMs.getIntervalHistogram());
        SwarmSummary s = new SwarmSummary(connectTotal);
        s.launched = bots.size();
        s.connected = connected.get();
        s.failed = failed.get();
        s.lost = lost.get();
        s.loggedOut = loggedOut.get();
        s.cancelled = cancelled;
        s.actions = bots.stream().mapToLong(b -> b.actions).sum();
        s.actionFailures = actionFailures.sum();
        s.durationMs = (System.nanoTime() - startNs) / 1_000_000;
        s.failedByStep.putAll(failedByStep());
        return s;
    }
}
