package io.tabby.node.startup;

import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.ipam.AllocationAttributes;

/**
 * The two tunnel devices that need a node address from a pool: the Felix host-config key the
 * address goes to, the IPAM handle and allocation type calico/node uses, and which pools need it.
 */
enum TunnelKind {
    IPIP("IpInIpTunnelAddr", "ipip-tunnel-addr-", AllocationAttributes.IPIP_TUNNEL),
    VXLAN("IPv4VXLANTunnelAddr", "vxlan-tunnel-addr-", AllocationAttributes.VXLAN_TUNNEL);

    /** Felix's host-config key for the VXLAN device's MAC. */
    static final String VXLAN_MAC = "VXLANTunnelMACAddr";

    private final String configName;
    private final String handlePrefix;
    private final String allocationType;

    TunnelKind(String configName, String handlePrefix, String allocationType) {
        this.configName = configName;
        this.handlePrefix = handlePrefix;
        this.allocationType = allocationType;
    }

    String configName() {
        return configName;
    }

    String handle(String node) {
        return handlePrefix + node;
    }

    String allocationType() {
        return allocationType;
    }

    /** True when an enabled pool with this spec needs the tunnel. */
    boolean neededBy(IpPoolSpec pool) {
        String mode = switch (this) {
            case IPIP -> pool.ipipMode();
            case VXLAN -> pool.vxlanMode();
        };
        return !pool.disabled() && !mode.equals(IpPoolSpec.NEVER);
    }
}
