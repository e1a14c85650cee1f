package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind applied, then the exact keys and values in the store. */
class ResourceClientLayoutTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient client = new ResourceClient(backend);
    private final ResourceParser parser = new ResourceParser();

    private Map<String, String> apply(String yaml) {
        client.apply(parser.parse("test.yaml", yaml), false);
        Map<String, String> keys = new LinkedHashMap<>();
        for (KeyValue kv : backend.list("/calico/").kvs()) {
            keys.put(kv.key(), kv.value());
        }
        return keys;
    }

    @Test
    void calicoctlV1PoolStoresTheClassicDefaultPool() {
        assertThat(apply("""
                apiVersion: v1
                kind: ipPool
                metadata:
                  cidr: 192.168.0.0/16
                spec:
                  ipip:
                    enabled: true
                  nat-outgoing: true
                """)).containsExactly(Map.entry("/calico/v1/ipam/v4/pool/192.168.0.0-16",
                "{\"cidr\":\"192.168.0.0/16\",\"ipip\":\"tunl0\",\"masquerade\":true,\"ipam\":true,\"disabled\":false}"));
    }

    @Test
    void namedPoolWithExtras() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: edge}
                spec: {cidr: "fd00:10::/48", blockSize: 120, nodeSelector: "rack == 'a'", disableBGPExport: true}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: vx}
                spec: {cidr: 10.8.0.0/16, vxlanMode: CrossSubnet, ipipMode: Never, disabled: true}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: cs}
                spec: {cidr: 10.9.0.0/16, ipipMode: CrossSubnet}
                """)).containsExactly(
                Map.entry("/calico/v1/ipam/v4/pool/10.8.0.0-16", "{\"cidr\":\"10.8.0.0/16\",\"ipip\":\"\",\"vxlan_mode\":\"cross-subnet\","
                        + "\"masquerade\":false,\"ipam\":false,\"disabled\":true,\"name\":\"vx\"}"),
                Map.entry("/calico/v1/ipam/v4/pool/10.9.0.0-16", "{\"cidr\":\"10.9.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"cross-subnet\","
                        + "\"masquerade\":false,\"ipam\":true,\"disabled\":false,\"name\":\"cs\"}"),
                Map.entry("/calico/v1/ipam/v6/pool/fd00:10::-48", "{\"cidr\":\"fd00:10::/48\",\"ipip\":\"\",\"masquerade\":false,"
                        + "\"ipam\":true,\"disabled\":false,\"disableBGPExport\":true,\"block_size\":120,"
                        + "\"node_selector\":\"rack == 'a'\",\"name\":\"edge\"}"));
    }

    @Test
    void nodeSplitsIntoItsKeys() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node1, labels: {rack: r1}}
                spec:
                  bgp:
                    ipv4Address: 10.0.2.15/24
                    asNumber: 64513
                    ipv4IPIPTunnelAddr: 192.168.7.1
                    routeReflectorClusterID: 244.0.0.1
                  orchRefs: [{nodeName: node1, orchestrator: k8s}]
                  vxlanTunnelMACAddr: 66:ab:cd:ef:01:23
                """)).containsExactly(
                Map.entry("/calico/bgp/v1/host/node1/as_num", "64513"),
                Map.entry("/calico/bgp/v1/host/node1/ip_addr_v4", "10.0.2.15"),
                Map.entry("/calico/bgp/v1/host/node1/ip_addr_v6", ""),
                Map.entry("/calico/bgp/v1/host/node1/network_v4", "10.0.2.0/24"),
                Map.entry("/calico/bgp/v1/host/node1/rr_cluster_id", "244.0.0.1"),
                Map.entry("/calico/v1/host/node1/bird_ip", "10.0.2.15"),
                Map.entry("/calico/v1/host/node1/config/IpInIpTunnelAddr", "192.168.7.1"),
                Map.entry("/calico/v1/host/node1/config/VXLANTunnelMACAddr", "66:ab:cd:ef:01:23"),
                Map.entry("/calico/v1/host/node1/metadata", "{\"labels\":{\"rack\":\"r1\"}}"),
                Map.entry("/calico/v1/host/node1/orchestrator_refs", "[{\"orchestrator\":\"k8s\",\"nodeName\":\"node1\"}]"));
    }

    @Test
    void policyOnlyNodeStillWritesEmptyAddresses() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: n2}
                """)).containsExactly(
                Map.entry("/calico/bgp/v1/host/n2/ip_addr_v4", ""),
                Map.entry("/calico/bgp/v1/host/n2/ip_addr_v6", ""),
                Map.entry("/calico/v1/host/n2/metadata", "{}"));
    }

    @Test
    void globalBgpConfiguration() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: BGPConfiguration
                metadata: {name: default}
                spec:
                  logSeverityScreen: Warning
                  nodeToNodeMeshEnabled: true
                  asNumber: 63400
                  serviceClusterIPs: [{cidr: 10.96.0.0/12}, {cidr: "fd00:96::/108"}]
                  serviceExternalIPs: [{cidr: 104.244.42.129/32}]
                  listenPort: 178
                  communities: [{name: big, value: "63400:300:100"}]
                  prefixAdvertisements:
                  - {cidr: 172.218.4.0/26, communities: [big, "63400:120"]}
                  - {cidr: "2001:4860::/64", communities: ["63400:100"]}
                ---
                apiVersion: projectcalico.org/v3
                kind: BGPConfiguration
                metadata: {name: node.node1}
                spec: {logSeverityScreen: Debug}
                """)).containsExactly(
                Map.entry("/calico/bgp/v1/global/as_num", "63400"),
                Map.entry("/calico/bgp/v1/global/communities", "[{\"name\":\"big\",\"value\":\"63400:300:100\"}]"),
                Map.entry("/calico/bgp/v1/global/listen_port", "178"),
                Map.entry("/calico/bgp/v1/global/loglevel", "warning"),
                Map.entry("/calico/bgp/v1/global/node_mesh", "{\"enabled\":true}"),
                Map.entry("/calico/bgp/v1/global/prefix_advertisements/ip_v4",
                        "[{\"cidr\":\"172.218.4.0/26\",\"communities\":[\"63400:300:100\",\"63400:120\"]}]"),
                Map.entry("/calico/bgp/v1/global/prefix_advertisements/ip_v6",
                        "[{\"cidr\":\"2001:4860::/64\",\"communities\":[\"63400:100\"]}]"),
                Map.entry("/calico/bgp/v1/global/svc_cluster_ips", "10.96.0.0/12,fd00:96::/108"),
                Map.entry("/calico/bgp/v1/global/svc_external_ips", "104.244.42.129/32"),
                Map.entry("/calico/bgp/v1/host/node1/loglevel", "debug"));
    }

    @Test
    void peers() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata: {name: 10-0-0-5}
                spec: {peerIP: 10.0.0.5, asNumber: 64513}
                ---
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata: {name: tor-a}
                spec: {node: node1, peerIP: "[fd00::1]:1790", asNumber: 65001, keepOriginalNextHop: true,
                       sourceAddress: None, maxRestartTime: 2m}
                ---
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata: {name: rr, labels: {role: rr}}
                spec: {nodeSelector: "!has(rr)", peerSelector: "has(rr)"}
                """)).containsExactly(
                Map.entry("/calico/bgp/v1/global/peer_v4/10.0.0.5", "{\"ip\":\"10.0.0.5\",\"as_num\":\"64513\"}"),
                Map.entry("/calico/bgp/v1/host/node1/peer_v6/fd00::1", "{\"ip\":\"fd00::1\",\"as_num\":\"65001\","
                        + "\"source_addr\":\"None\",\"port\":1790,\"keep_next_hop\":true,\"restart_time\":\"120\",\"name\":\"tor-a\"}"),
                Map.entry("/calico/resources/v3/projectcalico.org/bgppeers/rr", "{\"kind\":\"BGPPeer\",\"apiVersion\":"
                        + "\"projectcalico.org/v3\",\"metadata\":{\"name\":\"rr\",\"labels\":{\"role\":\"rr\"}},\"spec\":"
                        + "{\"asNumber\":0,\"nodeSelector\":\"!has(rr)\",\"peerSelector\":\"has(rr)\"}}"));
    }

    @Test
    void felixConfiguration() {
        assertThat(apply("""
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec:
                  ipipEnabled: true
                  logSeverityScreen: Info
                  iptablesRefreshInterval: 1m30s
                  iptablesLockProbeInterval: 50ms
                  reportingInterval: 0s
                  iptablesMarkMask: 0xffff0000
                  failsafeInboundHostPorts: [{protocol: TCP, port: 22}, {protocol: UDP, port: 68}]
                  failsafeOutboundHostPorts: []
                  routeTableRange: {min: 1, max: 250}
                ---
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: node.node1}
                spec: {defaultEndpointToHostAction: Return}
                """)).containsExactly(
                Map.entry("/calico/v1/config/FailsafeInboundHostPorts", "tcp:22,udp:68"),
                Map.entry("/calico/v1/config/FailsafeOutboundHostPorts", "none"),
                Map.entry("/calico/v1/config/IpInIpEnabled", "true"),
                Map.entry("/calico/v1/config/IptablesLockProbeIntervalMillis", "50"),
                Map.entry("/calico/v1/config/IptablesMarkMask", "4294901760"),
                Map.entry("/calico/v1/config/IptablesRefreshInterval", "90"),
                Map.entry("/calico/v1/config/LogSeverityScreen", "Info"),
                Map.entry("/calico/v1/config/ReportingIntervalSecs", "0"),
                Map.entry("/calico/v1/config/RouteTableRange", "1-250"),
                Map.entry("/calico/v1/host/node1/config/DefaultEndpointToHostAction", "Return"));
    }
}
