package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The RIB's map from a prefix to its entry, where each entry knows its own key (a Loc-RIB entry
 * holds its prefix): only the entries and their mixed hashes are stored, in two parallel arrays
 * (open addressing, linear probing, deletion by backward shift so no tombstones pile up). A
 * {@code java.util.HashMap} would spend a 32-byte node per entry and a key slot on top; with a
 * million prefixes that is ~40 MB of extra heap and a million more objects for every GC to trace.
 * The stored hash (never 0, which marks a free slot) lets a probe pass occupied slots, and a
 * resize move every entry, without reading the entries: with a million of them scattered over the
 * heap each such read is a cache miss. Single-threaded, like the RIB.
 */
final class PrefixTable<V> {
    private static final int MIN_CAPACITY = 8;

    private final Function<? super V, ?> keyOf;
    /** Mixed hash of the key in each slot, with the top bit set; 0 for a free slot. */
    private int[] hashes;
    private Object[] values;
    private int size;

    /** An empty table whose values name their key through {@code keyOf}. */
    PrefixTable(Function<? super V, ?> keyOf) {
        this.keyOf = requireNonNull(keyOf, "keyOf is null");
        hashes = new int[MIN_CAPACITY];
        values = new Object[MIN_CAPACITY];
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

    /** Stores {@code value} under its key, returning the value it replaces, or null. */
    V put(V value) {
        requireNonNull(value, "value is null");
        Object key = requireNonNull(keyOf.apply(value), "key of the value is null");
        int hash = hash(key);
        int i = probe(key, hash);
        if (i >= 0) {
            V old = value(i);
            values[i] = value;
            return old;
        }
        insert(~i, hash, value);
        return null;
    }

    /**
     * The value under {@code key}, or a new one from {@code create} (whose key must be {@code key})
     * stored there; one probe run either way.
     */
    V computeIfAbsent(Object key, Function<Object, V> create) {
        requireNonNull(key, "key is null");
        int hash = hash(key);
        int i = probe(key, hash);
        if (i >= 0) {
            return value(i);
        }
        V value = requireNonNull(create.apply(key), "created value is null");
        insert(~i, hash, value);
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
        int mask = hashes.length - 1;
        // Backward shift: move later entries of the same probe run into the hole.
        int hole = i;
        int j = (i + 1) & mask;
        while (hashes[j] != 0) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                hashes[hole] = hashes[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        hashes[hole] = 0;
        values[hole] = null;
        size--;
        return old;
    }

    /** Visits every value, in no particular order. Do not add or remove entries meanwhile. */
    void forEach(Consumer<? super V> visitor) {
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != 0) {
                visitor.accept(value(i));
            }
        }
    }

    /** The values, as a copy. */
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach(out::add);
        return out;
    }

    /** The slot holding {@code key}, or {@code ~slot} of the free slot where it would go. */
    private int probe(Object key, int hash) {
        int mask = hashes.length - 1;
        int i = hash & mask;
        int h;
        while ((h = hashes[i]) != 0) {
            if (h == hash && keyOf.apply(value(i)).equals(key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return ~i;
    }

    private void insert(int i, int hash, V value) {
        hashes[i] = hash;
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
        Object[] oldValues = values;
        hashes = new int[capacity];
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
