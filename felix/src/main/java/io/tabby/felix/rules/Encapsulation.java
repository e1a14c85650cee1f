package io.tabby.felix.rules;

/**
 * Which tunnels are on, for the filter table's tunnel guards: {@code cali-INPUT} accepts VXLAN
 * (UDP 4789) and IPIP (protocol 4) packets to this host only from cluster nodes (the
 * {@code all-vxlan-net} / {@code all-hosts-net} sets) and drops the rest; {@code cali-OUTPUT}
 * accepts them to those nodes before host endpoint policy. IPv4 only: the underlay is IPv4.
 *
 * @param vxlan some pool has VXLAN and this node has a tunnel endpoint
 * @param ipip some pool has IPIP
 */
public record Encapsulation(boolean vxlan, boolean ipip) {
    public static final Encapsulation NONE = new Encapsulation(false, false);
}
