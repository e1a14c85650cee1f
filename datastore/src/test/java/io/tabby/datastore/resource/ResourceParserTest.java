package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceParserTest {
    private final ResourceParser parser = new ResourceParser();

    @Test
    void readsV3PoolAndFillsDefaults() {
        List<Resource> resources = parser.parse("pools.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  name: default-ipv4-ippool
                spec:
                  cidr: 192.168.0.0/16
                  ipipMode: Always
                  natOutgoing: true
                """);
        assertThat(resources).containsExactly(new IpPoolResource(ResourceMetadata.named("default-ipv4-ippool"),
                new IpPoolSpec("192.168.0.0/16", 26, "Always", "Never", true, false, "all()", false)));
    }

    @Test
    void ipv6PoolDefaultsTo122() {
        IpPoolResource pool = (IpPoolResource) parser.parse("-", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: v6}
                spec: {cidr: "fd80:24e2:f998:72d6::/64"}
                """).getFirst();
        assertThat(pool.spec().blockSize()).isEqualTo(122);
    }

    @Test
    void readsEveryDocumentAndListShape() {
        List<Resource> resources = parser.parse("all.yaml", """
                ---
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata:
                  name: node1
                  labels: {rack: r1}
                spec:
                  bgp:
                    ipv4Address: 10.0.2.15/24
                    asNumber: 64513
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPoolList
                metadata:
                  resourceVersion: "42"
                items:
                - metadata: {name: p1}
                  spec: {cidr: 10.1.0.0/16}
                - apiVersion: projectcalico.org/v3
                  kind: IPPool
                  metadata: {name: p2}
                  spec: {cidr: 10.2.0.0/16}
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: BGPPeer
                  metadata: {name: tor}
                  spec: {peerIP: 10.0.0.1, asNumber: 65001}
                """);
        assertThat(resources).extracting(Resource::describe)
                .containsExactly("Node \"node1\"", "IPPool \"p1\"", "IPPool \"p2\"", "BGPPeer \"tor\"");
        NodeResource node = (NodeResource) resources.getFirst();
        assertThat(node.metadata().labels()).isEqualTo(Map.of("rack", "r1"));
        assertThat(node.spec().bgp().orElseThrow().asNumber()).contains(new AsNumber(64513));
    }

    @Test
    void readsJsonDocuments() {
        List<Resource> resources = parser.parse("peers.json", """
                {"apiVersion": "projectcalico.org/v3", "kind": "BGPPeer",
                 "metadata": {"name": "rr"}, "spec": {"node": "node1", "peerIP": "[fd00::5]:1790", "asNumber": "1.10"}}
                {"apiVersion": "projectcalico.org/v3", "kind": "BGPConfiguration",
                 "metadata": {"name": "default"}, "spec": {"nodeToNodeMeshEnabled": false, "listenPort": 1790}}
                """);
        BgpPeerResource peer = (BgpPeerResource) resources.get(0);
        assertThat(peer.spec()).isEqualTo(BgpPeerSpec.of("node1", "[fd00::5]:1790", new AsNumber(65546)));
        BgpConfigurationResource config = (BgpConfigurationResource) resources.get(1);
        assertThat(config.spec().nodeToNodeMeshEnabled()).contains(false);
        assertThat(config.spec().listenPort()).isEqualTo(1790);
    }

    @Test
    void convertsV1Pool() {
        List<Resource> resources = parser.parse("v1.yaml", """
                apiVersion: v1
                kind: ipPool
                metadata:
                  cidr: 192.168.0.0/16
                spec:
                  ipip:
                    enabled: true
                  nat-outgoing: true
                ---
                apiVersion: v1
                kind: ipPool
                metadata:
                  cidr: 10.5.0.0/16
                spec:
                  ipip: {enabled: true, mode: cross-subnet}
                  disabled: true
                """);
        assertThat(resources).containsExactly(
                new IpPoolResource(ResourceMetadata.named("192-168-0-0-16"),
                        new IpPoolSpec("192.168.0.0/16", 26, "Always", "Never", true, false, "all()", false)),
                new IpPoolResource(ResourceMetadata.named("10-5-0-0-16"),
                        new IpPoolSpec("10.5.0.0/16", 26, "CrossSubnet", "Never", false, true, "all()", false)));
    }

    @Test
    void convertsV1NodeAndPeers() {
        List<Resource> resources = parser.parse("v1.yaml", """
                - apiVersion: v1
                  kind: node
                  metadata: {name: node1, labels: {a: b}}
                  spec:
                    bgp: {asNumber: 64512, ipv4Address: 10.0.2.15/24, ipv6Address: "fd00::15/64"}
                - apiVersion: v1
                  kind: bgpPeer
                  metadata: {scope: global, peerIP: 192.168.1.1}
                  spec: {asNumber: 63400}
                - apiVersion: v1
                  kind: bgpPeer
                  metadata: {scope: node, node: node1, peerIP: "fd00::1"}
                  spec: {asNumber: 63401}
                """);
        assertThat(resources).containsExactly(
                new NodeResource(new ResourceMetadata("node1", Map.of("a", "b"), Map.of(), ""),
                        NodeSpec.ofBgp(new NodeBgpSpec(Optional.of(new AsNumber(64512)), "10.0.2.15/24", "fd00::15/64", "", ""))),
                new BgpPeerResource(ResourceMetadata.named("192-168-1-1"), BgpPeerSpec.of("", "192.168.1.1", new AsNumber(63400))),
                new BgpPeerResource(ResourceMetadata.named("node1.fd00--1"),
                        BgpPeerSpec.of("node1", "fd00::1", new AsNumber(63401))));
    }

    @Test
    void readsFelixSettings() {
        FelixConfigurationResource felix = (FelixConfigurationResource) parser.parse("felix.yaml", """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec:
                  ipipEnabled: true
                  logSeverityScreen: Info
                  iptablesRefreshInterval: 1m30s
                  iptablesLockProbeInterval: 50ms
                  iptablesMarkMask: 0xffff0000
                  failsafeInboundHostPorts: [{protocol: TCP, port: 22}, {protocol: UDP, port: 68}]
                  routeTableRange: {min: 1, max: 250}
                """).getFirst();
        assertThat(felix.spec().settings()).containsExactly(
                Map.entry(FelixSetting.IPTABLES_REFRESH_INTERVAL, new FelixValue.Interval(Duration.ofSeconds(90))),
                Map.entry(FelixSetting.IPTABLES_LOCK_PROBE_INTERVAL, new FelixValue.Interval(Duration.ofMillis(50))),
                Map.entry(FelixSetting.LOG_SEVERITY_SCREEN, new FelixValue.Text("Info")),
                Map.entry(FelixSetting.IPIP_ENABLED, new FelixValue.Flag(true)),
                Map.entry(FelixSetting.IPTABLES_MARK_MASK, new FelixValue.Number(0xffff0000L)),
                Map.entry(FelixSetting.FAILSAFE_INBOUND_HOST_PORTS, new FelixValue.Ports(List.of(
                        new FelixValue.ProtoPort("TCP", 22), new FelixValue.ProtoPort("UDP", 68)))),
                Map.entry(FelixSetting.ROUTE_TABLE_RANGE, new FelixValue.TableRange(1, 250)));
    }

    @Test
    void acceptsItsOwnGetOutput() {
        List<Resource> resources = parser.parse("-", """
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata:
                  creationTimestamp: null
                  name: node1
                  resourceVersion: "17"
                  uid: 0a1b
                spec:
                  bgp:
                    ipv4Address: 10.0.2.15/24
                status: {}
                """);
        assertThat(resources.getFirst().metadata().resourceVersion()).isEqualTo("17");
    }

    @Test
    void skipsEmptyDocumentsButCountsThem() {
        assertThatThrownBy(() -> parser.parse("x.yaml", """
                ---
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p}
                spec: {cidr: 10.0.0.0/33}
                """))
                .isInstanceOf(ResourceInputException.class)
                .hasMessage("x.yaml: document 2 (IPPool \"p\"): spec.cidr: \"10.0.0.0/33\" is not a valid CIDR "
                        + "(expected <address>/<prefix length>, e.g. 192.168.0.0/16)");
    }
}
