package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/**
 * The v3 {@code IPPool} spec. After parsing, defaults are filled in as Calico fills them on
 * create: {@code blockSize} 26 (IPv4) or 122 (IPv6), modes {@code Never}, {@code nodeSelector}
 * {@code all()}.
 *
 * @param cidr the pool network, e.g. {@code 192.168.0.0/16}
 * @param blockSize prefix length of the blocks IPAM hands to nodes; 0 only before defaulting
 * @param ipipMode {@link #ALWAYS}, {@link #CROSS_SUBNET} or {@link #NEVER}
 * @param vxlanMode same values as {@code ipipMode}
 * @param natOutgoing masquerade traffic leaving the pool
 * @param disabled IPAM assigns nothing from a disabled pool
 * @param nodeSelector which nodes may take blocks from the pool
 * @param disableBGPExport do not advertise the pool's routes to BGP peers
 */
public record IpPoolSpec(
        String cidr,
        int blockSize,
        String ipipMode,
        String vxlanMode,
        boolean natOutgoing,
        boolean disabled,
        String nodeSelector,
        boolean disableBGPExport) {

    public static final String ALWAYS = "Always";
    public static final String CROSS_SUBNET = "CrossSubnet";
    public static final String NEVER = "Never";
    public static final String ALL_NODES = "all()";

    public IpPoolSpec {
        requireNonNull(cidr, "cidr is null");
        requireNonNull(ipipMode, "ipipMode is null");
        requireNonNull(vxlanMode, "vxlanMode is null");
        requireNonNull(nodeSelector, "nodeSelector is null");
    }

    /** A pool with every default: no encapsulation, no NAT, enabled, all nodes. */
    public static IpPoolSpec of(String cidr, int blockSize) {
        return new IpPoolSpec(cidr, blockSize, NEVER, NEVER, false, false, ALL_NODES, false);
    }
}
