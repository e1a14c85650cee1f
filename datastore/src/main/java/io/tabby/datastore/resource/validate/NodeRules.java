package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.OrchRef;

/** Node rules: address families, MAC syntax, a non-empty {@code bgp}. */
final class NodeRules {
    private NodeRules() {
    }

    static void check(NodeSpec spec, Violations violations) {
        spec.bgp().ifPresent(bgp -> checkBgp(bgp, violations));
        if (!spec.ipv4VXLANTunnelAddr().isEmpty()) {
            AddressRules.address("spec.ipv4VXLANTunnelAddr", spec.ipv4VXLANTunnelAddr(), 4, violations);
        }
        if (!spec.vxlanTunnelMACAddr().isEmpty()) {
            AddressRules.mac("spec.vxlanTunnelMACAddr", spec.vxlanTunnelMACAddr(), violations);
        }
        for (int i = 0; i < spec.orchRefs().size(); i++) {
            OrchRef ref = spec.orchRefs().get(i);
            if (ref.orchestrator().isEmpty()) {
                violations.add("spec.orchRefs[" + i + "].orchestrator", "missing (e.g. k8s)");
            }
        }
    }

    private static void checkBgp(NodeBgpSpec bgp, Violations violations) {
        if (bgp.isEmpty()) {
            violations.add("spec.bgp", "is empty (set at least ipv4Address or ipv6Address, or leave bgp out)");
            return;
        }
        AsNumberRules.check("spec.bgp.asNumber", bgp.asNumber(), violations);
        if (!bgp.ipv4Address().isEmpty()) {
            AddressRules.addressWithPrefix("spec.bgp.ipv4Address", bgp.ipv4Address(), 4, violations);
        }
        if (!bgp.ipv6Address().isEmpty()) {
            AddressRules.addressWithPrefix("spec.bgp.ipv6Address", bgp.ipv6Address(), 6, violations);
        }
        if (!bgp.ipv4IPIPTunnelAddr().isEmpty()) {
            AddressRules.address("spec.bgp.ipv4IPIPTunnelAddr", bgp.ipv4IPIPTunnelAddr(), 4, violations);
        }
        if (!bgp.routeReflectorClusterID().isEmpty()) {
            AddressRules.address("spec.bgp.routeReflectorClusterID", bgp.routeReflectorClusterID(), 4, violations);
        }
    }
}
