package slnet.bench.circuit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LoopbackThroughputBenchmark} one path at a time (bare, unreliable, reliable, then bare
 * again to bracket the load drift of a shared machine) and prints a Markdown table: packets per
 * second, loss, CPU per delivered packet, percent of the bare loop, and whether the targets are met
 * (unreliable at least 70 % of bare, reliable at least 50 %).
 *
 * <p>On a shared 2-core machine the raw rates say as much about the neighbours' load as about the
 * code, so each row also gets a CPU-bound rate: what its measured CPU per packet allows when the
 * sender thread has a core to itself and the process all cores. The targets are judged on both.
 *
 * <p>Arguments: {@code -wi N -w SECONDS -i N -r SECONDS -f FORKS -o FILE}; defaults 3, 2, 5, 4, 1,
 * none. Waits for another JMH run on the machine to release its lock (up to 15 minutes) rather than
 * measure alongside it.
 */
public final class LoopbackThroughputReport {
    private static final double UNRELIABLE_TARGET = 0.70;
    private static final double RELIABLE_TARGET = 0.50;
    private static final long LOCK_WAIT_NS = TimeUnit.MINUTES.toNanos(15);

    private int warmupIterations = 3;
    private int warmupSeconds = 2;
    private int iterations = 5;
    private int iterationSeconds = 4;
    private int forks = 1;
    private Path output;

    private LoopbackThroughputReport() {
    }

    /** One path's averaged rates, per second, and the load around its run. */
    private record Row(String path, double sent, double delivered, double deliveredError, double acked,
                       double failed, double resent, double cpuNs, double senderCpuNs, double receiverCpuNs, double allocBytesPerSend, String loadBefore, String loadAfter) {
        double loss() {
            return path.equals("reliable") ? 0 : Math.max(0, 1 - delivered / sent);
        }

        double cpuUsPerPacket() {
            return cpuNs / delivered / 1000;
        }

        double senderCpuUsPerPacket() {
            return senderCpuNs / delivered / 1000;
        }

        double receiverCpuUsPerPacket() {
            return receiverCpuNs / delivered / 1000;
        }

        /**
         * What this path would move if it had the machine to itself: the sender thread and the
         * receive thread can each use at most one core, and all threads together at most all cores.
         */
        double capacity() {
            int cores = Runtime.getRuntime().availableProcessors();
            double perCore = 1e9 / (Math.max(senderCpuNs, receiverCpuNs) / delivered);
            return Math.min(perCore, cores * 1e9 / (cpuNs / delivered));
        }
    }

