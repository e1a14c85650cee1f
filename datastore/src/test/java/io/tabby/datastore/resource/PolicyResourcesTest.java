package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The policy kinds (NetworkPolicy, GlobalNetworkPolicy, Profile, HostEndpoint, WorkloadEndpoint):
 * YAML to v1 keys (golden, byte for byte) and back to equal resources, and the Kubernetes
 * NetworkPolicy and Namespace translations.
 */
class PolicyResourcesTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient client = new ResourceClient(backend);
    private final ResourceParser parser = new ResourceParser();
    private final ResourceRenderer renderer = new ResourceRenderer();

    private String keys() {
        return backend.list("/calico").kvs().stream().map(kv -> kv.key() + "\n" + kv.value() + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void calicoKindsLandAtTheV1KeysAndReadBackEqual() {
        List<Resource> input = parser.parse("calico-policies.yaml", PolicyGolden.input("calico-policies.yaml"));
        client.apply(input, false);

        PolicyGolden.assertMatches("calico-policies.keys", keys());
        for (Resource expected : input) {
            Resource read = client.get(expected.kind(), expected.namespace(), expected.name());
            assertThat(read.withMetadata(read.metadata().withResourceVersion(""))).as(expected.describe())
                    .isEqualTo(expected);
        }
    }

    @Test
    void calicoKindsPrintAsCalicoctlDoes() {
        client.apply(parser.parse("calico-policies.yaml", PolicyGolden.input("calico-policies.yaml")), false);
        StringBuilder yaml = new StringBuilder();
        for (ResourceKind kind : List.of(ResourceKind.NETWORK_POLICY, ResourceKind.GLOBAL_NETWORK_POLICY,
                ResourceKind.PROFILE, ResourceKind.HOST_ENDPOINT, ResourceKind.WORKLOAD_ENDPOINT)) {
            yaml.append(renderer.yaml(client.list(kind)));
        }
        PolicyGolden.assertMatches("calico-policies.yaml", yaml.toString());
    }

    @Test
    void printedYamlParsesBackToTheSameResources() {
        List<Resource> input = parser.parse("calico-policies.yaml", PolicyGolden.input("calico-policies.yaml"));
        client.apply(input, false);
        for (ResourceKind kind : List.of(ResourceKind.NETWORK_POLICY, ResourceKind.GLOBAL_NETWORK_POLICY,
                ResourceKind.PROFILE, ResourceKind.HOST_ENDPOINT, ResourceKind.WORKLOAD_ENDPOINT)) {
            ResourceList listed = client.list(kind);
            List<Resource> reparsed = parser.parse("printed.yaml", renderer.yaml(listed));
            assertThat(reparsed).as(kind.displayName()).isEqualTo(listed.items());
        }
    }

    @Test
    void kubernetesObjectsAreTranslatedAsCalicosControllersDo() {
        List<Resource> input = parser.parse("k8s.yaml", PolicyGolden.input("k8s.yaml"));
        assertThat(input).extracting(Resource::describe).containsExactly(
                "NetworkPolicy \"shop/knp.default.api-allow\"",
                "NetworkPolicy \"default/knp.default.default-deny-ingress\"",
                "NetworkPolicy \"shop/knp.default.allow-all-ingress\"",
                "Profile \"kns.shop\"");
        PolicyGolden.assertMatches("k8s-translated.yaml", renderer.yaml(input, true));
        client.apply(input, false);
        PolicyGolden.assertMatches("k8s.keys", keys());
    }

    @Test
    void namespacedPolicySelectorIsScopedToItsNamespace() {
        client.apply(parser.parse("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns1}
                spec:
                  selector: app == 'a'
                  ingress: [{action: Allow, source: {selector: role == 'x'}}]
                """), false);

        KeyValue stored = backend.get("/calico/v1/policy/tier/default/policy/ns1%2fp").orElseThrow();
        assertThat(stored.value()).isEqualTo("{\"inbound_rules\":[{\"action\":\"allow\",\"src_selector\":"
                + "\"(projectcalico.org/namespace == 'ns1') \\u0026\\u0026 (role == 'x')\"}],"
                + "\"selector\":\"(app == 'a') \\u0026\\u0026 projectcalico.org/namespace == 'ns1'\",\"apply_on_forward\":true,\"types\":[\"ingress\"]}");
    }

    @Test
    void everyProblemIsReportedWithFileDocumentAndField() {
        assertThatThrownBy(() -> parser.parse("bad-policy.yaml", PolicyGolden.input("bad-policy.yaml")))
                .isInstanceOf(ResourceInputException.class)
                .satisfies(e -> PolicyGolden.assertMatches("bad-policy.err", String.join("\n",
                        ((ResourceInputException) e).problems().stream().map(InputProblem::toString).toList()) + "\n"));
    }

    @Test
    void namespacedKindsAreFoundByNamespaceAndName() {
        client.apply(parser.parse("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns1}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns2}
                """), false);

        assertThat(client.list(ResourceKind.NETWORK_POLICY, "ns2").items()).extracting(Resource::id)
                .containsExactly("ns2/p");
        assertThatThrownBy(() -> client.get(ResourceKind.NETWORK_POLICY, "ns3", "p"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("NetworkPolicy \"ns3/p\" does not exist");
        client.delete(ResourceKind.NETWORK_POLICY, "ns1", "p", false);
        assertThat(backend.list("/calico/v1/policy").kvs()).extracting(KeyValue::key)
                .containsExactly("/calico/v1/policy/tier/default/policy/ns2%2fp");
    }
}
