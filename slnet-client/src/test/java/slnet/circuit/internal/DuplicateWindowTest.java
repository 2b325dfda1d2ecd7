package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DuplicateWindowTest {
    @Test
    void remembersUntilPrunedByOldestUnacked() {
        DuplicateWindow window = new DuplicateWindow(1000);
        for (int i = 1; i <= 10; i++) {
            window.add(i);
        }
        window.add(5);
        assertThat(window.size()).isEqualTo(10);
        window.pruneBefore(6);
        assertThat(window.contains(5)).isFalse();
        assertThat(window.contains(6)).isTrue();
        assertThat(window.size()).isEqualTo(5);
    }

    @Test
    void prunesAcrossThe24BitWrap() {
        DuplicateWindow window = new DuplicateWindow(1000);
        window.add(0xFFFFFE);
        window.add(0xFFFFFF);
        window.add(0);
        window.add(1);
        window.pruneBefore(0);
        assertThat(window.contains(0xFFFFFE)).isFalse();
        assertThat(window.contains(0xFFFFFF)).isFalse();
        assertThat(window.contains(0)).isTrue();
        assertThat(window.contains(1)).isTrue();
    }

    @Property(tries = 50)
    void neverHoldsMoreThanItsCapacity(@ForAll @IntRange(min = 256, max = 600) int capacity,
                                       @ForAll @IntRange(min = 0, max = 2000) int count) {
        DuplicateWindow window = new DuplicateWindow(capacity);
        for (int i = 0; i < count; i++) {
            window.add(i * 7);
        }
        assertThat(window.size()).isEqualTo(Math.min(capacity, count));
        if (count > 0) {
            assertThat(window.contains((count - 1) * 7)).isTrue();
        }
    }

    /** One step of a random history: add a number, or prune before one. */
    record Step(boolean prune, int value) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        // Small values collide and get re-added; the extremes probe the free-slot marker and the wrap.
        Arbitrary<Integer> values = Arbitraries.oneOf(Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0xFFFF00, 0x1000100), Arbitraries.of(Integer.MIN_VALUE,
                        Integer.MAX_VALUE, -1, 0));
        Arbitrary<Step> steps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, values.map(v -> new Step(false, v))),
                net.jqwik.api.Tuple.of(1, values.map(v -> new Step(true, v))));
        return steps.list().ofMaxSize(3000);
    }

    /** The boxed implementation this one replaced, as the model. */
    @Property(tries = 200)
    void behavesLikeABoxedSetWithArrivalOrder(@ForAll("histories") List<Step> history,
                                              @ForAll @IntRange(min = 256, max = 700) int capacity) {
        DuplicateWindow window = new DuplicateWindow(capacity);
        HashSet<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> order = new ArrayDeque<>();
        for (Step step : history) {
            if (step.prune()) {
                int oldest = step.value();
                window.pruneBefore(oldest);
                seen.removeIf(s -> ((s - oldest) << 8) < 0);
                order.removeIf(s -> !seen.contains(s));
            } else {
                window.add(step.value());
                if (seen.add(step.value())) {
                    order.addLast(step.value());
                    if (order.size() > capacity) {
                        seen.remove(order.removeFirst());
                    }
                }
            }
            assertThat(window.size()).isEqualTo(seen.size());
        }
        for (Integer s : seen) {
            assertThat(window.contains(s)).isTrue();
        }
        for (Step step : history) {
            assertThat(window.contains(step.value())).isEqualTo(seen.contains(step.value()));
        }
    }
}
