package io.tabby.felix.api;

/** How felix routes an IPAM block (see {@link DataplaneMessage.RouteUpdate}). */
public enum RouteKind {
    /** Another node's block in a VXLAN pool: {@code via <its tunnel ip> dev vxlan.calico onlink}. */
    VXLAN,
    /** Another node's block in an IPIP pool: {@code via <its node ip> dev tunl0 onlink}. */
    IPIP,
    /**
     * Another node's block in a CrossSubnet pool when that node is on this node's subnet
     * ({@code network_v4}): {@code via <its node ip>} on the interface of that subnet, unencapsulated.
     */
    DIRECT,
    /**
     * One of this node's own blocks in a VXLAN pool: {@code blackhole <block>}, so that traffic to an
     * unused address of the block is dropped here instead of following the default route (with
     * BIRD, its static protocol adds these; VXLAN has no BIRD routes).
     */
    BLACKHOLE
}
