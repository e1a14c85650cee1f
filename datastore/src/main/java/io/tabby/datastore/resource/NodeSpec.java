package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The v3 {@code Node} spec.
 *
 * @param bgp BGP settings; empty for a policy-only node
 * @param ipv4VXLANTunnelAddr address of the node's VXLAN device, empty if none
 * @param vxlanTunnelMACAddr MAC of the node's VXLAN device, empty if none
 * @param orchRefs the node's names in orchestrators
 */
public record NodeSpec(
        Optional<NodeBgpSpec> bgp, String ipv4VXLANTunnelAddr, String vxlanTunnelMACAddr, List<OrchRef> orchRefs) {

    public NodeSpec {
        requireNonNull(bgp, "bgp is null");
        requireNonNull(ipv4VXLANTunnelAddr, "ipv4VXLANTunnelAddr is null");
        requireNonNull(vxlanTunnelMACAddr, "vxlanTunnelMACAddr is null");
        orchRefs = List.copyOf(requireNonNull(orchRefs, "orchRefs is null"));
    }

    /** A node with only BGP settings. */
    public static NodeSpec ofBgp(NodeBgpSpec bgp) {
        return new NodeSpec(Optional.of(bgp), "", "", List.of());
    }
}
