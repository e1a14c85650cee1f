package io.tabby.ctl;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.FelixConfigurationResource;
import io.tabby.datastore.resource.FelixConfigurationSpec;
import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.ProfileSpec;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A few resources of every kind, covering each table cell's cases. */
public final class SampleResources {

    private SampleResources() {}

    public static List<Resource> of(ResourceKind kind) {
        return switch (kind) {
            case IP_POOL -> List.of(
                    new IpPoolResource(ResourceMetadata.named("default-ipv4-ippool"),
                            new IpPoolSpec("192.168.0.0/16", 26, IpPoolSpec.ALWAYS, IpPoolSpec.NEVER, true, false,
                                    IpPoolSpec.ALL_NODES, false)),
                    new IpPoolResource(ResourceMetadata.named("rack-a-v6"),
                            new IpPoolSpec("fd80:24e2:f998:72d6::/64", 122, IpPoolSpec.NEVER, IpPoolSpec.CROSS_SUBNET,
                                    false, true, "rack == 'a'", true)));
            case NODE -> List.of(
                    node("node1", NodeBgpSpec.of("10.0.2.15/24", "")),
                    node("node2", new NodeBgpSpec(Optional.of(new AsNumber(64513)), "10.0.2.10/32", "fd00::2/64", "", "")),
                    new NodeResource(ResourceMetadata.named("policy-only"),
                            new NodeSpec(Optional.empty(), "", "", List.of())));
            case BGP_PEER -> List.of(
                    new BgpPeerResource(ResourceMetadata.named("tor-global"),
                            BgpPeerSpec.of("", "10.0.0.5", new AsNumber(64513))),
                    new BgpPeerResource(ResourceMetadata.named("node1-peer"),
                            BgpPeerSpec.of("node1", "10.0.0.6", new AsNumber(64514))),
                    new BgpPeerResource(ResourceMetadata.named("rack-a-reflectors"),
                            new BgpPeerSpec("", "", Optional.empty(), "rack == 'a'", "has(route-reflector)", false,
                                    Optional.empty(), "", Optional.empty())));
            case BGP_CONFIGURATION -> List.of(
                    new BgpConfigurationResource(ResourceMetadata.named("default"),
                            new BgpConfigurationSpec("Info", Optional.of(false), Optional.of(new AsNumber(64512)),
                                    List.of(), List.of(), 0, List.of(), List.of())),
                    new BgpConfigurationResource(ResourceMetadata.named("node.node1"), BgpConfigurationSpec.empty()));
            case FELIX_CONFIGURATION -> List.of(
                    new FelixConfigurationResource(ResourceMetadata.named("default"), FelixConfigurationSpec.empty()),
                    new FelixConfigurationResource(ResourceMetadata.named("node.node1"), FelixConfigurationSpec.empty()));
            case NETWORK_POLICY -> List.of(
                    new NetworkPolicyResource(ResourceMetadata.namespaced("shop", "allow-web"),
                            PolicySpec.of(100.0, "app == 'web'", List.of("Ingress"), List.of(), List.of())),
                    new NetworkPolicyResource(ResourceMetadata.namespaced("shop", "unordered"),
                            PolicySpec.of(null, "", List.of("Ingress"), List.of(), List.of())));
            case GLOBAL_NETWORK_POLICY -> List.of(
                    new GlobalNetworkPolicyResource(ResourceMetadata.named("allow-dns"),
                            PolicySpec.of(10.5, "has(dns-client)", List.of("Egress"), List.of(), List.of())));
            case PROFILE -> List.of(
                    new ProfileResource(ResourceMetadata.named("kns.shop"), new ProfileSpec(List.of(), List.of(),
                            Map.of("pcns.team", "a", "pcns.projectcalico.org/name", "shop"))),
                    new ProfileResource(ResourceMetadata.named("plain"), new ProfileSpec(List.of(), List.of(), Map.of())));
            case HOST_ENDPOINT -> List.of(
                    new HostEndpointResource(ResourceMetadata.named("node1-eth0"), new HostEndpointSpec("node1", "eth0",
                            List.of("10.0.2.15", "fd00::15"), List.of("kns.shop", "edge"))));
            case WORKLOAD_ENDPOINT -> List.of(
                    new WorkloadEndpointResource(ResourceMetadata.namespaced("shop", "node1-k8s-web--1-eth0"),
                            new WorkloadEndpointSpec("k8s", "", "node1", "", "web-1", "eth0",
                                    List.of("192.168.1.5/32", "fd80::5/128"),
                                    List.of(new WorkloadEndpointSpec.IpNat("192.168.1.5", "172.16.0.5")), "", "",
                                    List.of("kns.shop"), "cali0123456789a", "")),
                    new WorkloadEndpointResource(ResourceMetadata.namespaced("default", "node2-cni-4f1c2d-eth0"),
                            new WorkloadEndpointSpec("cni", "4f1c2d", "node2", "", "", "eth0", List.of("192.168.2.7/32"),
                                    List.of(), "", "", List.of(), "cali4f1c2d00000", "")));
        };
    }

    private static NodeResource node(String name, NodeBgpSpec bgp) {
        return new NodeResource(ResourceMetadata.named(name), NodeSpec.ofBgp(bgp));
    }
}
