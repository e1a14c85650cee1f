package io.tabby.datastore.resource.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.OrchRef;
import io.tabby.datastore.resource.format.GoDuration;
import java.util.List;

/** The {@code spec} trees of the kinds with fixed fields, as the v3 structs order and omit them. */
final class SpecTrees {
    private SpecTrees() {
    }

    static ObjectNode ipPool(IpPoolSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        putText(tree, "cidr", spec.cidr());
        putText(tree, "vxlanMode", spec.vxlanMode());
        putText(tree, "ipipMode", spec.ipipMode());
        putTrue(tree, "natOutgoing", spec.natOutgoing());
        putTrue(tree, "disabled", spec.disabled());
        putTrue(tree, "disableBGPExport", spec.disableBGPExport());
        if (spec.blockSize() != 0) {
            tree.put("blockSize", spec.blockSize());
        }
        putText(tree, "nodeSelector", spec.nodeSelector());
        return tree;
    }

    static ObjectNode node(NodeSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        spec.bgp().ifPresent(bgp -> {
            ObjectNode node = tree.putObject("bgp");
            bgp.asNumber().ifPresent(as -> node.put("asNumber", as.value()));
            putText(node, "ipv4Address", bgp.ipv4Address());
            putText(node, "ipv6Address", bgp.ipv6Address());
            putText(node, "ipv4IPIPTunnelAddr", bgp.ipv4IPIPTunnelAddr());
            putText(node, "routeReflectorClusterID", bgp.routeReflectorClusterID());
        });
        putText(tree, "ipv4VXLANTunnelAddr", spec.ipv4VXLANTunnelAddr());
        putText(tree, "vxlanTunnelMACAddr", spec.vxlanTunnelMACAddr());
        if (!spec.orchRefs().isEmpty()) {
            ArrayNode refs = tree.putArray("orchRefs");
            for (OrchRef ref : spec.orchRefs()) {
                ObjectNode entry = refs.addObject();
                putText(entry, "nodeName", ref.nodeName());
                entry.put("orchestrator", ref.orchestrator());
            }
        }
        return tree;
    }

    static ObjectNode bgpConfiguration(BgpConfigurationSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        putText(tree, "logSeverityScreen", spec.logSeverityScreen());
        spec.nodeToNodeMeshEnabled().ifPresent(mesh -> tree.put("nodeToNodeMeshEnabled", mesh));
        spec.asNumber().ifPresent(as -> tree.put("asNumber", as.value()));
        putCidrs(tree, "serviceExternalIPs", spec.serviceExternalIPs());
        putCidrs(tree, "serviceClusterIPs", spec.serviceClusterIPs());
        if (spec.listenPort() != 0) {
            tree.put("listenPort", spec.listenPort());
        }
        if (!spec.communities().isEmpty()) {
            ArrayNode communities = tree.putArray("communities");
            spec.communities().forEach(c -> communities.addObject().put("name", c.name()).put("value", c.value()));
        }
        if (!spec.prefixAdvertisements().isEmpty()) {
            ArrayNode advertisements = tree.putArray("prefixAdvertisements");
            spec.prefixAdvertisements().forEach(a -> {
                ObjectNode entry = advertisements.addObject().put("cidr", a.cidr());
                ArrayNode communities = entry.putArray("communities");
                a.communities().forEach(communities::add);
            });
        }
        return tree;
    }

    static ObjectNode bgpPeer(BgpPeerSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        putText(tree, "node", spec.node());
        putText(tree, "peerIP", spec.peerIP());
        // not omitempty in the v3 struct: selector peers print 0
        tree.put("asNumber", spec.asNumber().map(as -> as.value()).orElse(0L));
        putText(tree, "nodeSelector", spec.nodeSelector());
        putText(tree, "peerSelector", spec.peerSelector());
        putTrue(tree, "keepOriginalNextHop", spec.keepOriginalNextHop());
        spec.password().ifPresent(ref -> tree.putObject("password").putObject("secretKeyRef")
                .put("name", ref.name()).put("key", ref.key()));
        putText(tree, "sourceAddress", spec.sourceAddress());
        spec.maxRestartTime().ifPresent(d -> tree.put("maxRestartTime", GoDuration.format(d)));
        return tree;
    }

    private static void putCidrs(ObjectNode tree, String field, List<String> cidrs) {
        if (!cidrs.isEmpty()) {
            ArrayNode blocks = tree.putArray(field);
            cidrs.forEach(cidr -> blocks.addObject().put("cidr", cidr));
        }
    }

    static void putText(ObjectNode tree, String field, String value) {
        if (!value.isEmpty()) {
            tree.put(field, value);
        }
    }

    private static void putTrue(ObjectNode tree, String field, boolean value) {
        if (value) {
            tree.put(field, true);
        }
    }
}
