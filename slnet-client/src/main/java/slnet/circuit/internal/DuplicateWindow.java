package slnet.circuit.internal;

/**
 * The sequence numbers of reliable packets received recently, to deliver each once. Pruned by the
 * {@code OldestUnacked} the peer reports (it never resends anything older, as the viewer reasons) and
 * bounded in size, dropping the oldest first. Not thread-safe.
 *
 * <p>Primitive and growable: an open-addressing set of ints (linear probing, backward-shift
 * deletion) beside a ring of arrival order, both starting small. A circuit whose peer prunes it holds
 * a few dozen numbers, so a fleet of idle bots pays bytes for this, not the kilobytes a boxed
 * {@code HashSet} sized for the worst case would cost.
 */
public final class DuplicateWindow {
    private static final int EMPTY = -1;
    private static final int INITIAL = 16;

    private final int capacity;
    private int[] table = filled(INITIAL);
    private int size;
    private int[] order = new int[INITIAL];
    private int head;
    private int count;

    /**
     * Creates an empty window.
     *
     * @param capacity the most sequence numbers remembered
     */
    public DuplicateWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    private static int[] filled(int length) {
        int[] array = new int[length];
        java.util.Arrays.fill(array, EMPTY);
        return array;
    }

    private static int slot(int sequence, int mask) {
        return (sequence * 0x9E3779B9 >>> 7) & mask;
    }

    /**
     * Tells whether a sequence number is remembered.
     *
     * @param sequence a sequence number (24 bits)
     * @return true if it is remembered
     */
    public boolean contains(int sequence) {
        int mask = table.length - 1;
        for (int i = slot(sequence, mask); ; i = (i + 1) & mask) {
            int at = table[i];
            if (at == EMPTY) {
                return false;
            }
            if (at == sequence) {
                return true;
            }
        }
    }

    /**
     * Remembers a sequence number.
     *
     * @param sequence the number (24 bits)
     */
    public void add(int sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers are 24 bits: " + sequence);
        }
        if (contains(sequence)) {
            return;
        }
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        insert(sequence);
        if (count == order.length) {
            int[] grown = new int[order.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = order[(head + i) % order.length];
            }
            order = grown;
            head = 0;
        }
        order[(head + count) % order.length] = sequence;
        count++;
        if (count > capacity) {
            int oldest = order[head];
            head = (head + 1) % order.length;
            count--;
            remove(oldest);
        }
    }

    private void insert(int sequence) {
        int mask = table.length - 1;
        int i = slot(sequence, mask);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = sequence;
        size++;
    }

    private void remove(int sequence) {
        int mask = table.length - 1;
        int i = slot(sequence, mask);
        while (table[i] != sequence) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: pull later members of the probe run into the hole.
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
        size--;
    }

    private void rehash(int length) {
        int[] old = table;
        table = filled(length);
        size = 0;
        for (int sequence : old) {
            if (sequence != EMPTY) {
                insert(sequence);
            }
        }
    }

    /**
     * Forgets every number before {@code oldestUnacked}, compared in the 24-bit sequence space with
     * wrap-around: the peer will not resend those.
     *
     * @param oldestUnacked the oldest sequence number the peer still waits an ack for
     */
    public void pruneBefore(int oldestUnacked) {
        int kept = 0;
        int[] survivors = new int[Math.max(INITIAL, count)];
        for (int i = 0; i < count; i++) {
            int sequence = order[(head + i) % order.length];
            if (((sequence - oldestUnacked) << 8) >= 0) {
                survivors[kept++] = sequence;
            }
        }
        if (kept == count) {
            return;
        }
        int length = INITIAL;
        while (length < kept) {
            length *= 2;
        }
        order = kept <= INITIAL ? new int[INITIAL] : java.util.Arrays.copyOf(survivors, length);
        if (kept <= INITIAL) {
            System.arraycopy(survivors, 0, order, 0, kept);
        }
        head = 0;
        count = kept;
        int tableLength = INITIAL;
        while (tableLength < kept * 2 + 2) {
            tableLength *= 2;
        }
        table = filled(tableLength);
        size = 0;
        for (int i = 0; i < kept; i++) {
            insert(order[i]);
        }
    }

    /**
     * Returns how many numbers are remembered.
     *
     * @return how many numbers are remembered
     */
    public int size() {
        return size;
    }
}
