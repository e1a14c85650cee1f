package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key family: path to key to path is the identity, and the key is the expected one. */
class KeyPathsRoundTripTest {

    static Stream<Arguments> families() {
        IpAddr peer4 = IpAddr.parse("10.0.0.5");
        IpAddr peer6 = IpAddr.parse("fd00::5");
        Cidr pool4 = Cidr.parse("192.168.0.0/16");
        Cidr pool6 = Cidr.parse("fd80:24e2:f998:72d6::/64");
        Cidr block4 = Cidr.parse("192.168.1.0/26");
        Cidr block6 = Cidr.parse("fd80:24e2:f998:72d6::/122");
        List<Arguments> cases = List.of(
                Arguments.of("/calico/v1/Ready", new ReadyKey()),
                Arguments.of("/calico/v1/config/LogSeverityScreen", new GlobalConfigKey("LogSeverityScreen")),
                Arguments.of("/calico/v1/host/node-1/config/IpInIpTunnelAddr",
                        new HostConfigKey("node-1", "IpInIpTunnelAddr")),
                Arguments.of("/calico/v1/host/node-1/metadata", new HostMetadataKey("node-1")),
                Arguments.of("/calico/v1/host/node-1/bird_ip", new HostBirdIpKey("node-1")),
                Arguments.of("/calico/v1/host/node-1/orchestrator_refs", new OrchestratorRefsKey("node-1")),
                Arguments.of("/calico/v1/host/node-1/workload/k8s/default.nginx/endpoint/eth0",
                        new WorkloadEndpointKey("node-1", "k8s", "default.nginx", "eth0")),
                Arguments.of("/calico/v1/host/node-1/workload/cni/ns%2fpod%25x/endpoint/eth%2f0",
                        new WorkloadEndpointKey("node-1", "cni", "ns/pod%x", "eth/0")),
                Arguments.of("/calico/v1/host/node-1/endpoint/eth0", new HostEndpointKey("node-1", "eth0")),
                Arguments.of("/calico/v1/host/node-1/endpoint/a%2fb", new HostEndpointKey("node-1", "a/b")),
                Arguments.of("/calico/v1/ipam/v4/pool/192.168.0.0-16", new IpPoolKey(pool4)),
                Arguments.of("/calico/v1/ipam/v6/pool/fd80:24e2:f998:72d6::-64", new IpPoolKey(pool6)),
                Arguments.of("/calico/v1/policy/profile/k8s_ns.default/rules", new ProfileRulesKey("k8s_ns.default")),
                Arguments.of("/calico/v1/policy/profile/k8s_ns.default/tags", new ProfileTagsKey("k8s_ns.default")),
                Arguments.of("/calico/v1/policy/profile/a%25b%2fc/labels", new ProfileLabelsKey("a%b/c")),
                Arguments.of("/calico/v1/policy/tier/default/policy/allow-dns", new PolicyKey("default", "allow-dns")),
                Arguments.of("/calico/v1/policy/tier/default/policy/ns1%2fdefault.web",
                        new PolicyKey("default", "ns1/default.web")),
                Arguments.of("/calico/v1/policy/tier/default/metadata", new TierMetadataKey("default")),
                Arguments.of("/calico/bgp/v1/host/node-1/ip_addr_v4",
                        new NodeBgpFieldKey("node-1", NodeBgpField.IP_ADDR_V4)),
                Arguments.of("/calico/bgp/v1/host/node-1/ip_addr_v6",
                        new NodeBgpFieldKey("node-1", NodeBgpField.IP_ADDR_V6)),
                Arguments.of("/calico/bgp/v1/host/node-1/network_v4",
                        new NodeBgpFieldKey("node-1", NodeBgpField.NETWORK_V4)),
                Arguments.of("/calico/bgp/v1/host/node-1/network_v6",
                        new NodeBgpFieldKey("node-1", NodeBgpField.NETWORK_V6)),
                Arguments.of("/calico/bgp/v1/host/node-1/as_num", new NodeBgpFieldKey("node-1", NodeBgpField.AS_NUM)),
                Arguments.of("/calico/bgp/v1/host/node-1/loglevel",
                        new NodeBgpFieldKey("node-1", NodeBgpField.LOGLEVEL)),
                Arguments.of("/calico/bgp/v1/host/node-1/rr_cluster_id",
                        new NodeBgpFieldKey("node-1", NodeBgpField.RR_CLUSTER_ID)),
                Arguments.of("/calico/bgp/v1/host/node-1/peer_v4/10.0.0.5", new NodeBgpPeerKey("node-1", peer4)),
                Arguments.of("/calico/bgp/v1/host/node-1/peer_v6/fd00::5", new NodeBgpPeerKey("node-1", peer6)),
                Arguments.of("/calico/bgp/v1/global/as_num", new GlobalBgpFieldKey(GlobalBgpField.AS_NUM)),
                Arguments.of("/calico/bgp/v1/global/loglevel", new GlobalBgpFieldKey(GlobalBgpField.LOGLEVEL)),
                Arguments.of("/calico/bgp/v1/global/listen_port", new GlobalBgpFieldKey(GlobalBgpField.LISTEN_PORT)),
                Arguments.of("/calico/bgp/v1/global/svc_cluster_ips",
                        new GlobalBgpFieldKey(GlobalBgpField.SVC_CLUSTER_IPS)),
                Arguments.of("/calico/bgp/v1/global/svc_external_ips",
                        new GlobalBgpFieldKey(GlobalBgpField.SVC_EXTERNAL_IPS)),
                Arguments.of("/calico/bgp/v1/global/svc_loadbalancer_ips",
                        new GlobalBgpFieldKey(GlobalBgpField.SVC_LOADBALANCER_IPS)),
                Arguments.of("/calico/bgp/v1/global/communities", new GlobalBgpFieldKey(GlobalBgpField.COMMUNITIES)),
                Arguments.of("/calico/bgp/v1/global/node_mesh", new NodeMeshKey()),
                Arguments.of("/calico/bgp/v1/global/prefix_advertisements/ip_v4",
                        new PrefixAdvertisementsKey(IpFamily.V4)),
                Arguments.of("/calico/bgp/v1/global/prefix_advertisements/ip_v6",
                        new PrefixAdvertisementsKey(IpFamily.V6)),
                Arguments.of("/calico/bgp/v1/global/peer_v4/10.0.0.5", new GlobalBgpPeerKey(peer4)),
                Arguments.of("/calico/bgp/v1/global/peer_v6/fd00::5", new GlobalBgpPeerKey(peer6)),
                Arguments.of("/calico/bgp/v1/global/custom_filters/v4/reject-bogons",
                        new CustomFilterKey(IpFamily.V4, "reject-bogons")),
                Arguments.of("/calico/bgp/v1/global/custom_filters/v6/f1", new CustomFilterKey(IpFamily.V6, "f1")),
                Arguments.of("/calico/bgp/v1/rr_v4/10.0.0.5", new RouteReflectorKey(peer4)),
                Arguments.of("/calico/bgp/v1/rr_v6/fd00::5", new RouteReflectorKey(peer6)),
                Arguments.of("/calico/ipam/v2/config", new IpamConfigKey()),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/192.168.1.0-26", new BlockKey(block4)),
                Arguments.of("/calico/ipam/v2/assignment/ipv6/block/fd80:24e2:f998:72d6::-122", new BlockKey(block6)),
                Arguments.of("/calico/ipam/v2/host/node-1/ipv4/block/192.168.1.0-26",
                        new BlockAffinityKey("node-1", block4)),
                Arguments.of("/calico/ipam/v2/host/node-1/ipv6/block/fd80:24e2:f998:72d6::-122",
                        new BlockAffinityKey("node-1", block6)),
                Arguments.of("/calico/ipam/v2/handle/k8s-pod-network.0123abcd", new IpamHandleKey("k8s-pod-network.0123abcd")),
                Arguments.of("/calico/ipam/v2/handle/odd%2fid%25", new IpamHandleKey("odd/id%")),
                Arguments.of("/calico/felix/v1/host/node-1/status", new FelixStatusKey("node-1", FelixStatusKind.STATUS)),
                Arguments.of("/calico/felix/v1/host/node-1/last_reported_status",
                        new FelixStatusKey("node-1", FelixStatusKind.LAST_REPORTED_STATUS)),
                Arguments.of("/calico/felix/v1/host/node-1/workload/k8s/default.nginx/endpoint/eth0",
                        new WorkloadEndpointStatusKey("node-1", "k8s", "default.nginx", "eth0")),
                Arguments.of("/calico/felix/v1/host/node-1/endpoint/eth0", new HostEndpointStatusKey("node-1", "eth0")),
                Arguments.of("/calico/resources/v3/projectcalico.org/ippools/default-ipv4-ippool",
                        ResourceKey.cluster("ippools", "default-ipv4-ippool")),
                Arguments.of("/calico/resources/v3/projectcalico.org/globalnetworkpolicies/default.allow-dns",
                        ResourceKey.cluster("globalnetworkpolicies", "default.allow-dns")),
                Arguments.of("/calico/resources/v3/projectcalico.org/networkpolicies/ns1/default.web",
                        ResourceKey.namespaced("networkpolicies", "ns1", "default.web")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void pathParsesToTheKeyAndPrintsBack(String path, Key<?> expected) {
        Key<?> key = KeyPaths.parse(path);

        assertThat(key).isEqualTo(expected);
        assertThat(KeyPaths.toPath(key)).isEqualTo(path);
        assertThat(expected.path()).isEqualTo(path);
    }

    @Test
    void casesCoverEveryPermittedKeyRecord() {
        assertThat(families().map(a -> a.get()[1].getClass()).distinct().count())
                .isEqualTo(Key.class.getPermittedSubclasses().length);
    }
}
