package slnet.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void growsToItsCapWithJitterInTheUpperHalfAndResets() {
        ExponentialBackoff b = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, new SplittableRandom(7));
        long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000, 2000};
        for (long ceiling : ceilings) {
            assertThat(b.nextCeiling()).isEqualTo(Duration.ofMillis(ceiling));
            Duration d = b.nextDelay();
            assertThat(d).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
        }
        b.reset();
        assertThat(b.nextCeiling()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void jitterSpreadsDelays() {
        ExponentialBackoff b = new ExponentialBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, new SplittableRandom(1));
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> b.nextDelay()).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1), 2, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
