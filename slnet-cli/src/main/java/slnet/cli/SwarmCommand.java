package slnet.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import slnet.Client;
import slnet.ClientConfig;
import slnet.cli.json.Json;
import slnet.network.ClientResources;
import slnet.network.NetworkConfig;
import slnet.network.ReconnectPolicy;

/**
 * {@code slnet swarm}: a load tester. Logs in many bots (a numbered name pattern with the password
 * from {@code SLNET_PASSWORD}, or an accounts file), at a ramp rate, all on one shared
 * {@link ClientResources}; each does its behaviour (idle, chat, walk, teleport) until the duration
 * is over or Ctrl-C; then every bot logs out (bounded) and a summary is printed. Progress is a live
 * line on a terminal, a plain line per interval otherwise, or one JSON object per interval with
 * {@code --json}, the last one {@code "event":"summary"}. Exit 0 when no more than
 * {@code --max-failures} bots failed to connect or lost their session, 1 otherwise, 2 for bad input.
 */
@Command(name = "swarm", subcommands = SwarmMergeCommand.class,
        footerHeading = "%nExamples:%n", footer = {"  SLNET_PASSWORD=password slnet swarm --login-uri http://127.0.0.1:9000/login --name-pattern \"Load Bot%d\" --count 200 --duration 60", "  slnet swarm --accounts bots.txt --behaviour chat --shard 2/8 --json > shard2.jsonl"},
        description = {"Load test a grid: log in many bots, let them idle, chat, walk or teleport, then log all out "
                + "and summarise.",
                "Password for --name-pattern from SLNET_PASSWORD; an --accounts file has \"First Last password\" "
                + "per line (# comments).",
                "--shard K/N (0-based) takes the K-th of N contiguous slices of the accounts; auto/N reads K from "
                + "JOB_COMPLETION_INDEX."})