    /**
     * Runs the report.
     *
     * @param args see the class comment
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        LoopbackThroughputReport report = new LoopbackThroughputReport();
        report.parse(args);
        report.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "-wi" -> warmupIterations = Integer.parseInt(value);
                case "-w" -> warmupSeconds = Integer.parseInt(value);
                case "-i" -> iterations = Integer.parseInt(value);
                case "-r" -> iterationSeconds = Integer.parseInt(value);
                case "-f" -> forks = Integer.parseInt(value);
                case "-o" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: -wi -w -i -r -f -o)");
            }
        }
    }

    private void run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String path : List.of("bare", "unreliable", "reliable", "bare")) {
            rows.add(measure(path));
        }
        String table = table(rows);
        System.out.println();
        System.out.println(table);
        if (output != null) {
            Files.writeString(output, table);
        }
    }

    private Row measure(String path) throws RunnerException, IOException, InterruptedException {
        var options = new OptionsBuilder()
                .include(LoopbackThroughputBenchmark.class.getName() + "\\.send$")
                .param("path", path)
                .warmupIterations(warmupIterations).warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(iterationSeconds))
                .forks(forks)
                .addProfiler(GCProfiler.class)
                .build();
        long deadline = System.nanoTime() + LOCK_WAIT_NS;
        while (true) {
            String loadBefore = loadAverage();
            try {
                Collection<RunResult> results = new Runner(options).run();
                RunResult result = results.iterator().next();
                Map<String, Result> secondary = result.getSecondaryResults();
                return new Row(path, result.getPrimaryResult().getScore(), secondary.get("delivered").getScore(),
                        secondary.get("delivered").getScoreError(), secondary.get("acked").getScore(),
                        secondary.get("failed").getScore(), secondary.get("resent").getScore(),
                        secondary.get("cpuNs").getScore(), secondary.get("senderCpuNs").getScore(),
                        secondary.get("receiverCpuNs").getScore(), secondary.get("gc.alloc.rate.norm").getScore(),
                        loadBefore, loadAverage());
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock") || System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.println("another JMH run holds the lock; waiting");
                Thread.sleep(10_000);
            }
        }
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "?";
        }
        String[] fields = Files.readString(loadavg).trim().split("\\s+");
        return fields[0];
    }

    private String table(List<Row> rows) throws IOException {
        Row bareFirst = rows.get(0);
        Row bareLast = rows.get(rows.size() - 1);
        double bare = (bareFirst.delivered + bareLast.delivered) / 2;
        double bareCapacity = (bareFirst.capacity() + bareLast.capacity()) / 2;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %s, %d cores (%s %s); JDK %s (%s).%n", cpuModel(), cores,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.vm.version"), System.getProperty("java.vm.name")));
        out.append(String.format(Locale.ROOT,
                "Settings: %d fork(s) x %d warm-up x %d s + %d measured x %d s per row, one sender thread, "
                        + "JMH Throughput mode; rates are means over the measured iterations (± 99.9 %% CI).%n",
                forks, warmupIterations, warmupSeconds, iterations, iterationSeconds));
        out.append(String.format(Locale.ROOT,
                "Bare loop measured first and last: %,.0f and %,.0f delivered/s; %% of bare is against their "
                        + "mean, %,.0f/s (CPU-bound: %,.0f/s).%n%n", bareFirst.delivered, bareLast.delivered, bare,
                bareCapacity));
        out.append("| Path | Delivered/s | Sent/s | Loss | Acked/s | CPU µs/packet: process | : sender thread"
                + " | : receive thread | Heap B/send | % of bare | CPU-bound pps | % of bare, CPU-bound | Target | Met | Load before/after |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String name = switch (row.path) {
                case "bare" -> i == 0 ? "bare DatagramChannel loop (first)" : "bare DatagramChannel loop (last)";
                case "unreliable" -> "circuit, unreliable `send`";
                default -> "circuit, `sendReliable` + acks";
            };
            double share = row.delivered / bare;
            double cpuShare = row.capacity() / bareCapacity;
            String target;
            String met;
            switch (row.path) {
                case "unreliable" -> {
                    target = ">= 70 %";
                    met = verdict(share >= UNRELIABLE_TARGET, cpuShare >= UNRELIABLE_TARGET);
                }
                case "reliable" -> {
                    target = ">= 50 %";
                    met = verdict(share >= RELIABLE_TARGET && row.failed == 0,
                            cpuShare >= RELIABLE_TARGET && row.failed == 0);
                }
                default -> {
                    target = "(limit)";
                    met = "";
                }
            }
            String loss = row.path.equals("reliable")
                    ? String.format(Locale.ROOT, "%.0f failed, %.0f resent/s", row.failed, row.resent)
                    : String.format(Locale.ROOT, "%.1f %%", 100 * row.loss());
            out.append(String.format(Locale.ROOT,
                    "| %s | %,.0f ± %,.0f | %,.0f | %s | %s | %.2f | %.2f | %.2f | %.0f | %.0f %% | %,.0f | %.0f %% | %s | %s | %s / %s |%n",
                    name, row.delivered, row.deliveredError, row.sent, loss,
                    row.path.equals("reliable") ? String.format(Locale.ROOT, "%,.0f", row.acked) : "-",
                    row.cpuUsPerPacket(), row.senderCpuUsPerPacket(), row.receiverCpuUsPerPacket(), row.allocBytesPerSend, 100 * share, row.capacity(), 100 * cpuShare,
                    target, met, row.loadBefore, row.loadAfter));
        }
        return out.toString();
    }

    private static String verdict(boolean raw, boolean cpuBound) {
        if (raw && cpuBound) {
            return "yes";
        }
        return raw ? "yes (raw only)" : cpuBound ? "CPU-bound only" : "**no**";
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }
}
