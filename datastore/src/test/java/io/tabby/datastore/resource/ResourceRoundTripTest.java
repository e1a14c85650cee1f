package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind, written to the v1 keys and read back: the same resource, versioned by its keys. */
class ResourceRoundTripTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient client = new ResourceClient(backend);
    private final ResourceParser parser = new ResourceParser();

    @ParameterizedTest
    @ValueSource(strings = {
        """
        apiVersion: projectcalico.org/v3
        kind: IPPool
        metadata: {name: default-ipv4-ippool}
        spec: {cidr: 192.168.0.0/16, ipipMode: Always, natOutgoing: true}
        ---
        apiVersion: projectcalico.org/v3
        kind: IPPool
        metadata: {name: v6}
        spec: {cidr: "FD80:24E2:F998:72D6::/64", blockSize: 116, vxlanMode: Never, disabled: true, nodeSelector: "a == 'b'"}
        ---
        apiVersion: projectcalico.org/v3
        kind: IPPool
        metadata: {name: 10-1-0-0-16}
        spec: {cidr: 10.1.0.0/16, vxlanMode: Always, disableBGPExport: true}
        """,
        """
        apiVersion: projectcalico.org/v3
        kind: Node
        metadata: {name: node1, labels: {rack: r1, zone: z}}
        spec:
          bgp: {ipv4Address: 10.0.2.15/24, ipv6Address: "fd00::15/64", asNumber: "1.10",
                ipv4IPIPTunnelAddr: 192.168.7.1, routeReflectorClusterID: 244.0.0.1}
          ipv4VXLANTunnelAddr: 192.168.8.1
          vxlanTunnelMACAddr: 66:AB:cd:ef:01:23
          orchRefs: [{nodeName: k8s-node1, orchestrator: k8s}, {orchestrator: mesos}]
        ---
        apiVersion: projectcalico.org/v3
        kind: Node
        metadata: {name: node2}
        spec: {bgp: {ipv4Address: 10.0.2.10}}
        ---
        apiVersion: projectcalico.org/v3
        kind: Node
        metadata: {name: policy-only}
        """,
        """
        apiVersion: projectcalico.org/v3
        kind: BGPConfiguration
        metadata: {name: default}
        spec:
          logSeverityScreen: Error
          nodeToNodeMeshEnabled: false
          asNumber: 63400
          serviceClusterIPs: [{cidr: 10.96.0.0/12}]
          serviceExternalIPs: [{cidr: 104.244.42.129/32}, {cidr: 172.217.3.0/24}]
          listenPort: 178
          communities: [{name: bgp-large-community, value: "63400:300:100"}, {name: std, value: "63400:1"}]
          prefixAdvertisements:
          - {cidr: 172.218.4.0/26, communities: [bgp-large-community, "63400:120"]}
          - {cidr: "2001:4860::/64", communities: [std]}
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPConfiguration
        metadata: {name: node.node1}
        spec: {logSeverityScreen: Debug}
        """,
        """
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata: {name: 10-0-0-5}
        spec: {peerIP: 10.0.0.5, asNumber: 64513}
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata: {name: tor-a}
        spec: {node: node1, peerIP: "[fd00::1]:1790", asNumber: 65001, keepOriginalNextHop: true,
               sourceAddress: UseNodeIP, maxRestartTime: 1m30s}
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata: {name: node2.10-0-0-9-1790}
        spec: {node: node2, peerIP: "10.0.0.9:1790", asNumber: 65002}
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata: {name: rr-clients, labels: {role: rr}, annotations: {owner: net}}
        spec: {nodeSelector: "!has(rr)", peerSelector: "has(rr)"}
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata: {name: secret}
        spec: {peerIP: 10.0.0.6, asNumber: 64514, password: {secretKeyRef: {name: bgp, key: tor}}}
        """,
        """
        apiVersion: projectcalico.org/v3
        kind: FelixConfiguration
        metadata: {name: default}
        spec:
          ipv6Support: false
          routeRefreshInterval: 1m30s
          iptablesLockProbeInterval: 50ms
          iptablesPostWriteCheckInterval: 1.5s
          maxIpsetSize: 1048576
          interfacePrefix: cali
          chainInsertMode: append
          defaultEndpointToHostAction: Accept
          logSeverityScreen: Warning
          ipipMTU: 1440
          vxlanVNI: 4096
          iptablesMarkMask: 0xffff0000
          failsafeInboundHostPorts: [{protocol: TCP, port: 22}, {protocol: UDP, port: 68}]
          failsafeOutboundHostPorts: []
          natOutgoingAddress: 10.1.1.1
          routeTableRange: {min: 1, max: 250}
        ---
        apiVersion: projectcalico.org/v3
        kind: FelixConfiguration
        metadata: {name: node.node1}
        spec: {defaultEndpointToHostAction: Return, reportingInterval: 0s}
        """
    })
    void writtenAndReadBackEqual(String yaml) {
        List<Resource> input = parser.parse("round-trip.yaml", yaml);
        List<WriteResult> results = client.apply(input, false);

        for (int i = 0; i < input.size(); i++) {
            Resource expected = input.get(i);
            Resource read = client.get(expected.kind(), expected.name());
            String version = read.metadata().resourceVersion();
            assertThat(read.withMetadata(read.metadata().withResourceVersion(""))).isEqualTo(expected);
            assertThat(version).isEqualTo(results.get(i).resource().metadata().resourceVersion())
                    .isEqualTo(Long.toString(highestRevision(results.get(i))));
        }
        ResourceList listed = client.list(input.getFirst().kind());
        assertThat(listed.items()).extracting(Resource::name)
                .containsExactlyElementsOf(input.stream().map(Resource::name).sorted().toList());
    }

    private long highestRevision(WriteResult result) {
        return result.ops().stream().map(op -> backend.get(op.key())).flatMap(java.util.Optional::stream)
                .mapToLong(KeyValue::modRevision).max().orElseThrow();
    }
}
