package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The primitive window behaves exactly like a boxed set with an arrival-order queue. */
class DuplicateWindowPropertiesTest {

    /** A reference: what the window must remember. */
    private static final class Model {
        final int capacity;
        final Set<Integer> seen = new HashSet<>();
        final ArrayDeque<Integer> order = new ArrayDeque<>();

        Model(int capacity) {
            this.capacity = capacity;
        }

        void add(int sequence) {
            if (seen.add(sequence)) {
                order.addLast(sequence);
                if (order.size() > capacity) {
                    seen.remove(order.removeFirst());
                }
            }
        }

        void pruneBefore(int oldest) {
            seen.removeIf(s -> ((s - oldest) << 8) < 0);
            order.removeIf(s -> !seen.contains(s));
        }
    }

    @Property(tries = 300)
    void matchesTheReference(@ForAll @IntRange(min = 1, max = 300) int capacity,
                             @ForAll @Size(max = 2000) List<@IntRange(min = 0, max = 600) Integer> operations,
                             @ForAll @IntRange(min = 0, max = 0xFFFFFF - 700) int base) {
        DuplicateWindow window = new DuplicateWindow(capacity);
        Model model = new Model(capacity);
        for (int op : operations) {
            if (op >= 590) {
                int oldest = base + (op - 590) * 40;
                window.pruneBefore(oldest);
                model.pruneBefore(oldest);
            } else {
                window.add(base + op);
                model.add(base + op);
            }
            assertThat(window.size()).isEqualTo(model.seen.size());
        }
        for (int s = base; s < base + 600; s++) {
            assertThat(window.contains(s)).as("sequence %d", s).isEqualTo(model.seen.contains(s));
        }
    }

    @Property(tries = 50)
    void wrapsAroundTheSequenceSpace(@ForAll @IntRange(min = 1, max = 100) int span) {
        DuplicateWindow window = new DuplicateWindow(1000);
        for (int i = 0; i < span; i++) {
            window.add((0xFFFFFF - span / 2 + i) & 0xFFFFFF);
        }
        window.pruneBefore(0); // after the wrap: everything before 0, i.e. the numbers near 0xFFFFFF, goes
        for (int i = 0; i < span; i++) {
            int s = (0xFFFFFF - span / 2 + i) & 0xFFFFFF;
            assertThat(window.contains(s)).isEqualTo(s < 0xFFFFFF / 2);
        }
    }
}
