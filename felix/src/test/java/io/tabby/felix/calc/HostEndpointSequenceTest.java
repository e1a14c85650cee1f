package io.tabby.felix.calc;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.hostEndpoint;
import static io.tabby.felix.testing.V1Json.hostEndpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.selector.Selector;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.testing.FakeFelix;
import io.tabby.felix.testing.FakeFelix.KernelState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Host endpoints through the calculation graph and dataplane on a fake kernel: this node's host
 * endpoint on {@code ens3} gets {@code cali-fh-ens3} / {@code cali-th-ens3} behind the host endpoint
 * dispatch chains, policies select it by its labels, its expected address enters the ip sets of
 * selectors that match it (another node's host endpoint too), and a label change or removal takes it
 * all back. Every step converges like any other state sequence.
 */
class HostEndpointSequenceTest extends SequenceConvergenceTests {
    private static final List<String> IFACES = List.of("calia1");
    private static final String NODE_SET = IpSetIds.v4Name(IpSetIds.forSelector(Selector.parse("role == 'node'")));

    private static final Map<String, String> S1 = Map.of(
            profileRulesKey("kns.default"), allowAllProfile(),
            endpointKey("node1", "default.a"), endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default"),
            hostEndpointKey("node1", "ens3"), hostEndpoint("ens3", "198.51.100.1", Map.of("role", "node")),
            hostEndpointKey("node2", "ens3"), hostEndpoint("ens3", "198.51.100.2", Map.of("role", "node")));
    private static final Map<String, String> S2 = with(S1, Map.of(policyKey("host-web"),
            "{\"order\":10,\"inbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"dst_ports\":[80]}],"
                    + "\"outbound_rules\":[{\"action\":\"allow\"}],\"selector\":\"role == 'node'\","
                    + "\"types\":[\"ingress\",\"egress\"]}"));
    private static final Map<String, String> S3 = with(S2, Map.of(policyKey("pods-from-nodes"),
            "{\"inbound_rules\":[{\"action\":\"allow\",\"src_selector\":\"role == 'node'\"}],"
                    + "\"selector\":\"app == 'a'\",\"types\":[\"ingress\"]}"));
    private static final Map<String, String> S4 = with(S3, Map.of(hostEndpointKey("node1", "ens3"),
            hostEndpoint("ens3", "198.51.100.1", Map.of("role", "other"), "kns.default")));
    private static final Map<String, String> S5 = without(S4, hostEndpointKey("node1", "ens3"));

    @Override
    List<String> interfaces() {
        return IFACES;
    }

    @Override
    List<Map<String, String>> sequence() {
        return List.of(S1, S2, S3, S4, S5);
    }

    @Test
    void aHostEndpointWithoutPoliciesIsDroppedButForTheFailsafePorts() {
        KernelState kernel = run(List.of(S1));
        assertThat(kernel.chain("filter/cali-from-host-endpoint")).singleElement().asString()
                .contains("-i ens3").contains("-g cali-fh-ens3");
        assertThat(kernel.chain("filter/cali-to-host-endpoint")).singleElement().asString()
                .contains("-o ens3").contains("-g cali-th-ens3");
        assertThat(kernel.chain("filter/cali-fh-ens3")).anySatisfy(r -> assertThat(r).contains("-j cali-failsafe-in"))
                .last().asString().contains("Drop if no profiles matched");
        assertThat(kernel.chain("filter/cali-th-ens3")).anySatisfy(r -> assertThat(r).contains("-j cali-failsafe-out"));
        assertThat(kernel.chain("filter/cali-failsafe-in")).anySatisfy(r -> assertThat(r)
                .contains("-p tcp").contains(" 2379").contains("-j ACCEPT"));
        assertThat(kernel.chain("filter6/cali-fh-ens3")).isNotEmpty();
    }

    @Test
    void policiesSelectTheHostEndpointByItsLabels() {
        KernelState kernel = run(List.of(S2));
        assertThat(kernel.chain("filter/cali-fh-ens3")).anySatisfy(r -> assertThat(r).contains("-j cali-pi-host-web"));
        assertThat(kernel.chain("filter/cali-th-ens3")).anySatisfy(r -> assertThat(r).contains("-j cali-po-host-web"));
        assertThat(kernel.chain("filter/cali-pi-host-web")).isNotEmpty();
        assertThat(kernel.chain("filter6/cali-pi-host-web")).isNotEmpty();
    }

    @Test
    void hostEndpointAddressesOfEveryNodeFillSelectorSets() {
        assertThat(run(List.of(S3)).ipsets().get(NODE_SET)).containsExactly("198.51.100.1", "198.51.100.2");
        assertThat(run(List.of(S4)).ipsets().get(NODE_SET)).containsExactly("198.51.100.2");
    }

    @Test
    void aLabelChangeFallsBackToProfilesAndRemovalEmptiesTheDispatch() {
        KernelState relabelled = run(List.of(S3, S4));
        assertThat(relabelled.chain("filter/cali-fh-ens3")).noneSatisfy(r -> assertThat(r).contains("cali-pi-host-web"))
                .anySatisfy(r -> assertThat(r).contains("-j cali-pri-kns.default"));
        assertThat(relabelled.chains()).doesNotContainKey("filter/cali-pi-host-web");
        KernelState removed = run(List.of(S3, S4, S5));
        assertThat(removed.chain("filter/cali-from-host-endpoint")).isEmpty();
        assertThat(removed.chains()).doesNotContainKey("filter/cali-fh-ens3");
    }
}
