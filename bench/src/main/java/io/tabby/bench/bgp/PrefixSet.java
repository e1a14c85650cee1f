package io.tabby.bench.bgp;

/**
 * A set of IPv4 prefixes without an object per prefix: open addressing over a {@code long[]}
 * whose keys are {@code address << 8 | length}, so the counting receiver can hold a million
 * prefixes in 16 MB and never be the slow side of a run. Single-threaded.
 */
public final class PrefixSet {
    private static final long EMPTY = -1L;
    private static final long TOMBSTONE = -2L;

    private long[] slots;
    private int size;
    private int used;

    public PrefixSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        slots = newSlots(capacity);
    }

    public static long key(int address, int length) {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0..32");
        }
        return (address & 0xffffffffL) << 8 | length;
    }

    /** Adds a prefix; true when it was not there. */
    public boolean add(int address, int length) {
        long key = key(address, length);
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        int free = -1;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            if (slots[i] == TOMBSTONE && free < 0) {
                free = i;
            }
            i = (i + 1) & mask;
        }
        if (free >= 0) {
            slots[free] = key;
        } else {
            slots[i] = key;
            used++;
        }
        size++;
        if (used * 4L > slots.length * 3L) {
            rehash(size * 2L > slots.length ? slots.length * 2 : slots.length);
        }
        return true;
    }

    /** Removes a prefix; true when it was there. */
    public boolean remove(int address, int length) {
        long key = key(address, length);
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                slots[i] = TOMBSTONE;
                size--;
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public boolean contains(int address, int length) {
        long key = key(address, length);
        int mask = slots.length - 1;
        int i = spread(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = newSlots(capacity);
        used = size;
        int mask = capacity - 1;
        for (long key : old) {
            if (key >= 0) {
                int i = spread(key) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    private static long[] newSlots(int capacity) {
        long[] slots = new long[capacity];
        java.util.Arrays.fill(slots, EMPTY);
        return slots;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
