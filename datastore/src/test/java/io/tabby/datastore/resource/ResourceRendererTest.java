package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceRendererTest {
    private final ResourceRenderer renderer = new ResourceRenderer();
    private final ResourceParser parser = new ResourceParser();

    private static final IpPoolResource POOL = new IpPoolResource(
            ResourceMetadata.named("default-ipv4-ippool").withResourceVersion("17"),
            new IpPoolSpec("192.168.0.0/16", 26, "Always", "Never", true, false, "all()", false));
    private static final NodeResource NODE = new NodeResource(
            new ResourceMetadata("node1", Map.of("rack", "r1"), Map.of(), "21"),
            new NodeSpec(Optional.of(new NodeBgpSpec(Optional.of(new AsNumber(64513)), "10.0.2.15/24", "", "", "")),
                    "", "", List.of(new OrchRef("node1", "k8s"))));

    @Test
    void singleResourceAsYaml() {
        assertThat(renderer.yaml(List.of(POOL), false)).isEqualTo("""
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  creationTimestamp: null
                  name: default-ipv4-ippool
                  resourceVersion: "17"
                spec:
                  blockSize: 26
                  cidr: 192.168.0.0/16
                  ipipMode: Always
                  natOutgoing: true
                  nodeSelector: all()
                  vxlanMode: Never
                """);
    }

    @Test
    void listAsYamlWithReadRevision() {
        ResourceList list = new ResourceList(ResourceKind.NODE, List.of(NODE), 40);
        assertThat(renderer.yaml(list)).isEqualTo("""
                apiVersion: projectcalico.org/v3
                items:
                - apiVersion: projectcalico.org/v3
                  kind: Node
                  metadata:
                    creationTimestamp: null
                    labels:
                      rack: r1
                    name: node1
                    resourceVersion: "21"
                  spec:
                    bgp:
                      asNumber: 64513
                      ipv4Address: 10.0.2.15/24
                    orchRefs:
                    - nodeName: node1
                      orchestrator: k8s
                  status: {}
                kind: NodeList
                metadata:
                  resourceVersion: "40"
                """);
    }

    @Test
    void jsonKeepsFieldOrder() {
        assertThat(renderer.json(List.of(POOL), false)).isEqualTo("""
                {
                  "kind": "IPPool",
                  "apiVersion": "projectcalico.org/v3",
                  "metadata": {
                    "name": "default-ipv4-ippool",
                    "resourceVersion": "17",
                    "creationTimestamp": null
                  },
                  "spec": {
                    "cidr": "192.168.0.0/16",
                    "vxlanMode": "Never",
                    "ipipMode": "Always",
                    "natOutgoing": true,
                    "blockSize": 26,
                    "nodeSelector": "all()"
                  }
                }
                """);
    }

    @Test
    void emptyListAndMixedKinds() {
        assertThat(renderer.json(new ResourceList(ResourceKind.BGP_PEER, List.of(), 5))).isEqualTo("""
                {
                  "kind": "BGPPeerList",
                  "apiVersion": "projectcalico.org/v3",
                  "metadata": {
                    "resourceVersion": "5"
                  },
                  "items": []
                }
                """);
        assertThat(renderer.yaml(List.of(POOL, NODE), true)).startsWith("apiVersion: projectcalico.org/v3\nitems:\n")
                .endsWith("kind: List\nmetadata:\n  resourceVersion: \"21\"\n");
    }

    @Test
    void selectorPeerAndFelixDefaults() {
        BgpPeerResource peer = new BgpPeerResource(ResourceMetadata.named("rr-mesh"),
                new BgpPeerSpec("", "", Optional.empty(), "all()", "rr == 'true'", false, Optional.empty(), "",
                        Optional.of(Duration.ofSeconds(150))));
        assertThat(renderer.yaml(List.of(peer), false)).isEqualTo("""
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata:
                  creationTimestamp: null
                  name: rr-mesh
                spec:
                  asNumber: 0
                  maxRestartTime: 2m30s
                  nodeSelector: all()
                  peerSelector: rr == 'true'
                """);
        FelixConfigurationResource felix = new FelixConfigurationResource(ResourceMetadata.named("default"),
                FelixConfigurationSpec.empty());
        assertThat(renderer.yaml(List.of(felix), false)).endsWith("spec: {}\n");
    }

    @Test
    void printedDocumentsParseBackToTheSameResources() {
        List<Resource> all = List.of(POOL, NODE,
                new BgpConfigurationResource(ResourceMetadata.named("default"), new BgpConfigurationSpec("Debug",
                        Optional.of(false), Optional.of(new AsNumber(65000)), List.of("10.96.0.0/12"),
                        List.of("192.0.2.0/24"), 1790, List.of(new BgpConfigurationSpec.Community("c1", "65000:100")),
                        List.of(new BgpConfigurationSpec.PrefixAdvertisement("10.0.0.0/8", List.of("c1", "65000:7"))))),
                new BgpPeerResource(ResourceMetadata.named("tor"), new BgpPeerSpec("node1", "10.0.0.1:1790",
                        Optional.of(new AsNumber(65001)), "", "", true,
                        Optional.of(new BgpPeerSpec.SecretKeyRef("bgp-secrets", "tor")), "UseNodeIP",
                        Optional.of(Duration.ofSeconds(90)))),
                new FelixConfigurationResource(ResourceMetadata.named("node.node1"), new FelixConfigurationSpec(Map.of(
                        FelixSetting.IPIP_ENABLED, new FelixValue.Flag(true),
                        FelixSetting.IPTABLES_REFRESH_INTERVAL, new FelixValue.Interval(Duration.ofMillis(1500)),
                        FelixSetting.FAILSAFE_INBOUND_HOST_PORTS, new FelixValue.Ports(List.of()),
                        FelixSetting.ROUTE_TABLE_RANGE, new FelixValue.TableRange(2, 200),
                        FelixSetting.LOG_SEVERITY_SCREEN, new FelixValue.Text("Warning")))));
        assertThat(parser.parse("-", renderer.yaml(all, true))).isEqualTo(all);
        assertThat(parser.parse("-", renderer.json(all, true))).isEqualTo(all);
    }
}
