package io.tabby.felix.rules;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A chain's rule hashes packed into one byte array, 16 characters each, read as an immutable
 * {@code List<String>}; a rule without a felix hash (one that {@code iptables-save} shows without a
 * {@code cali:} comment) reads as null. 10,000 endpoints' chains hold ~200,000 rules, and felix
 * keeps each table's hashes twice (what it wants, what the kernel has): as one String each that was
 * ~30 MB of heap, packed it is ~7 MB. Two lists compare by their bytes, without making Strings.
 */
public final class RuleHashList extends AbstractList<String> implements RandomAccess {
    private static final int LENGTH = RuleHashes.LENGTH;
    /** Stands for a rule without a hash; hash characters are base64url, never NUL. */
    private static final byte NONE = 0;

    private final byte[] packed;

    private RuleHashList(byte[] packed) {
        this.packed = packed;
    }

    @Override
    public String get(int index) {
        int at = index * LENGTH;
        if (index < 0 || at >= packed.length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size() + " rule hashes");
        }
        return packed[at] == NONE ? null : new String(packed, at, LENGTH, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
        return packed.length / LENGTH;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof RuleHashList list) {
            return Arrays.equals(packed, list.packed);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // the List contract: equal to any other List with the same hashes
    }

    /** Collects hashes in order. */
    public static final class Builder {
        private byte[] packed;
        private int length;

        public Builder(int expectedRules) {
            packed = new byte[Math.max(expectedRules, 1) * LENGTH];
        }

        /**
         * @param hash a felix rule hash ({@value RuleHashes#LENGTH} base64url characters), or null for
         *     a rule without one
         */
        public Builder add(String hash) {
            if (length + LENGTH > packed.length) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            if (hash != null) {
                if (hash.length() != LENGTH || !hash.chars().allMatch(Builder::isBase64Url)) {
                    throw new IllegalArgumentException("'" + hash + "' is not a felix rule hash (" + LENGTH
                            + " base64url characters)");
                }
                hash.getBytes(0, LENGTH, packed, length); // ASCII: the deprecated byte copy is exact
            }
            length += LENGTH;
            return this;
        }

        public RuleHashList build() {
            return new RuleHashList(Arrays.copyOf(packed, length));
        }

        private static boolean isBase64Url(int c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
        }
    }
}
