package io.tabby.datastore.path;

/** The plain-string leaves under {@code /calico/bgp/v1/host/<node>/}. */
public enum NodeBgpField {
    /** The node's IPv4 address, always present (empty when none). */
    IP_ADDR_V4("ip_addr_v4"),
    /** The node's IPv6 address, always present (may be empty). */
    IP_ADDR_V6("ip_addr_v6"),
    /** The node's IPv4 subnet, e.g. {@code 10.0.2.0/24} (for IPIP cross-subnet). */
    NETWORK_V4("network_v4"),
    /** The node's IPv6 subnet. */
    NETWORK_V6("network_v6"),
    /** The node's AS number; absent means the global one. */
    AS_NUM("as_num"),
    /** The node's BIRD log level. */
    LOGLEVEL("loglevel"),
    /** The route-reflector cluster id; empty means not a reflector. */
    RR_CLUSTER_ID("rr_cluster_id");

    private final String segment;

    NodeBgpField(String segment) {
        this.segment = segment;
    }

    /** The key segment, e.g. {@code ip_addr_v4}. */
    public String segment() {
        return segment;
    }

    /** The field whose segment is {@code segment}, or null. */
    public static NodeBgpField fromSegment(String segment) {
        for (NodeBgpField f : values()) {
            if (f.segment.equals(segment)) {
                return f;
            }
        }
        return null;
    }
}
