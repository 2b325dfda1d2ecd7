package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SwarmShardTest {

    @Property(tries = 300)
    void theShardsPartitionTheAccountsInOrderWithSizesWithinOne(@ForAll @IntRange(min = 0, max = 500) int total,
            @ForAll @IntRange(min = 1, max = 64) int shards) {
        List<Integer> all = IntStream.range(0, total).boxed().toList();
        List<Integer> joined = new ArrayList<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int k = 0; k < shards; k++) {
            List<Integer> slice = new SwarmShard(k, shards).slice(all);
            joined.addAll(slice);
            smallest = Math.min(smallest, slice.size());
            largest = Math.max(largest, slice.size());
        }
        assertThat(joined).isEqualTo(all);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
    }

    @Test
    void contiguousRanges() {
        List<Integer> ten = IntStream.rangeClosed(1, 10).boxed().toList();
        assertThat(new SwarmShard(0, 3).slice(ten)).containsExactly(1, 2, 3);
        assertThat(new SwarmShard(1, 3).slice(ten)).containsExactly(4, 5, 6);
        assertThat(new SwarmShard(2, 3).slice(ten)).containsExactly(7, 8, 9, 10);
        assertThat(SwarmShard.ALL.slice(ten)).isEqualTo(ten);
    }

    @Test
    void parsesExplicitAndAutoShards() {
        Map<String, String> env = Map.of(SwarmShard.JOB_COMPLETION_INDEX, "7");
        assertThat(SwarmShard.parse("2/5", env::get)).isEqualTo(new SwarmShard(2, 5));
        assertThat(SwarmShard.parse(" auto / 10 ", env::get)).isEqualTo(new SwarmShard(7, 10));
        assertThat(SwarmShard.parse("0/1", Map.<String, String>of()::get)).isEqualTo(SwarmShard.ALL);
        assertThat(new SwarmShard(3, 4)).hasToString("3/4");
    }

    @Test
    void refusesMalformedOrOutOfRangeShards() {
        Map<String, String> none = Map.of();
        for (String bad : List.of("5/5", "-1/3", "1/0", "1", "a/3", "1/2/3", "")) {
            assertThatThrownBy(() -> SwarmShard.parse(bad, none::get)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SwarmShard.parse("auto/4", none::get))
                .hasMessageContaining(SwarmShard.JOB_COMPLETION_INDEX);
        Map<String, String> tooHigh = Map.of(SwarmShard.JOB_COMPLETION_INDEX, "4");
        assertThatThrownBy(() -> SwarmShard.parse("auto/4", tooHigh::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountsFromAPatternAndFromAFile() {
        assertThat(SwarmAccount.fromPattern("Load Bot%d", 3, "pw")).extracting(SwarmAccount::index,
                SwarmAccount::name).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "Load Bot1"),
                        org.assertj.core.groups.Tuple.tuple(1, "Load Bot2"),
                        org.assertj.core.groups.Tuple.tuple(2, "Load Bot3"));
        assertThatThrownBy(() -> SwarmAccount.fromPattern("Load Bot", 2, "pw"))
                .hasMessageContaining("number the names");
        assertThatThrownBy(() -> SwarmAccount.fromPattern("LoadBot%d", 1, "pw")).hasMessageContaining("First Last");

        List<SwarmAccount> parsed = SwarmAccount.parse(List.of("# a comment", "", "  Ann Smith  s3cret pass ",
                "Bob Jones pw"), "accounts");
        assertThat(parsed).extracting(SwarmAccount::name).containsExactly("Ann Smith", "Bob Jones");
        assertThat(parsed.get(0).password()).isEqualTo("s3cret pass");
        assertThat(parsed.get(0).toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> SwarmAccount.parse(List.of("Ann Smith", "x"), "accounts"))
                .hasMessage("accounts line 1: expected \"First Last password\"");
    }
}
