package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.FelixConfigurationResource;
import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.format.IpNet;
import io.tabby.datastore.resource.format.PeerAddress;
import java.util.List;
import java.util.Optional;

/**
 * Brings a resource into the form it is stored and read back in, before validation:
 * <ul>
 *   <li>the defaults Calico's client fills in on create: an IPPool gets block size 26 (IPv4) or
 *       122 (IPv6), modes {@code Never} and node selector {@code all()};
 *   <li>addresses in canonical text, as the v1 keys hold them ({@code FD00:0::1} becomes
 *       {@code fd00::1}), and a node address without prefix length as a single-address network
 *       ({@code 10.0.0.1} becomes {@code 10.0.0.1/32}, which is what its {@code network_v4} says).
 * </ul>
 * Text that does not parse is left as it is, for validation to report. Other unset fields stay
 * unset; their defaults apply when the node agents read them.
 */
public final class ResourceDefaults {
    private ResourceDefaults() {
    }

    public static Resource apply(Resource resource) {
        return switch (resource) {
            case IpPoolResource pool -> new IpPoolResource(pool.metadata(), pool(pool.spec()));
            case NodeResource node -> new NodeResource(node.metadata(), node(node.spec()));
            case BgpConfigurationResource config -> new BgpConfigurationResource(config.metadata(), bgp(config.spec()));
            case BgpPeerResource peer -> new BgpPeerResource(peer.metadata(), peer(peer.spec()));
            case FelixConfigurationResource felix -> felix;
            case NetworkPolicyResource policy -> new NetworkPolicyResource(
                    namespaced(policy.metadata()), PolicyDefaults.policy(policy.spec()));
            case GlobalNetworkPolicyResource policy -> new GlobalNetworkPolicyResource(
                    policy.metadata(), PolicyDefaults.policy(policy.spec()));
            case ProfileResource profile -> new ProfileResource(profile.metadata(), PolicyDefaults.profile(profile.spec()));
            case HostEndpointResource host -> new HostEndpointResource(host.metadata(), EndpointDefaults.host(host.spec()));
            case WorkloadEndpointResource workload -> EndpointDefaults.workload(
                    workload.withMetadata(namespaced(workload.metadata())));
        };
    }

    /** A namespaced resource without a namespace is in {@code default}, as calicoctl puts it. */
    private static ResourceMetadata namespaced(ResourceMetadata metadata) {
        return metadata.namespace().isEmpty() ? metadata.withNamespace("default") : metadata;
    }

    private static IpPoolSpec pool(IpPoolSpec spec) {
        Optional<IpNet> cidr = IpNet.parseCidr(spec.cidr());
        int blockSize = spec.blockSize();
        if (blockSize == 0 && cidr.isPresent()) {
            blockSize = cidr.get().family() == 4 ? 26 : 122;
        }
        return new IpPoolSpec(cidr.map(IpNet::toString).orElse(spec.cidr()), blockSize,
                orDefault(spec.ipipMode(), IpPoolSpec.NEVER), orDefault(spec.vxlanMode(), IpPoolSpec.NEVER),
                spec.natOutgoing(), spec.disabled(), orDefault(spec.nodeSelector(), IpPoolSpec.ALL_NODES),
                spec.disableBGPExport());
    }

    private static NodeSpec node(NodeSpec spec) {
        Optional<NodeBgpSpec> bgp = spec.bgp().map(b -> new NodeBgpSpec(b.asNumber(), withPrefix(b.ipv4Address(), 4),
                withPrefix(b.ipv6Address(), 6), address(b.ipv4IPIPTunnelAddr(), 4),
                address(b.routeReflectorClusterID(), 4)));
        return new NodeSpec(bgp, address(spec.ipv4VXLANTunnelAddr(), 4), spec.vxlanTunnelMACAddr(), spec.orchRefs());
    }

    private static BgpConfigurationSpec bgp(BgpConfigurationSpec spec) {
        return new BgpConfigurationSpec(spec.logSeverityScreen(), spec.nodeToNodeMeshEnabled(), spec.asNumber(),
                networks(spec.serviceClusterIPs()), networks(spec.serviceExternalIPs()), spec.listenPort(),
                spec.communities(), spec.prefixAdvertisements().stream()
                        .map(a -> new BgpConfigurationSpec.PrefixAdvertisement(withPrefix(a.cidr()), a.communities()))
                        .toList());
    }

    private static BgpPeerSpec peer(BgpPeerSpec spec) {
        String peerIp = PeerAddress.parse(spec.peerIP()).map(PeerAddress::toString).orElse(spec.peerIP());
        return new BgpPeerSpec(spec.node(), peerIp, spec.asNumber(), spec.nodeSelector(), spec.peerSelector(),
                spec.keepOriginalNextHop(), spec.password(), spec.sourceAddress(), spec.maxRestartTime());
    }

    private static List<String> networks(List<String> cidrs) {
        return cidrs.stream().map(ResourceDefaults::withPrefix).toList();
    }

    /** Canonical {@code address/prefix}; a plain address gets its full-length prefix. */
    private static String withPrefix(String text) {
        return IpNet.parseCidrOrAddress(text).map(IpNet::toString).orElse(text);
    }

    /** As {@link #withPrefix(String)}, only for an address of {@code family} (others stay as written). */
    private static String withPrefix(String text, int family) {
        return IpNet.parseCidrOrAddress(text).filter(ip -> ip.family() == family).map(IpNet::toString).orElse(text);
    }

    private static String address(String text, int family) {
        return IpNet.parseAddress(text).filter(ip -> ip.family() == family).map(IpNet::addressText).orElse(text);
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
