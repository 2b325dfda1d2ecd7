package slnet.circuit.internal;

import java.util.Arrays;

/**
 * The sequence numbers of reliable packets received recently, to deliver each once. Pruned by the
 * {@code OldestUnacked} the peer reports (it never resends anything older, as the viewer reasons) and
 * bounded in size, dropping the oldest first. Not thread-safe.
 *
 * <p>Primitive storage: every reliable packet passes through here on the receive thread, and boxed
 * sets cost two {@code Integer}s and a node per packet. An open-addressing int set (linear probing,
 * backward-shift deletion) answers membership; a ring of ints keeps arrival order for eviction. Both
 * start small and grow up to the capacity.
 */
public final class DuplicateWindow {
    /** Marks a free slot; the key with this value, which a peer may send, lives in a flag instead. */
    private static final int FREE = Integer.MIN_VALUE;
    private static final int INITIAL = 1024;

    private final int capacity;
    private int[] table;
    private int mask;
    private int tableSize;
    private boolean holdsFree;
    private int[] order;
    private int head;
    private int count;

    /**
     * Creates an empty window.
     *
     * @param capacity the most sequence numbers remembered
     */
    public DuplicateWindow(int capacity) {
        this.capacity = capacity;
        int initial = Math.max(1, Math.min(capacity, INITIAL));
        order = new int[initial];
        table = freeTable(Integer.highestOneBit(initial) * 4);
        mask = table.length - 1;
    }

    /**
     * Tells whether a sequence number is remembered.
     *
     * @param sequence a sequence number
     * @return true if it is remembered
     */
    public boolean contains(int sequence) {
        return sequence == FREE ? holdsFree : slotOf(sequence) >= 0;
    }

    /**
     * Remembers a sequence number.
     *
     * @param sequence the number
     */
    public void add(int sequence) {
        if (contains(sequence)) {
            return;
        }
        if (count == capacity) {
            remove(order[head]);
            head = next(head);
            count--;
        }
        insert(sequence);
        if (count == order.length) {
            growOrder();
        }
        order[(head + count) % order.length] = sequence;
        count++;
    }

    /**
     * Forgets every number before {@code oldestUnacked}, compared in the 24-bit sequence space with
     * wrap-around: the peer will not resend those.
     *
     * @param oldestUnacked the oldest sequence number the peer still waits an ack for
     */
    public void pruneBefore(int oldestUnacked) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int sequence = order[(head + i) % order.length];
            if (((sequence - oldestUnacked) << 8) < 0) {
                remove(sequence);
            } else {
                order[(head + kept) % order.length] = sequence;
                kept++;
            }
        }
        count = kept;
    }

    /** @return how many numbers are remembered */
    public int size() {
        return count;
    }

    private int next(int index) {
        return index + 1 == order.length ? 0 : index + 1;
    }

    private void growOrder() {
        int[] grown = new int[(int) Math.min(capacity, 2L * order.length)];
        for (int i = 0; i < count; i++) {
            grown[i] = order[(head + i) % order.length];
        }
        order = grown;
        head = 0;
    }

    private static int[] freeTable(int size) {
        int[] t = new int[size];
        Arrays.fill(t, FREE);
        return t;
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int slotOf(int key) {
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int k = table[i];
            if (k == key) {
                return i;
            }
            if (k == FREE) {
                return -1;
            }
        }
    }

    /** Adds a key known to be absent. */
    private void insert(int key) {
        if (key == FREE) {
            holdsFree = true;
            return;
        }
        if (2 * (tableSize + 1) > table.length) {
            rehash(table.length * 2);
        }
        int i = hash(key) & mask;
        while (table[i] != FREE) {
            i = (i + 1) & mask;
        }
        table[i] = key;
        tableSize++;
    }

    private void rehash(int size) {
        int[] old = table;
        table = freeTable(size);
        mask = size - 1;
        for (int key : old) {
            if (key != FREE) {
                int i = hash(key) & mask;
                while (table[i] != FREE) {
                    i = (i + 1) & mask;
                }
                table[i] = key;
            }
        }
    }

    private void remove(int key) {
        if (key == FREE) {
            holdsFree = false;
            return;
        }
        int gap = slotOf(key);
        if (gap < 0) {
            return;
        }
        // Backward shift: pull later keys of the probe run into the gap unless their home slot lies
        // cyclically after the gap, so that no lookup ever stops early at a hole.
        for (int j = (gap + 1) & mask; table[j] != FREE; j = (j + 1) & mask) {
            int home = hash(table[j]) & mask;
            boolean staysPut = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!staysPut) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = FREE;
        tableSize--;
    }
}
