package io.tabby.datastore.model;

/**
 * IPv4 or IPv6, with the spellings the keyspace uses for each: {@code v4}/{@code v6} in pool
 * and BGP peer keys, {@code ipv4}/{@code ipv6} in IPAM keys.
 */
public enum IpFamily {
    V4(4, 32),
    V6(6, 128);

    private final int version;
    private final int bits;

    IpFamily(int version, int bits) {
        this.version = version;
        this.bits = bits;
    }

    /** 4 or 6. */
    public int version() {
        return version;
    }

    /** Address width: 32 or 128. */
    public int bits() {
        return bits;
    }

    /** {@code v4} or {@code v6}, as in {@code /calico/v1/ipam/v4/pool} and {@code peer_v4}. */
    public String shortName() {
        return "v" + version;
    }

    /** {@code ipv4} or {@code ipv6}, as in {@code /calico/ipam/v2/assignment/ipv4/block}. */
    public String ipamName() {
        return "ipv" + version;
    }

    /** The family whose {@link #shortName()} is {@code name}, or {@code null}. */
    public static IpFamily fromShortName(String name) {
        for (IpFamily f : values()) {
            if (f.shortName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The family whose {@link #ipamName()} is {@code name}, or {@code null}. */
    public static IpFamily fromIpamName(String name) {
        for (IpFamily f : values()) {
            if (f.ipamName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "IPv" + version;
    }
}
