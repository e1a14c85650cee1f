package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

/** Where node BGP status lives in etcd: {@code /calico/tabby/v1/host/<node>/bgp_status}. */
public final class BgpStatusKeys {

    /** Every node's status is under this prefix. */
    public static final String HOSTS_PREFIX = "/calico/tabby/v1/host/";
    public static final String LEAF = "/bgp_status";

    private BgpStatusKeys() {
    }

    public static String key(String node) {
        return HOSTS_PREFIX + checkNodeName(node) + LEAF;
    }

    static String checkNodeName(String node) {
        requireNonNull(node, "node is null");
        if (node.isBlank() || node.contains("/")) {
            throw new IllegalArgumentException("node name '" + node + "' cannot be part of a key: it must be"
                    + " non-empty and have no '/'");
        }
        return node;
    }
}
