package io.tabby.bird.wire;

/** An IPv4 prefix; {@code address} holds the 32 address bits, host bits zero. */
public record Ipv4Prefix(int address, int length) implements Prefix {
    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " is outside 0..32");
        }
        if ((address & ~mask(length)) != 0) {
            throw new IllegalArgumentException("IPv4 prefix " + dotted(address) + "/" + length + " has host bits set");
        }
    }

    /** Parses {@code a.b.c.d/len}. */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("IPv4 prefix '" + text + "' has no /length");
        }
        String[] octets = text.substring(0, slash).split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("IPv4 prefix '" + text + "' does not have four octets");
        }
        int address = 0;
        for (String octet : octets) {
            int value = Integer.parseInt(octet);
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("IPv4 prefix '" + text + "' has an octet outside 0..255");
            }
            address = address << 8 | value;
        }
        return new Ipv4Prefix(address, Integer.parseInt(text.substring(slash + 1)));
    }

    /** The netmask of a prefix length, as 32 bits. */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    @Override
    public Afi afi() {
        return Afi.IPV4;
    }

    static String dotted(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    // Written out rather than left to the record's generated methods: prefixes are the RIB's
    // hash keys, probed millions of times per table load.
    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv4Prefix that && address == that.address && length == that.length;
    }

    @Override
    public int hashCode() {
        return address * 31 + length;
    }

    @Override
    public String toString() {
        return dotted(address) + "/" + length;
    }
}
