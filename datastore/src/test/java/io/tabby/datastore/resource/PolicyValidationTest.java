package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems with policy-kind and Kubernetes inputs, each named with its file, document and field. */
class PolicyValidationTest {
    private final ResourceParser parser = new ResourceParser();

    private List<String> problems(String yaml) {
        try {
            parser.parse("in.yaml", yaml);
            return List.of();
        } catch (ResourceInputException e) {
            return e.problems().stream().map(InputProblem::toString).toList();
        }
    }

    @Test
    void endpointsNeedWhatTheirKeysAreMadeOf() {
        assertThat(problems("""
                apiVersion: projectcalico.org/v3
                kind: HostEndpoint
                metadata: {name: h1}
                spec: {expectedIPs: [10.0.0.300]}
                ---
                apiVersion: projectcalico.org/v3
                kind: WorkloadEndpoint
                metadata: {name: wrong, namespace: ns1}
                spec: {orchestrator: k8s, node: n1, pod: p1, endpoint: eth0, ipNetworks: [10.0.0.1/33], mac: zz}
                ---
                apiVersion: projectcalico.org/v3
                kind: WorkloadEndpoint
                metadata: {namespace: ns1, labels: {pcns.team: a}}
                spec: {orchestrator: cni, workload: c1, node: n1, endpoint: eth0}
                """)).containsExactly(
                "in.yaml: document 1 (HostEndpoint \"h1\"): spec.node: missing (the node the endpoint is on)",
                "in.yaml: document 1 (HostEndpoint \"h1\"): spec.expectedIPs[0]: \"10.0.0.300\" is not an IP address"
                        + " (e.g. 10.0.0.1 or fd00::1)",
                "in.yaml: document 2 (WorkloadEndpoint \"ns1/wrong\"): metadata.name: \"wrong\" does not match the spec"
                        + " (expected \"n1-k8s-p1-eth0\": <node>-<orchestrator>-<pod or workload>-<endpoint>, with '-'"
                        + " in each part doubled)",
                "in.yaml: document 2 (WorkloadEndpoint \"ns1/wrong\"): spec.ipNetworks[0]: \"10.0.0.1/33\" is not an"
                        + " address with prefix length (e.g. 10.0.0.5/32)",
                "in.yaml: document 2 (WorkloadEndpoint \"ns1/wrong\"): spec.mac: \"zz\" is not a MAC address (expected"
                        + " six hex pairs, e.g. 66:ab:cd:ef:01:23)",
                "in.yaml: document 3 (WorkloadEndpoint): metadata.labels.pcns.team: the prefixes"
                        + " pcns. and pcsa. are reserved for the labels endpoints inherit from namespace and service"
                        + " account profiles");
    }

    @Test
    void profileLabelsBelongInLabelsToApply() {
        assertThat(problems("""
                apiVersion: projectcalico.org/v3
                kind: Profile
                metadata: {name: p, labels: {a: b}}
                spec: {labelsToApply: {"bad key!": x}}
                """)).containsExactly(
                "in.yaml: document 1 (Profile \"p\"): metadata.labels: Profile labels cannot be stored in the etcd v1"
                        + " layout (allowed on: Node, HostEndpoint, WorkloadEndpoint, and BGPPeer with a selector or"
                        + " password; a Profile's labels for its endpoints go in spec.labelsToApply)",
                "in.yaml: document 1 (Profile \"p\"): spec.labelsToApply.bad key!: key \"bad key!\" is not a valid label"
                        + " key (allowed: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_'"
                        + " or '.', starting and ending with a letter or digit)");
    }

    @Test
    void kubernetesPolicyProblemsPointAtTheKubernetesFields() {
        assertThat(problems("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: ns1}
                spec:
                  podSelector: {matchExpressions: [{key: a, operator: Near}]}
                  policyTypes: [Inbound]
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/33}}, {}]
                    ports: [{protocol: ICMP, port: 0}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Deployment
                """)).containsExactly(
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.podSelector.matchExpressions[0].operator:"
                        + " \"Near\" is not an operator (allowed: In, NotIn, Exists, DoesNotExist)",
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.ingress[0].from[0].ipBlock.cidr: \"10.0.0.0/33\""
                        + " is not a CIDR (e.g. 10.0.0.0/8)",
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.ingress[0].from[1]: a peer needs podSelector,"
                        + " namespaceSelector or ipBlock",
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.ingress[0].ports[0].protocol: \"ICMP\" is not"
                        + " allowed (allowed: TCP, UDP, SCTP)",
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.ingress[0].ports[0].port: must be a port 1-65535"
                        + " or a port name, found 0",
                "in.yaml: document 1 (NetworkPolicy \"ns1/np\"): spec.policyTypes[0]: \"Inbound\" is not a policy type"
                        + " (allowed: Ingress, Egress)",
                "in.yaml: document 2: kind: \"Deployment\" is not supported for apiVersion networking.k8s.io/v1"
                        + " (allowed: NetworkPolicy)");
    }

    @Test
    void globalSelectorIsOnlyForRuleNamespaceSelectors() {
        assertThat(problems("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: g}
                spec:
                  selector: global()
                  ingress: [{action: Allow, source: {namespaceSelector: global()}}]
                """)).containsExactly("in.yaml: document 1 (GlobalNetworkPolicy \"g\"): spec.selector: \"global()\""
                + " uses global(), which is only allowed in a policy rule's namespaceSelector");
    }

    @Test
    void kubernetesNetworkPolicyWithoutTypesDefaultsAsTheApiServerDoes() {
        NetworkPolicyResource policy = (NetworkPolicyResource) parser.parse("in.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: egress-only}
                spec:
                  podSelector: {}
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
                """).getFirst();

        assertThat(policy.spec().types()).containsExactly("Ingress", "Egress");
        assertThat(policy.spec().ingress()).isEmpty();
        assertThat(policy.spec().egress()).singleElement()
                .satisfies(rule -> assertThat(rule.destination().nets()).containsExactly("10.0.0.0/8"));
        assertThatThrownBy(() -> parser.parse("in.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {}\n"))
                .isInstanceOf(ResourceInputException.class)
                .hasMessageContaining("metadata.name: missing (every object needs a name)");
    }
}
