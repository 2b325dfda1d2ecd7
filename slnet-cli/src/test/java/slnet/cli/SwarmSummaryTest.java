package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slnet.cli.json.Json;

class SwarmSummaryTest {

    private static SwarmSummary shard(long seed, int bots, long failed, long spread) {
        Random random = new Random(seed);
        SwarmSummary s = SwarmSummary.empty();
        s.launched = bots;
        s.connected = bots - failed;
        s.failed = failed;
        s.loggedOut = bots - failed;
        s.durationMs = 1000 + seed;
        if (failed > 0) {
            s.failedByStep.put("login", failed);
        }
        for (int i = 0; i < s.connected; i++) {
            s.connectMs.recordValue(1 + (long) (random.nextDouble() * spread));
        }
        return s;
    }

    @Test
    void mergedPercentilesAreThoseOfAllBotsTogether() {
        // Two very different shards: averaging their percentiles would be far off.
        SwarmSummary fast = shard(1, 900, 0, 100);
        SwarmSummary slow = shard(2, 100, 3, 10_000);
        Histogram all = SwarmSummary.newHistogram();
        all.add(fast.connectMs);
        all.add(slow.connectMs);

        SwarmSummary merged = SwarmSummary.merge(List.of(
                SwarmSummary.fromJson(roundTrip(fast)), SwarmSummary.fromJson(roundTrip(slow))));

        assertThat(merged.launched).isEqualTo(1000);
        assertThat(merged.connected).isEqualTo(997);
        assertThat(merged.failed).isEqualTo(3);
        assertThat(merged.failedByStep).containsExactly(Map.entry("login", 3L));
        assertThat(merged.shards).isEqualTo(2);
        assertThat(merged.durationMs).isEqualTo(1002);
        Map<String, Object> json = merged.toJson();
        assertThat(json).containsEntry("connect_ms_p50", all.getValueAtPercentile(50))
                .containsEntry("connect_ms_p90", all.getValueAtPercentile(90))
                .containsEntry("connect_ms_p99", all.getValueAtPercentile(99))
                .containsEntry("connect_ms_max", all.getMaxValue());
        assertThat(merged.connectMs.getTotalCount()).isEqualTo(997);
        // a merge of merges is a merge
        SwarmSummary again = SwarmSummary.merge(List.of(SwarmSummary.fromJson(roundTrip(merged)),
                SwarmSummary.fromJson(roundTrip(shard(3, 10, 0, 50)))));
        assertThat(again.shards).isEqualTo(3);
        assertThat(again.launched).isEqualTo(1010);
    }

    private static Object roundTrip(SwarmSummary s) {
        try {
            return Json.parse(Json.write(s.toJson()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesWhatIsNotASummary() {
        assertThatThrownBy(() -> SwarmSummary.fromJson(Map.of("event", "progress")))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> noHistogram = new java.util.HashMap<>(SwarmSummary.empty().toJson());
        noHistogram.put("connect_ms_hdr", "not base64 at all!");
        assertThatThrownBy(() -> SwarmSummary.fromJson(noHistogram)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> negative = new java.util.HashMap<>(SwarmSummary.empty().toJson());
        negative.put("lost", -1L);
        assertThatThrownBy(() -> SwarmSummary.fromJson(negative)).hasMessageContaining("lost");
    }

    @Test
    void mergeCommandReadsTheLastSummaryOfEachFile(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("shard-0.jsonl");
        Path b = dir.resolve("shard-1.jsonl");
        Files.writeString(a, "{\"event\":\"progress\",\"t_ms\":1}\n" + Json.write(shard(4, 50, 0, 200).toJson()) + "\n");
        Files.writeString(b, Json.write(shard(5, 50, 2, 200).toJson()) + "\n");

        CliRun json = CliRun.run("swarm", "merge", "--json", "--max-failures", "2", a.toString(), b.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) Json.parse(json.out().strip());
        assertThat(merged).containsEntry("event", "summary").containsEntry("launched", 100L)
                .containsEntry("failed", 2L).containsEntry("shards", 2L);

        CliRun strict = CliRun.run("swarm", "merge", a.toString(), b.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("launched 100", "failed 2 (login 2)", "connect ms: p50");

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "{\"event\":\"progress\"}\n");
        assertThat(CliRun.run("swarm", "merge", a.toString(), empty.toString()).exitCode()).isEqualTo(2);
    }
}
