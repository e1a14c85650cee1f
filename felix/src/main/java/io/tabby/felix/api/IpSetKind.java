package io.tabby.felix.api;

/** The ipset type of a set felix programs. */
public enum IpSetKind {
    /** {@code hash:ip}: single addresses (endpoint IPs of a selector). */
    HASH_IP("hash:ip"),
    /** {@code hash:net}: networks (IP pools). */
    HASH_NET("hash:net");

    private final String ipsetType;

    IpSetKind(String ipsetType) {
        this.ipsetType = ipsetType;
    }

    /** The type as {@code ipset create} takes it. */
    public String ipsetType() {
        return ipsetType;
    }
}
