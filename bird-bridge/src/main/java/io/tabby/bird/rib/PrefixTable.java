package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The RIB's map from a prefix (or a {@link PathKey}) to its entry, without an entry object per
 * key: keys and values sit in two parallel arrays (open addressing, linear probing, deletion by
 * backward shift so no tombstones pile up). A {@code java.util.HashMap} spends a 32-byte node per
 * entry on top of the table slot; with a million routes in three such maps that is ~100 MB of
 * extra heap and a million more objects for every GC to trace. Single-threaded, like the RIB.
 */
final class PrefixTable<V> {
    private static final int MIN_CAPACITY = 8;

    private Object[] keys;
    private Object[] values;
    private int size;

    PrefixTable() {
        this(0);
    }

    /** A table that holds {@code expected} entries without growing. */
    PrefixTable(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity * 3L < expected * 4L) {
            capacity *= 2;
        }
        keys = new Object[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    V get(Object key) {
        int i = find(requireNonNull(key, "key is null"));
        return i < 0 ? null : value(i);
    }

    /** Stores {@code value} under {@code key}, returning the value it replaces, or null. */
    V put(Object key, V value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != null) {
            if (keys[i].equals(key)) {
                V old = value(i);
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 4L > keys.length * 3L) {
            resize(keys.length * 2);
        }
        return null;
    }

    /** The value under {@code key}, or a new one from {@code create} stored there; one probe run either way. */
    V computeIfAbsent(Object key, Function<Object, V> create) {
        requireNonNull(key, "key is null");
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != null) {
            if (keys[i].equals(key)) {
                return value(i);
            }
            i = (i + 1) & mask;
        }
        V value = requireNonNull(create.apply(key), "created value is null");
        keys[i] = key;
        values[i] = value;
        if (++size * 4L > keys.length * 3L) {
            resize(keys.length * 2);
        }
        return value;
    }

    /** Removes {@code key}, returning its value, or null when it was absent. */
    V remove(Object key) {
        int i = find(requireNonNull(key, "key is null"));
        if (i < 0) {
            return null;
        }
        V old = value(i);
        int mask = keys.length - 1;
        // Backward shift: move later entries of the same probe run into the hole.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != null) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = null;
        values[hole] = null;
        size--;
        return old;
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }

    /** Visits every entry, in no particular order. Do not modify the table meanwhile. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Object, V> visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                visitor.accept(keys[i], (V) values[i]);
            }
        }
    }

    /** The keys, as a copy. */
    List<Object> keys() {
        List<Object> out = new ArrayList<>(size);
        forEach((key, value) -> out.add(key));
        return out;
    }

    /** The values, as a copy. */
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((key, value) -> out.add(value));
        return out;
    }

    private int find(Object key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != null) {
            if (keys[i].equals(key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    private void resize(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new Object[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != null) {
                int i = slot(oldKeys[k], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    /**
     * The home slot: the key's hash through a full 32-bit mixer (MurmurHash3's finaliser), because
     * prefix hashes differ mostly in a few middle bits (a /26's low six address bits are zero) and
     * linear probing turns every clustered home slot into a longer probe run.
     */
    static int slot(Object key, int mask) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }
}
