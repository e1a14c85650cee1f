package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The RIB's map from a prefix to its entry, without an entry object per key: mixed hashes, keys
 * and values sit in three parallel arrays (open addressing, linear probing, deletion by backward
 * shift so no tombstones pile up). A {@code java.util.HashMap} spends a 32-byte node per entry on
 * top of the table slot; with a million routes that is ~32 MB of extra heap and a million more
 * objects for every GC to trace. The stored hash (never 0, which marks a free slot) lets a probe
 * pass occupied slots, and a resize move every entry, without reading the key objects: with a
 * million prefixes scattered over the heap each such read is a cache miss. Single-threaded.
 */
final class PrefixTable<V> {
    private static final int MIN_CAPACITY = 8;

    /** Mixed hash of the key in each slot, with the top bit set; 0 for a free slot. */
    private int[] hashes;
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
        hashes = new int[capacity];
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
        requireNonNull(key, "key is null");
        int i = probe(key, hash(key));
        return i < 0 ? null : value(i);
    }

    /** Stores {@code value} under {@code key}, returning the value it replaces, or null. */
    V put(Object key, V value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        int hash = hash(key);
        int i = probe(key, hash);
        if (i >= 0) {
            V old = value(i);
            values[i] = value;
            return old;
        }
        insert(~i, hash, key, value);
        return null;
    }

    /** The value under {@code key}, or a new one from {@code create} stored there; one probe run either way. */
    V computeIfAbsent(Object key, Function<Object, V> create) {
        requireNonNull(key, "key is null");
        int hash = hash(key);
        int i = probe(key, hash);
        if (i >= 0) {
            return value(i);
        }
        V value = requireNonNull(create.apply(key), "created value is null");
        insert(~i, hash, key, value);
        return value;
    }

    /** Removes {@code key}, returning its value, or null when it was absent. */
    V remove(Object key) {
        requireNonNull(key, "key is null");
        int i = probe(key, hash(key));
        if (i < 0) {
            return null;
        }
        V old = value(i);
        int mask = keys.length - 1;
        // Backward shift: move later entries of the same probe run into the hole.
        int hole = i;
        int j = (i + 1) & mask;
        while (hashes[j] != 0) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                hashes[hole] = hashes[j];
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        hashes[hole] = 0;
        keys[hole] = null;
        values[hole] = null;
        size--;
        return old;
    }

    void clear() {
        Arrays.fill(hashes, 0);
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

    /** The slot holding {@code key}, or {@code ~slot} of the free slot where it would go. */
    private int probe(Object key, int hash) {
        int mask = hashes.length - 1;
        int i = hash & mask;
        int h;
        while ((h = hashes[i]) != 0) {
            if (h == hash && keys[i].equals(key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return ~i;
    }

    private void insert(int i, int hash, Object key, Object value) {
        hashes[i] = hash;
        keys[i] = key;
        values[i] = value;
        if (++size * 4L > hashes.length * 3L) {
            resize(hashes.length * 2);
        }
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        hashes = new int[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldHashes.length; k++) {
            int hash = oldHashes[k];
            if (hash != 0) {
                int i = hash & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = hash;
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    /** The key's hash as stored: {@link #slot}'s mixing with the top bit set, so never 0. */
    static int hash(Object key) {
        return slot(key, -1) | Integer.MIN_VALUE;
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
