package io.tabby.bench.bgp;

import io.tabby.bird.wire.Ipv4Prefix;

/**
 * A Calico-like IPv4 table of {@code count} distinct prefixes, lengths /26 to /32 in turn. Prefix
 * {@code i} sits at the start of its own /26 slot above {@code base}, so no two prefixes are equal
 * and none contains another; {@code attributeSet(i)} spreads them over a handful of attribute sets,
 * as a table of many nodes' blocks has one set per advertising node.
 */
public record PrefixPlan(int count, int base, int attributeSets) {
    /** Bits of one slot: a /26 holds 64 addresses. */
    private static final int SLOT_BITS = 6;

    public PrefixPlan {
        if (count < 1 || count > (1 << 24)) {
            throw new IllegalArgumentException("prefix count " + count + " must be in 1..16777216");
        }
        if (attributeSets < 1) {
            throw new IllegalArgumentException("attribute sets " + attributeSets + " must be at least 1");
        }
        long last = (base & 0xffffffffL) + ((long) count << SLOT_BITS) - 1;
        if ((base & ((1 << SLOT_BITS) - 1)) != 0 || last > 0xffffffffL) {
            throw new IllegalArgumentException("base " + Integer.toUnsignedString(base)
                    + " must be /26-aligned with room for " + count + " slots below 255.255.255.255");
        }
    }

    /** One million prefixes from 32.0.0.0 (32.0.0.0 to 35.255.255.255), four attribute sets. */
    public static PrefixPlan calicoLike(int count) {
        return new PrefixPlan(count, 32 << 24, 4);
    }

    public int address(int i) {
        return base + (check(i) << SLOT_BITS);
    }

    public int length(int i) {
        return 26 + check(i) % 7;
    }

    public int attributeSet(int i) {
        return check(i) % attributeSets;
    }

    public Ipv4Prefix prefix(int i) {
        return new Ipv4Prefix(address(i), length(i));
    }

    private int check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("prefix " + i + " of " + count);
        }
        return i;
    }
}
