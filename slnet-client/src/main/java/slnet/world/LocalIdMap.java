package slnet.world;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Objects by local id: an open-addressing hash map from int to value with linear probing and
 * backward-shift deletion, so the terse-update path looks objects up without boxing. Not
 * thread-safe.
 *
 * @param <V> the value type
 */
final class LocalIdMap<V> {
    private int[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LocalIdMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int i = hash(key) & mask;
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    @SuppressWarnings("unchecked")
    V put(int key, V value) {
        int i = hash(key) & mask;
        while (values[i] != null) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    V remove(int key) {
        int i = hash(key) & mask;
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        V old = (V) values[i];
        // Backward-shift: pull later entries of the probe run into the gap.
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                break;
            }
            int home = hash(keys[j]) & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = null;
        size--;
        return old;
    }

    @SuppressWarnings("unchecked")
    void forEach(Consumer<V> action) {
        for (Object v : values) {
            if (v != null) {
                action.accept((V) v);
            }
        }
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
