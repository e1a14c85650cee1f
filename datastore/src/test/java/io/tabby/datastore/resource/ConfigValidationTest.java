package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad BGP configurations, peers and Felix settings, and the exact lines a user sees for them. */
class ConfigValidationTest {
    private final ResourceParser parser = new ResourceParser();

    private List<String> problems(String source, String yaml) {
        ResourceInputException e = catchThrowableOfType(ResourceInputException.class, () -> parser.parse(source, yaml));
        assertThat(e).as("input should be rejected").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void bgpConfigurationRules() {
        assertThat(problems("bgp.yaml", """
                apiVersion: projectcalico.org/v3
                kind: BGPConfiguration
                metadata: {name: global}
                spec:
                  logSeverityScreen: info
                  listenPort: 70000
                  serviceClusterIPs: [{cidr: 10.96.0.1/12}]
                  communities: [{name: c1, value: "65536:1"}]
                  prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [c1, nope]}]
                ---
                apiVersion: projectcalico.org/v3
                kind: BGPConfiguration
                metadata: {name: node.node1}
                spec: {logSeverityScreen: Debug, asNumber: 65000, nodeToNodeMeshEnabled: false}
                """)).containsExactly(
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): metadata.name: \"global\" is not allowed for "
                        + "BGPConfiguration (allowed: default, or node.<nodename> for one node)",
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): spec.logSeverityScreen: \"info\" is not a log level "
                        + "(allowed: Debug, Info, Warning, Error, Fatal)",
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): spec.listenPort: 70000 is not a port (allowed: 1..65535)",
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): spec.serviceClusterIPs[0].cidr: 10.96.0.1/12 has host "
                        + "bits set (use the network address: 10.96.0.0/12)",
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): spec.communities[0].value: \"65536:1\" is not a "
                        + "community value (allowed: aa:nn with 16-bit numbers, or aa:nn:mm with 32-bit numbers)",
                "bgp.yaml: document 1 (BGPConfiguration \"global\"): spec.prefixAdvertisements[0].communities[1]: \"nope\" "
                        + "is neither a community value (aa:nn or aa:nn:mm) nor a name defined in spec.communities",
                "bgp.yaml: document 2 (BGPConfiguration \"node.node1\"): spec.asNumber: only the default BGPConfiguration "
                        + "can set this (set a node's AS in its Node spec.bgp.asNumber)",
                "bgp.yaml: document 2 (BGPConfiguration \"node.node1\"): spec.nodeToNodeMeshEnabled: only the default "
                        + "BGPConfiguration can set this (node.<name> allows only logSeverityScreen)");
    }

    @Test
    void peerRules() {
        assertThat(problems("peers.yaml", """
                apiVersion: projectcalico.org/v3
                kind: BGPPeerList
                items:
                - metadata: {name: p1}
                  spec: {peerIP: 10.0.0.300, asNumber: 65000}
                - metadata: {name: p2}
                  spec: {peerIP: "10.0.0.5:99999"}
                - metadata: {name: p3}
                  spec: {node: node1, nodeSelector: "all()", peerSelector: "rr == 'true'", peerIP: 10.0.0.1, asNumber: 1}
                - metadata: {name: p4}
                  spec: {peerIP: 10.0.0.1, asNumber: abc, sourceAddress: NodeIP, maxRestartTime: 2 minutes}
                """)).containsExactly(
                "peers.yaml: document 1, item 1 (BGPPeer \"p1\"): spec.peerIP: \"10.0.0.300\" is not an IP address or "
                        + "IP:port (e.g. 10.0.0.5, 10.0.0.5:1790, [fd00::5]:1790)",
                "peers.yaml: document 1, item 2 (BGPPeer \"p2\"): spec.peerIP: \"10.0.0.5:99999\" is not an IP address or "
                        + "IP:port (e.g. 10.0.0.5, 10.0.0.5:1790, [fd00::5]:1790)",
                "peers.yaml: document 1, item 2 (BGPPeer \"p2\"): spec.asNumber: missing (the peer's AS number, 1..4294967295)",
                "peers.yaml: document 1, item 3 (BGPPeer \"p3\"): spec.node: must be empty when spec.nodeSelector is set "
                        + "(a peering is for one node, or for the selected nodes)",
                "peers.yaml: document 1, item 3 (BGPPeer \"p3\"): spec.peerIP: must be empty when spec.peerSelector is set",
                "peers.yaml: document 1, item 3 (BGPPeer \"p3\"): spec.asNumber: must be empty when spec.peerSelector is set "
                        + "(the selected nodes' own AS numbers are used)",
                "peers.yaml: document 1, item 4 (BGPPeer \"p4\"): spec.asNumber: \"abc\" is not a valid AS number "
                        + "(allowed: 1..4294967295, or asdot form <0..65535>.<0..65535>)",
                "peers.yaml: document 1, item 4 (BGPPeer \"p4\"): spec.maxRestartTime: \"2 minutes\" is not a duration "
                        + "(e.g. 90s, 1m30s, 500ms)",
                "peers.yaml: document 1, item 4 (BGPPeer \"p4\"): spec.sourceAddress: \"NodeIP\" is not allowed "
                        + "(allowed: UseNodeIP, None)");
    }

    @Test
    void felixValues() {
        assertThat(problems("felix.yaml", """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: node.Node1}
                spec:
                  vxlanPort: 70000
                  chainInsertMode: top
                  ipipEnabled: "yes"
                  failsafeInboundHostPorts: [{protocol: tcp, port: 22}]
                  routeTableRange: {min: 0, max: 250}
                  natOutgoingAddress: 10.0.0
                """)).containsExactly(
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.ipipEnabled: must be true or false, found \"yes\"",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): metadata.name: \"node.Node1\" is not allowed "
                        + "for FelixConfiguration (allowed: default, or node.<nodename> for one node)",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.chainInsertMode: \"top\" is not allowed "
                        + "(allowed: insert, append)",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.vxlanPort: 70000 is out of range "
                        + "(allowed: 1..65535)",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.failsafeInboundHostPorts[0].protocol: "
                        + "\"tcp\" is not allowed (allowed: TCP, UDP, SCTP)",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.natOutgoingAddress: \"10.0.0\" is not "
                        + "an IPv4 address (e.g. 10.0.0.1)",
                "felix.yaml: document 1 (FelixConfiguration \"node.Node1\"): spec.routeTableRange: {min: 0, max: 250} is "
                        + "not a valid range of route tables (allowed: 1 <= min <= max <= 250)");
    }

    @Test
    void nodePeerCannotTakeTheGlobalPeersName() {
        assertThat(problems("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata: {name: 10-0-0-5}
                spec: {node: node1, peerIP: 10.0.0.5, asNumber: 65000}
                """)).containsExactly("p.yaml: document 1 (BGPPeer \"10-0-0-5\"): metadata.name: \"10-0-0-5\" is the name "
                + "Tabby gives the global peer 10.0.0.5 (name this one differently, e.g. node1.10-0-0-5)");
    }
}
