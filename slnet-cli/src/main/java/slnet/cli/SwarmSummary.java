package slnet.cli;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What a swarm run ended with, as its final JSON line ({@code "event":"summary"}) carries it, and
 * the merge of many such lines from the shards of one fleet. The connect latencies travel as
 * HdrHistogram's compressed, base64-encoded form ({@code connect_ms_hdr}), so merged percentiles
 * are those of all bots together, not an average of the shards' percentiles. Not thread-safe.
 */
final class SwarmSummary {
    /** Bounds what a merged file may make us decode (a real summary's histogram is a few hundred bytes). */
    private static final int MAX_HISTOGRAM_CHARS = 1 << 20;
    private static final int SIGNIFICANT_DIGITS = 3;

    long launched;
    long connected;
    long failed;
    long lost;
    long loggedOut;
    /** Bots still connecting when the run ended: neither connected nor failed. */
    long cancelled;
    long actions;
    long actionFailures;
    long durationMs;
    long shards = 1;
    final Map<String, Long> failedByStep = new TreeMap<>();
    final Histogram connectMs;

    SwarmSummary(Histogram connectMs) {
        this.connectMs = connectMs;
    }

    /** @return an empty summary with an empty latency histogram */
    static SwarmSummary empty() {
        return new SwarmSummary(newHistogram());
    }

    /** @return a histogram of milliseconds, auto-resizing, three significant digits */
    static Histogram newHistogram() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    /** @return the summary as one JSON object, {@code "event":"summary"} first */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "summary");
        json.put("launched", launched);
        json.put("connected", connected);
        json.put("failed", failed);
        json.put("lost", lost);
        json.put("logged_out", loggedOut);
        json.put("cancelled", cancelled);
        json.put("failed_by_step", new LinkedHashMap<>(failedByStep));
        json.put("actions", actions);
        json.put("action_failures", actionFailures);
        json.put("connect_ms_p50", connectMs.getValueAtPercentile(50));
        json.put("connect_ms_p90", connectMs.getValueAtPercentile(90));
        json.put("connect_ms_p99", connectMs.getValueAtPercentile(99));
        json.put("connect_ms_max", connectMs.getMaxValue());
        json.put("duration_ms", durationMs);
        json.put("shards", shards);
        json.put("connect_ms_hdr", encode(connectMs));
        return json;
    }

    /** @return one human-readable paragraph */
    String toText() {
        StringBuilder failures = new StringBuilder();
        failedByStep.forEach((step, n) -> failures.append(failures.isEmpty() ? " (" : ", ").append(step).append(' ')
                .append(n));
        if (!failures.isEmpty()) {
            failures.append(')');
        }
        return "swarm summary: launched " + launched + ", connected " + connected + ", failed " + failed + failures
                 + ", lost " + lost + ", logged out " + loggedOut + (cancelled > 0 ? ", still connecting " + cancelled : "")
                + ", actions " + actions + " (" + actionFailures
                + " failed), " + String.format(java.util.Locale.ROOT, "%.1f", durationMs / 1000.0) + " s\n"
                + "connect ms: p50 " + connectMs.getValueAtPercentile(50) + ", p90 "
                + connectMs.getValueAtPercentile(90) + ", p99 " + connectMs.getValueAtPercentile(99) + ", max "
                + connectMs.getMaxValue();
    }

    /**
     * Reads a summary line back.
     *
     * @param json the parsed object
     * @return the summary
     * @throws IllegalArgumentException if it is not a summary, or a field is missing or malformed
     */
    static SwarmSummary fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map) || !"summary".equals(map.get("event"))) {
            throw new IllegalArgumentException("not a swarm summary (\"event\":\"summary\")");
        }
        SwarmSummary s = new SwarmSummary(decode(map.get("connect_ms_hdr")));
        s.launched = count(map, "launched");
        s.connected = count(map, "connected");
        s.failed = count(map, "failed");
        s.lost = count(map, "lost");
        s.loggedOut = optionalCount(map, "logged_out");
        s.cancelled = optionalCount(map, "cancelled");
        s.actions = optionalCount(map, "actions");
        s.actionFailures = optionalCount(map, "action_failures");
        s.durationMs = optionalCount(map, "duration_ms");
        s.shards = Math.max(1, optionalCount(map, "shards"));
        if (map.get("failed_by_step") instanceof Map<?, ?> steps) {
            for (Map.Entry<?, ?> e : steps.entrySet()) {
                if (e.getKey() instanceof String step && e.getValue() instanceof Long n && n >= 0) {
                    s.failedByStep.merge(step, n, Long::sum);
                } else {
                    throw new IllegalArgumentException("failed_by_step must map steps to counts");
                }
            }
        }
        return s;
    }

    /**
     * Merges the summaries of a fleet's shards: counts add up, latency histograms add up, the
     * duration is the longest.
     *
     * @param parts the shards' summaries, at least one
     * @return the fleet's summary
     */
    static SwarmSummary merge(List<SwarmSummary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        SwarmSummary total = empty();
        total.shards = 0;
        for (SwarmSummary p : parts) {
            total.launched += p.launched;
            total.connected += p.connected;
            total.failed += p.failed;
            total.lost += p.lost;
            total.loggedOut += p.loggedOut;
            total.cancelled += p.cancelled;
            total.actions += p.actions;
            total.actionFailures += p.actionFailures;
            total.durationMs = Math.max(total.durationMs, p.durationMs);
            total.shards += p.shards;
            p.failedByStep.forEach((step, n) -> total.failedByStep.merge(step, n, Long::sum));
            total.connectMs.add(p.connectMs);
        }
        return total;
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(Object encoded) {
        if (!(encoded instanceof String text) || text.length() > MAX_HISTOGRAM_CHARS) {
            throw new IllegalArgumentException("connect_ms_hdr must be a base64 HdrHistogram of at most "
                    + MAX_HISTOGRAM_CHARS + " characters");
        }
        try {
            Histogram decoded = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
            Histogram copy = newHistogram();
            copy.add(decoded);
            return copy;
        } catch (DataFormatException | RuntimeException e) {
            // HdrHistogram reports corrupt input with assorted runtime exceptions: one message for all
            throw new IllegalArgumentException("connect_ms_hdr is not a compressed HdrHistogram: " + e.getMessage());
        }
    }

    private static long count(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof Long n) || n < 0) {
            throw new IllegalArgumentException("summary field " + field + " must be a count");
        }
        return n;
    }

    private static long optionalCount(Map<?, ?> map, String field) {
        return map.containsKey(field) ? count(map, field) : 0;
    }
}
