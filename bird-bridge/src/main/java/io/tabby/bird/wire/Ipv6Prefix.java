package io.tabby.bird.wire;

/** An IPv6 prefix; {@code high} and {@code low} hold the 128 address bits, host bits zero. */
public record Ipv6Prefix(long high, long low, int length) implements Prefix {
    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + length + " is outside 0..128");
        }
        if ((high & ~highMask(length)) != 0 || (low & ~lowMask(length)) != 0) {
            throw new IllegalArgumentException("IPv6 prefix of length " + length + " has host bits set");
        }
    }

    /** The upper 64 bits of the netmask of a prefix length. */
    public static long highMask(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    /** The lower 64 bits of the netmask of a prefix length. */
    public static long lowMask(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }

    @Override
    public Afi afi() {
        return Afi.IPV6;
    }

    // Written out rather than left to the record's generated methods: prefixes are the RIB's
    // hash keys, probed millions of times per table load.
    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv6Prefix that && high == that.high && low == that.low && length == that.length;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(high) * 31 + Long.hashCode(low)) * 31 + length;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            long word = group < 4 ? high : low;
            int shift = 48 - 16 * (group % 4);
            if (group > 0) {
                text.append(':');
            }
            text.append(Long.toHexString(word >>> shift & 0xffff));
        }
        return text.append('/').append(length).toString();
    }
}
