package slnet.bench.fleet;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.ClientResources;
import slnet.network.NetworkConfig;
import slnet.network.NetworkEvent;
import slnet.network.ReconnectPolicy;

/**
 * The fleet benchmark of issue 10: N bots in this JVM against a grid in another one (e.g.
 * {@code slnet grid --accounts N}); connects them in batches, holds them idle, logs them out, and
 * reports what a fleet costs: connect time and latency, platform threads, heap per bot after GC,
 * resident memory, idle CPU, circuits lost, logout time. One JSON line on standard output, and a
 * table row on standard error.
 *
 * <pre>
 * java -cp slnet-bench/target/benchmarks.jar slnet.bench.fleet.FleetBench \
 *     --login-uri URI --count 2000 [--batch 50] [--hold-s 300] [--mode shared|own]
 *     [--name-pattern "Load Bot%d"] [--password password] [--objects on|off] [--capabilities on|off]
 * </pre>
 *
 * <p>{@code --mode own} gives every bot everything of its own (the single-client default);
 * {@code --mode shared} puts them all on one {@link ClientResources}. Bots keep no objects unless
 * {@code --objects on} (as {@code slnet swarm}'s bots). Not a unit test: it measures.
 */
public final class FleetBench {
    private FleetBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception if the run cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI loginUri = URI.create(require(options, "login-uri"));
        int count = Integer.parseInt(options.getOrDefault("count", "200"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "50"));
        long holdS = Long.parseLong(options.getOrDefault("hold-s", "30"));
        boolean shared = options.getOrDefault("mode", "shared").equals("shared");
        String pattern = options.getOrDefault("name-pattern", "Load Bot%d");
        String password = options.getOrDefault("password", "password");
        boolean capabilities = !options.getOrDefault("capabilities", "on").equals("off");
        boolean objectTracking = options.getOrDefault("objects", "off").equals("on");
        // --eq-http jdk: event queues on the JDK HttpClient, as before the light long-poll client
        boolean jdkEventQueues = options.getOrDefault("eq-http", "light").equals("jdk");

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = heapAfterGc();
        ClientResources resources = shared ? ClientResources.builder().jdkEventQueues(jdkEventQueues).build() : null;
        AtomicInteger lost = new AtomicInteger();
        List<Client> bots = new ArrayList<>(count);
        long[] connectNs = new long[count];
        int failed = 0;
        Map<String, Integer> failures = new java.util.TreeMap<>();
        long start = System.nanoTime();
        for (int first = 0; first < count; first += batch) {
            List<CompletableFuture<?>> connecting = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + batch); i++) {
                NetworkConfig.Builder network = NetworkConfig.builder().logoutOnShutdown(false)
                        .reconnectPolicy(ReconnectPolicy.DISABLED);
                if (resources != null) {
                    network.resources(resources);
                }
                if (!capabilities) {
                    network.regionServices(slnet.network.RegionServices.NONE);
                }
                Client bot = Client.create(ClientConfig.builder().network(network.build())
                        .objectTracking(objectTracking).build());
                bots.add(bot);
                bot.events().subscribe(event -> {
                    if (event instanceof NetworkEvent.CircuitLost || event instanceof NetworkEvent.Disconnected) {
                        lost.incrementAndGet();
                    }
                });
                String[] name = String.format(Locale.ROOT, pattern, i + 1).split(" ", 2);
                LoginCredentials credentials = LoginCredentials.of(name[0], name[1], password)
                        .withGrid(Grid.custom(loginUri));
                int index = i;
                long began = System.nanoTime();
                connecting.add(bot.connectAsync(credentials)
                        .whenComplete((ok, error) -> connectNs[index] = error == null ? System.nanoTime() - began : -1));
            }
            for (CompletableFuture<?> future : connecting) {
                try {
                    future.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failed++;
                    failures.merge(failureReason(e), 1, Integer::sum);
                }
            }
        }
        long connectWallNs = System.nanoTime() - start;
        int connected = count - failed;
        lost.set(0); // only what is lost while holding counts

        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapPerBot = (heapAfterGc() - heapBefore) / Math.max(1, connected);
        long cpuBefore = os.getProcessCpuTime();
        long holdStart = System.nanoTime();
        // A line to wait on for whoever inspects the idle bots (jcmd histograms, thread dumps).
        System.err.println("holding " + connected + " bots for " + holdS + " s");
        Thread.sleep(TimeUnit.SECONDS.toMillis(holdS));
        double idleCpu = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - holdStart);
        long rssKb = rssKb();
        int lostWhileHolding = lost.get();

        long logoutStart = System.nanoTime();
        List<CompletableFuture<Void>> leaving = new ArrayList<>();
        for (Client bot : bots) {
            leaving.add(bot.disconnectAsync());
        }
        CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        long logoutNs = System.nanoTime() - logoutStart;
        bots.forEach(Client::close);
        if (resources != null) {
            resources.close();
        }

        long[] latencies = Arrays.stream(connectNs).filter(ns -> ns > 0).sorted().toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", shared ? "shared" : "own");
        result.put("bots", count);
        result.put("connected", connected);
        result.put("failed", failed);
        result.put("connect_wall_s", round(connectWallNs / 1e9));
        result.put("connect_p50_ms", percentileMs(latencies, 0.50));
        result.put("connect_p99_ms", percentileMs(latencies, 0.99));
        result.put("platform_threads", threads);
        result.put("heap_per_bot_kb", heapPerBot / 1024);
        result.put("rss_mb", rssKb / 1024);
        result.put("idle_cpu_percent_of_core", round(idleCpu * 100));
        result.put("hold_s", holdS);
        result.put("lost_while_holding", lostWhileHolding);
        result.put("logout_s", round(logoutNs / 1e9));
        StringBuilder json = new StringBuilder("{");
        result.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        System.out.println(json.append('}'));
        System.err.printf(Locale.ROOT, "| %s | %d | %d | %.1f s | %d ms | %d | %d KB | %d MB | %.0f%% | %d | %.1f s |%n",
                result.get("mode"), count, connected, connectWallNs / 1e9, percentileMs(latencies, 0.99), threads,
                heapPerBot / 1024, rssKb / 1024, idleCpu * 100, lostWhileHolding, logoutNs / 1e9);
        failures.forEach((reason, n) -> System.err.println("failed: " + n + " x " + reason));
        System.exit(failed == 0 && lostWhileHolding == 0 ? 0 : 1);
    }

    /** The innermost cause's type and message, so that failures of one kind count together. */
    private static String failureReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("[0-9]+", "N");
        return root.getClass().getSimpleName() + ": " + message;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long percentileMs(long[] sortedNs, double p) {
        if (sortedNs.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sortedNs.length - 1, Math.ceil(p * sortedNs.length) - 1);
        return Duration.ofNanos(sortedNs[Math.max(0, index)]).toMillis();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, at '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
