package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
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
}
