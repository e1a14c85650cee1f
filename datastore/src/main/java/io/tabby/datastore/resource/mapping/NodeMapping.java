package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.OrchestratorRef;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.HostBirdIpKey;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.NodeBgpField;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.OrchRef;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.format.IpNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Node to its keys and back, as Calico v1 split a node: {@code metadata} (with labels),
 * {@code bird_ip} (if IPv4), {@code ip_addr_v4}/{@code ip_addr_v6} always (empty when none),
 * {@code network_v4}/{@code network_v6}, {@code as_num}, {@code rr_cluster_id} and
 * {@code orchestrator_refs} only when set, and Felix host config for the tunnel addresses.
 * A node exists when its {@code metadata} key does.
 */
final class NodeMapping {
    private static final Logger LOG = LogManager.getLogger(NodeMapping.class);
    static final String IPIP_TUNNEL_ADDR = "IpInIpTunnelAddr";
    static final String VXLAN_TUNNEL_ADDR = "IPv4VXLANTunnelAddr";
    static final String VXLAN_TUNNEL_MAC = "VXLANTunnelMACAddr";
    static final Set<String> HOST_CONFIG = Set.of(IPIP_TUNNEL_ADDR, VXLAN_TUNNEL_ADDR, VXLAN_TUNNEL_MAC);

    private NodeMapping() {
    }

    /** The node a key belongs to, when it is one of a Node resource's keys. */
    static Optional<String> owner(Key<?> key) {
        if (key instanceof HostMetadataKey k) {
            return Optional.of(k.node());
        }
        if (key instanceof HostBirdIpKey k) {
            return Optional.of(k.node());
        }
        if (key instanceof OrchestratorRefsKey k) {
            return Optional.of(k.node());
        }
        if (key instanceof NodeBgpFieldKey k && k.field() != NodeBgpField.LOGLEVEL) {
            return Optional.of(k.node());
        }
        if (key instanceof HostConfigKey k && HOST_CONFIG.contains(k.name())) {
            return Optional.of(k.node());
        }
        return Optional.empty();
    }

    static List<Entry<?>> toEntries(NodeResource resource, StoredEntries current) {
        String node = resource.name();
        NodeSpec spec = resource.spec();
        List<Entry<?>> entries = new ArrayList<>();
        HostMetadataKey metadataKey = new HostMetadataKey(node);
        UnknownFields unknown = current.get(metadataKey).map(HostMetadata::unknown).orElse(UnknownFields.NONE);
        entries.add(Entry.of(metadataKey, new HostMetadata(resource.metadata().labels(), unknown)));
        Optional<NodeBgpSpec> bgp = spec.bgp();
        Optional<IpNet> v4 = bgp.flatMap(b -> IpNet.parseCidrOrAddress(b.ipv4Address()));
        Optional<IpNet> v6 = bgp.flatMap(b -> IpNet.parseCidrOrAddress(b.ipv6Address()));
        v4.ifPresent(ip -> entries.add(Entry.of(new HostBirdIpKey(node), ip.addressText())));
        entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.IP_ADDR_V4), v4.map(IpNet::addressText).orElse("")));
        entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.IP_ADDR_V6), v6.map(IpNet::addressText).orElse("")));
        v4.ifPresent(ip -> entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.NETWORK_V4), ip.network().toString())));
        v6.ifPresent(ip -> entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.NETWORK_V6), ip.network().toString())));
        bgp.flatMap(NodeBgpSpec::asNumber).ifPresent(as ->
                entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.AS_NUM), as.toString())));
        bgp.map(NodeBgpSpec::routeReflectorClusterID).filter(id -> !id.isEmpty()).ifPresent(id ->
                entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.RR_CLUSTER_ID), id)));
        if (!spec.orchRefs().isEmpty()) {
            entries.add(Entry.of(new OrchestratorRefsKey(node), spec.orchRefs().stream()
                    .map(ref -> new OrchestratorRef(ref.orchestrator(), ref.nodeName())).toList()));
        }
        bgp.map(NodeBgpSpec::ipv4IPIPTunnelAddr).filter(a -> !a.isEmpty()).ifPresent(a ->
                entries.add(Entry.of(new HostConfigKey(node, IPIP_TUNNEL_ADDR), a)));
        if (!spec.ipv4VXLANTunnelAddr().isEmpty()) {
            entries.add(Entry.of(new HostConfigKey(node, VXLAN_TUNNEL_ADDR), spec.ipv4VXLANTunnelAddr()));
        }
        if (!spec.vxlanTunnelMACAddr().isEmpty()) {
            entries.add(Entry.of(new HostConfigKey(node, VXLAN_TUNNEL_MAC), spec.vxlanTunnelMACAddr()));
        }
        return entries;
    }

    /** The node built from its entries; empty when its {@code metadata} key is missing. */
    static Optional<NodeResource> fromEntries(String node, StoredEntries entries) {
        Optional<HostMetadata> metadata = entries.get(new HostMetadataKey(node));
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        String v4 = field(entries, node, NodeBgpField.IP_ADDR_V4);
        if (v4.isEmpty()) {
            v4 = entries.get(new HostBirdIpKey(node)).orElse("");
        }
        String ipv4 = withPrefix(v4, field(entries, node, NodeBgpField.NETWORK_V4), 32);
        String ipv6 = withPrefix(field(entries, node, NodeBgpField.IP_ADDR_V6),
                field(entries, node, NodeBgpField.NETWORK_V6), 128);
        String asText = field(entries, node, NodeBgpField.AS_NUM);
        Optional<AsNumber> as = asText.isEmpty() ? Optional.empty() : AsNumber.parse(asText);
        if (!asText.isEmpty() && as.isEmpty()) {
            LOG.warn("ignoring node {} as_num {}: not an AS number", node, asText);
        }
        String clusterId = field(entries, node, NodeBgpField.RR_CLUSTER_ID);
        String tunnel = entries.get(new HostConfigKey(node, IPIP_TUNNEL_ADDR)).orElse("");
        NodeBgpSpec bgp = new NodeBgpSpec(as, ipv4, ipv6, tunnel, clusterId);
        List<OrchRef> refs = entries.get(new OrchestratorRefsKey(node)).orElse(List.of()).stream()
                .map(ref -> new OrchRef(ref.nodeName(), ref.orchestrator())).toList();
        NodeSpec spec = new NodeSpec(bgp.isEmpty() ? Optional.empty() : Optional.of(bgp),
                entries.get(new HostConfigKey(node, VXLAN_TUNNEL_ADDR)).orElse(""),
                entries.get(new HostConfigKey(node, VXLAN_TUNNEL_MAC)).orElse(""), refs);
        return Optional.of(new NodeResource(new ResourceMetadata(node, metadata.get().labels(), Map.of(), ""), spec));
    }

    private static String field(StoredEntries entries, String node, NodeBgpField field) {
        return entries.get(new NodeBgpFieldKey(node, field)).orElse("");
    }

    /** The address with its subnet's prefix length ({@code 10.0.2.15} in {@code 10.0.2.0/24}: {@code 10.0.2.15/24}). */
    private static String withPrefix(String address, String network, int fullLength) {
        if (address.isEmpty()) {
            return "";
        }
        int prefix = IpNet.parseCidr(network).map(IpNet::prefixLength).orElse(fullLength);
        return address + "/" + prefix;
    }
}
