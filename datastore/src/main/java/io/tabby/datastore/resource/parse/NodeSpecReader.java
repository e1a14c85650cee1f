package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.OrchRef;
import java.util.List;
import java.util.Optional;

/** Reads a v3 Node {@code spec}; the v1 node's spec has the same shape minus the tunnel fields. */
final class NodeSpecReader {
    private NodeSpecReader() {
    }

    static NodeSpec read(Optional<FieldReader> found, boolean v1) {
        if (found.isEmpty()) {
            return new NodeSpec(Optional.empty(), "", "", List.of());
        }
        FieldReader spec = found.get();
        Optional<NodeBgpSpec> bgp = spec.object("bgp").map(b -> readBgp(b, v1));
        String vxlanAddress = v1 ? "" : spec.text("ipv4VXLANTunnelAddr");
        String vxlanMac = v1 ? "" : spec.text("vxlanTunnelMACAddr");
        List<OrchRef> orchRefs = spec.objects("orchRefs").stream().map(NodeSpecReader::readOrchRef).toList();
        spec.rejectUnknown();
        return new NodeSpec(bgp, vxlanAddress, vxlanMac, orchRefs);
    }

    private static NodeBgpSpec readBgp(FieldReader bgp, boolean v1) {
        Optional<AsNumber> asNumber = bgp.asNumber("asNumber");
        String ipv4 = bgp.text("ipv4Address");
        String ipv6 = bgp.text("ipv6Address");
        String tunnel = v1 ? "" : bgp.text("ipv4IPIPTunnelAddr");
        String clusterId = v1 ? "" : bgp.text("routeReflectorClusterID");
        bgp.rejectUnknown();
        return new NodeBgpSpec(asNumber, ipv4, ipv6, tunnel, clusterId);
    }

    private static OrchRef readOrchRef(FieldReader ref) {
        String nodeName = ref.text("nodeName");
        String orchestrator = ref.text("orchestrator");
        ref.rejectUnknown();
        return new OrchRef(nodeName, orchestrator);
    }
}
