package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad inputs and the exact lines a user sees for them. */
class ResourceValidationTest {
    private final ResourceParser parser = new ResourceParser();

    private List<String> problems(String source, String yaml) {
        ResourceInputException e = catchThrowableOfType(ResourceInputException.class, () -> parser.parse(source, yaml));
        assertThat(e).as("input should be rejected").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void poolBlockSizesAndCidrs() {
        assertThat(problems("pools.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p1}
                spec: {cidr: 10.0.0.1/16}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p2}
                spec: {cidr: 10.1.0.0/16, blockSize: 33}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p3}
                spec: {cidr: 10.2.0.0/26, blockSize: 24}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p4}
                spec: {cidr: "fd00::/64", blockSize: 100, ipipMode: Always}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p5}
                spec: {cidr: 169.254.1.0/24}
                """)).containsExactly(
                "pools.yaml: document 1 (IPPool \"p1\"): spec.cidr: 10.0.0.1/16 has host bits set (use the network address: 10.0.0.0/16)",
                "pools.yaml: document 2 (IPPool \"p2\"): spec.blockSize: 33 is not a valid IPv4 block size (allowed: 20..32)",
                "pools.yaml: document 3 (IPPool \"p3\"): spec.blockSize: 24 is larger than the pool: a /24 block does not fit in 10.2.0.0/26 (allowed: 26..32)",
                "pools.yaml: document 4 (IPPool \"p4\"): spec.blockSize: 100 is not a valid IPv6 block size (allowed: 116..128)",
                "pools.yaml: document 4 (IPPool \"p4\"): spec.ipipMode: IPIP is not supported on an IPv6 pool (allowed: Never)",
                "pools.yaml: document 5 (IPPool \"p5\"): spec.cidr: 169.254.1.0/24 overlaps the IPv4 link-local range 169.254.0.0/16 (pools must not)");
    }

    @Test
    void poolModesSelectorsAndUnknownFields() {
        assertThat(problems("-", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: Pool_1}
                spec:
                  cidr: 10.0.0.0/16
                  ipipMode: always
                  vxlanMode: Always
                  nodeSelector: "has(rack"
                  natOutgoin: true
                """)).containsExactly(
                "-: document 1 (IPPool \"Pool_1\"): spec.natOutgoin: unknown field (allowed: cidr, vxlanMode, ipipMode, "
                        + "natOutgoing, disabled, disableBGPExport, blockSize, nodeSelector)",
                "-: document 1 (IPPool \"Pool_1\"): metadata.name: \"Pool_1\" is not a valid name (allowed: lower-case letters, "
                        + "digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)",
                "-: document 1 (IPPool \"Pool_1\"): spec.ipipMode: \"always\" is not a valid mode (allowed: Always, CrossSubnet, Never)",
                "-: document 1 (IPPool \"Pool_1\"): spec.nodeSelector: \"has(rack\" is not a valid selector: unexpected end at column 9, expected ')' to close has(");
    }

    @Test
    void selectorsAreParsedByTheSelectorLanguage() {
        assertThat(problems("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p1}
                spec:
                  cidr: 10.0.0.0/16
                  nodeSelector: "rack = 'a'"
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p2}
                spec:
                  cidr: 10.1.0.0/16
                  nodeSelector: "global()"
                """)).containsExactly(
                "p.yaml: document 1 (IPPool \"p1\"): spec.nodeSelector: \"rack = 'a'\" is not a valid selector:"
                        + " unexpected '=' at column 6, expected '=='",
                "p.yaml: document 2 (IPPool \"p2\"): spec.nodeSelector: \"global()\" uses global(),"
                        + " which is only allowed in a policy rule's namespaceSelector");
    }

    @Test
    void bothEncapsulationsRejected() {
        assertThat(problems("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p}
                spec: {cidr: 10.0.0.0/16, ipipMode: CrossSubnet, vxlanMode: Always}
                """)).containsExactly(
                "p.yaml: document 1 (IPPool \"p\"): spec.vxlanMode: IPIP and VXLAN cannot both be enabled on one pool "
                        + "(ipipMode is CrossSubnet, vxlanMode is Always; set one of them to Never)");
    }

    @Test
    void nodeAddressesAsAndMac() {
        assertThat(problems("nodes.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node1}
                spec:
                  bgp:
                    ipv4Address: "fd00::1/64"
                    ipv6Address: 10.0.0.1
                    asNumber: 4294967296
                    routeReflectorClusterID: rr1
                  vxlanTunnelMACAddr: 66:ab:cd
                ---
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node2}
                spec:
                  bgp: {asNumber: 0}
                ---
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node3}
                spec:
                  bgp: {asNumber: 1.10}
                """)).containsExactly(
                "nodes.yaml: document 1 (Node \"node1\"): spec.bgp.asNumber: 4294967296 is not a valid AS number "
                        + "(allowed: 1..4294967295, or asdot form <0..65535>.<0..65535>)",
                "nodes.yaml: document 1 (Node \"node1\"): spec.bgp.ipv4Address: \"fd00::1/64\" is not an IPv4 address with "
                        + "optional prefix length (e.g. 10.0.2.15/24)",
                "nodes.yaml: document 1 (Node \"node1\"): spec.bgp.ipv6Address: \"10.0.0.1\" is not an IPv6 address with "
                        + "optional prefix length (e.g. fd00::15/64)",
                "nodes.yaml: document 1 (Node \"node1\"): spec.bgp.routeReflectorClusterID: \"rr1\" is not an IPv4 address (e.g. 10.0.0.1)",
                "nodes.yaml: document 1 (Node \"node1\"): spec.vxlanTunnelMACAddr: \"66:ab:cd\" is not a MAC address "
                        + "(expected six hex pairs, e.g. 66:ab:cd:ef:01:23)",
                "nodes.yaml: document 2 (Node \"node2\"): spec.bgp.asNumber: 0 is not a valid AS number "
                        + "(allowed: 1..4294967295, or asdot form <0..65535>.<0..65535>)",
                "nodes.yaml: document 3 (Node \"node3\"): spec.bgp.asNumber: 1.1 is a decimal number, not an AS number "
                        + "(write the asdot form quoted, e.g. \"1.10\")");
    }

    private static final String API_VERSIONS = "allowed: projectcalico.org/v3; v1 for calicoctl v1 resources and"
            + " Kubernetes Namespaces; networking.k8s.io/v1 for Kubernetes NetworkPolicies";

    @Test
    void documentLevelProblems() {
        assertThat(problems("misc.yaml", """
                kind: IPPool
                metadata: {name: p}
                spec: {cidr: 10.0.0.0/16}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkSet
                metadata: {name: np}
                ---
                apiVersion: projectcalico.org/v2
                kind: IPPool
                ---
                apiVersion: v1
                kind: policy
                ---
                - just a string
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                spec: {cidr: 10.9.0.0/16}
                """)).containsExactly(
                "misc.yaml: document 1 (IPPool \"p\"): apiVersion: missing (" + API_VERSIONS + ")",
                "misc.yaml: document 2: kind: \"NetworkSet\" is not supported (allowed: IPPool, Node, BGPConfiguration, "
                        + "BGPPeer, FelixConfiguration, NetworkPolicy, GlobalNetworkPolicy, Profile, HostEndpoint, "
                        + "WorkloadEndpoint)",
                "misc.yaml: document 3: apiVersion: \"projectcalico.org/v2\" is not supported (" + API_VERSIONS + ")",
                "misc.yaml: document 4: kind: \"policy\" is not supported for apiVersion v1 (allowed: ipPool, node, bgpPeer,"
                        + " Namespace)",
                "misc.yaml: document 5, item 1: must be a mapping of fields, found \"just a string\"",
                "misc.yaml: document 6 (IPPool): metadata.name: missing (every resource needs a name)");
    }

    @Test
    void v1ProblemsPointAtV1Fields() {
        assertThat(problems("old.yaml", """
                apiVersion: v1
                kind: ipPool
                metadata: {cidr: 10.0.0.1/8}
                spec: {ipip: {enabled: true, mode: sometimes}, nat-outgoing: "true"}
                ---
                apiVersion: v1
                kind: bgpPeer
                metadata: {scope: node, peerIP: 10.0.0.1}
                spec: {asNumber: 0}
                """)).containsExactly(
                "old.yaml: document 1 (IPPool \"10-0-0-0-8\"): spec.ipip.mode: \"sometimes\" is not a valid IPIP mode "
                        + "(allowed: always, cross-subnet)",
                "old.yaml: document 1 (IPPool \"10-0-0-0-8\"): spec.nat-outgoing: must be true or false, found \"true\"",
                "old.yaml: document 1 (IPPool \"10-0-0-0-8\"): metadata.cidr: 10.0.0.1/8 has host bits set "
                        + "(use the network address: 10.0.0.0/8)",
                "old.yaml: document 2 (BGPPeer \"10-0-0-1\"): metadata.node: missing (scope node needs the name of the node that peers)",
                "old.yaml: document 2 (BGPPeer \"10-0-0-1\"): spec.asNumber: 0 is not a valid AS number "
                        + "(allowed: 1..4294967295, or asdot form <0..65535>.<0..65535>)");
    }

    @Test
    void syntaxErrorsAndLabels() {
        assertThat(problems("bad.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  name: p
                  name: q
                """)).hasSize(1).first().asString()
                .startsWith("bad.yaml: document 1: not valid YAML at line 5, column ")
                .contains("Duplicate field 'name'");
        assertThat(problems("labels.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata:
                  name: n
                  labels: {"bad key!": x, rack: 7, zone: "-a"}
                """)).containsExactly(
                "labels.yaml: document 1 (Node \"n\"): metadata.labels.rack: must be a string, found 7 (quote it: \"7\")",
                "labels.yaml: document 1 (Node \"n\"): metadata.labels.bad key!: key \"bad key!\" is not a valid label key (allowed: "
                        + "an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.', starting "
                        + "and ending with a letter or digit)",
                "labels.yaml: document 1 (Node \"n\"): metadata.labels.zone: value \"-a\" is not a valid label value "
                        + "(allowed: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a "
                        + "letter or digit)");
    }

    @Test
    void oneBadDocumentRejectsTheWholeInput() {
        List<String> found = problems("mixed.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: good}
                spec: {cidr: 10.0.0.0/16}
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: bad}
                spec: {cidr: 10.1.0.0/16, blockSize: 19}
                """);
        assertThat(found).containsExactly(
                "mixed.yaml: document 2 (IPPool \"bad\"): spec.blockSize: 19 is not a valid IPv4 block size (allowed: 20..32)");
    }

    @Test
    void labelsWhereTheLayoutCannotKeepThem() {
        assertThat(problems("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p, labels: {a: b}, annotations: {c: d}}
                spec: {cidr: 10.0.0.0/16}
                """)).containsExactly(
                "p.yaml: document 1 (IPPool \"p\"): metadata.labels: IPPool labels cannot be stored in the etcd v1 layout "
                        + "(allowed on: Node, HostEndpoint, WorkloadEndpoint, and BGPPeer with a selector or password)",
                "p.yaml: document 1 (IPPool \"p\"): metadata.annotations: IPPool annotations cannot be stored in the etcd "
                        + "v1 layout (allowed on: NetworkPolicy, GlobalNetworkPolicy, and BGPPeer with a selector or password)");
    }
}