public final class SwarmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--login-uri", paramLabel = "URI", description = "The grid's login URI (required).")
    URI loginUri;

    @Option(names = "--name-pattern", paramLabel = "PATTERN",
            description = "Bot names, numbered from 1 with %%d (e.g. \"Load Bot%%d\"); with --count.")
    String namePattern;

    @Option(names = "--count", paramLabel = "N", description = "How many bots of --name-pattern (before sharding).")
    Integer count;

    @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts file: \"First Last password\" per line.")
    Path accountsFile;

    @Option(names = "--ramp", paramLabel = "BOTS_PER_S", defaultValue = "20",
            description = "Bots launched per second (default ${DEFAULT-VALUE}).")
    double ramp;

    @Option(names = "--duration", paramLabel = "S",
            description = "Seconds the whole run lasts, ramp included (default: until Ctrl-C).")
    Double durationSeconds;

    @Option(names = "--hold", paramLabel = "S",
            description = "Seconds to stay once every bot connected or failed, then end (--duration still caps the run).")
    Double holdSeconds;

    @Option(names = "--behaviour", paramLabel = "idle|chat|walk|teleport", defaultValue = "idle",
            description = "What each bot does (default ${DEFAULT-VALUE}).")
    String behaviour;

    @Option(names = "--action-interval", paramLabel = "S", defaultValue = "10",
            description = "Seconds between one bot's actions (default ${DEFAULT-VALUE}).")
    double actionSeconds;

    @Option(names = "--regions", paramLabel = "NAME,...", split = ",",
            description = "Regions to teleport between (for --behaviour teleport).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N|auto/N", description = "Take only the K-th of N slices of the accounts.")
    String shard;

    @Option(names = "--json", description = "One JSON object per interval, then a summary object.")
    boolean json;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "2",
            description = "Seconds between progress reports (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0",
            description = "Exit 0 as long as no more than N bots failed or were lost (default ${DEFAULT-VALUE}).")
    long maxFailures;

    @Option(names = "--logout-timeout", paramLabel = "S", defaultValue = "30",
            description = "Seconds logging every bot out may take at the end (default ${DEFAULT-VALUE}).")
    double logoutSeconds;

    private final Function<String, String> environment;
    private final Supplier<Optional<Console>> console;
    private final boolean installSignalHook;

    /** Creates the command reading the real environment, logging everyone out on Ctrl-C. */
    public SwarmCommand() {
        this(System::getenv, () -> Optional.ofNullable(System.console()), true);
    }

    /**
     * Creates the command with an injected environment and console (for tests).
     *
     * @param environment       looks up environment variables
     * @param console           the terminal, if any (a live progress line is drawn on it)
     * @param installSignalHook whether Ctrl-C ends the run cleanly
     */
    SwarmCommand(Function<String, String> environment, Supplier<Optional<Console>> console, boolean installSignalHook) {
        this.environment = environment;
        this.console = console;
        this.installSignalHook = installSignalHook;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Swarm.Settings settings;
        SwarmShard slice;
        try {
            slice = shard == null ? SwarmShard.ALL : SwarmShard.parse(shard, environment);
            settings = settings(slice);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("slnet swarm: " + e.getMessage());
            err.flush();
            return 2;
        }
        boolean terminal = !json && console.get().isPresent();
        ProgressLines lines = new ProgressLines(out, err, json, terminal);
        try (ClientResources shared = ClientResources.builder().threadPrefix("slnet-swarm").build()) {
            NetworkConfig network = NetworkConfig.builder().resources(shared)
                    .reconnectPolicy(ReconnectPolicy.DISABLED) // a load test counts a lost bot, not a recovered one
                    .logoutOnShutdown(false)
                    .build();
            // A load-test bot never looks at the objects around it: it keeps none.
            ClientConfig config = ClientConfig.builder().network(network).objectTracking(false).build();
            // Every bot's client is built here: this is the one place that decides what they share.
            Swarm swarm = new Swarm(settings, () -> Client.create(config), lines::progress, System.nanoTime());
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = installSignalHook ? new Thread(() -> {
                swarm.requestStop();
                try {
                    finished.await(settings.logoutTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "slnet-swarm-stop") : null;
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            try {
                SwarmSummary summary = swarm.run();
                lines.summary(summary, slice, settings.behaviour());
                long failures = summary.failed + summary.lost;
                return failures > maxFailures ? 1 : 0;
            } finally {
                finished.countDown();
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running and waits for us
                    }
                }
            }
        }
    }

    private Swarm.Settings settings(SwarmShard slice) {
        if (loginUri == null) {
            throw new IllegalArgumentException("--login-uri is required");
        }
        List<SwarmAccount> accounts;
        if (accountsFile != null) {
            if (namePattern != null || count != null) {
                throw new IllegalArgumentException("give either --accounts or --name-pattern with --count, not both");
            }
            accounts = SwarmAccount.fromFile(accountsFile);
        } else {
            if (namePattern == null || count == null) {
                throw new IllegalArgumentException("give --name-pattern with --count, or --accounts FILE");
            }
            String password = environment.apply(LoginCommand.PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("no password: set " + LoginCommand.PASSWORD_ENV
                        + " for --name-pattern accounts");
            }
            accounts = SwarmAccount.fromPattern(namePattern, count, password);
        }
        SwarmBehaviour what;
        try {
            what = SwarmBehaviour.valueOf(behaviour.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--behaviour must be idle, chat, walk or teleport, not " + behaviour);
        }
        List<String> regionNames = regions.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (what == SwarmBehaviour.TELEPORT && regionNames.size() < 2) {
            throw new IllegalArgumentException("--behaviour teleport needs --regions with at least two regions");
        }
        if (!(ramp > 0) || !(actionSeconds > 0) || !(intervalSeconds > 0) || !(logoutSeconds > 0)
                || (durationSeconds != null && !(durationSeconds >= 0)) || (holdSeconds != null && !(holdSeconds >= 0))
                || maxFailures < 0) {
            throw new IllegalArgumentException(
                    "--ramp, --action-interval, --interval and --logout-timeout must be positive; "
                            + "--duration, --hold and --max-failures not negative");
        }
        return new Swarm.Settings(loginUri, slice.slice(accounts), ramp,
                durationSeconds == null ? null : seconds(durationSeconds),
                holdSeconds == null ? null : seconds(holdSeconds), what, seconds(actionSeconds), regionNames,
                seconds(intervalSeconds), seconds(logoutSeconds));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** Writes progress and the summary: JSON lines, a live terminal line, or plain lines. */
    private static final class ProgressLines {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean json;
        private final boolean terminal;

        ProgressLines(PrintWriter out, PrintWriter err, boolean json, boolean terminal) {
            this.out = out;
            this.err = err;
            this.json = json;
            this.terminal = terminal;
        }

        void progress(Swarm.Progress p) {
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("event", "progress");
                line.put("t_ms", p.tMs());
                line.put("launched", p.launched());
                line.put("connected", p.connected());
                line.put("online", p.online());
                line.put("failed", p.failed());
                line.put("failed_by_step", new LinkedHashMap<>(p.failedByStep()));
                line.put("lost", p.lost());
                line.put("rtt_ms_p50", p.rttMsP50());
                line.put("rtt_ms_p99", p.rttMsP99());
                line.put("packets_in_per_s", p.packetsInPerS());
                line.put("packets_out_per_s", p.packetsOutPerS());
                line.put("messages_in_per_s", p.messagesInPerS());
                out.println(Json.write(line));
                out.flush();
                return;
            }
            StringBuilder failures = new StringBuilder();
            p.failedByStep().forEach((step, n) -> failures.append(failures.isEmpty() ? " (" : ", ").append(step)
                    .append(' ').append(n));
            if (!failures.isEmpty()) {
                failures.append(')');
            }
            String text = String.format(Locale.ROOT,
                    "[%6.1f s] launched %d, connected %d (online %d), failed %d%s, lost %d | rtt p50 %.1f ms p99 %.1f ms"
                            + " | pkts in %d/s out %d/s",
                    p.tMs() / 1000.0, p.launched(), p.connected(), p.online(), p.failed(), failures, p.lost(),
                    p.rttMsP50(), p.rttMsP99(), p.packetsInPerS(), p.packetsOutPerS());
            if (terminal) {
                err.print("\r\u001b[2K" + text);
                err.flush();
            } else {
                out.println(text);
                out.flush();
            }
        }

        void summary(SwarmSummary summary, SwarmShard shard, SwarmBehaviour behaviour) {
            if (terminal) {
                err.println();
                err.flush();
            }
            if (json) {
                Map<String, Object> line = summary.toJson();
                line.put("shard", shard.toString());
                line.put("behaviour", behaviour.label());
                out.println(Json.write(line));
            } else {
                out.println(summary.toText());
            }
            out.flush();
        }
    }
}
