package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyResolutionTest {
    @Test
    void orderAscendingUnorderedLastTiesByName() {
        List<ParsedPolicy> policies = new ArrayList<>(List.of(
                parsed("z-unordered", null, "all()", List.of()),
                parsed("b", 10.0, "all()", List.of()),
                parsed("a-unordered", null, "all()", List.of()),
                parsed("c", 5.0, "all()", List.of()),
                parsed("a", 10.0, "all()", List.of())));
        policies.sort(PolicyOrder.COMPARATOR);
        assertThat(policies).extracting(ParsedPolicy::name).containsExactly("c", "a", "b", "a-unordered", "z-unordered");
    }

    @Test
    void onlyMatchingPoliciesOfEachDirection() {
        List<ParsedPolicy> sorted = List.of(
                parsed("in", 1.0, "app == 'db'", List.of("ingress")),
                parsed("out", 2.0, "app == 'db'", List.of("egress")),
                parsed("both", 3.0, "has(app)", List.of("ingress", "egress")),
                parsed("web-only", 4.0, "app == 'web'", List.of("ingress")));
        EndpointPolicies tiers = EndpointPolicyResolver.resolve(sorted, Map.of("app", "db"), List.of("kns.prod"));
        assertThat(tiers).isEqualTo(new EndpointPolicies(List.of("in", "both"), List.of("out", "both"), List.of("kns.prod")));
    }

    @Test
    void typesDefaultLikeCalicosApi() {
        assertThat(parsed("none", null, "", List.of())).extracting(ParsedPolicy::ingress, ParsedPolicy::egress)
                .containsExactly(true, false);
        Policy egressOnly = new Policy(null, List.of(), List.of(Rule.of("allow")), "", false, Map.of(), false, false,
                List.of(), UnknownFields.NONE);
        assertThat(ParsedPolicy.of("e", egressOnly)).extracting(ParsedPolicy::ingress, ParsedPolicy::egress)
                .containsExactly(false, true);
    }

    @Test
    void aBadSelectorSelectsNothing() {
        assertThat(parsed("bad", null, "app ==", List.of()).selects(Map.of("app", "x"))).isFalse();
    }

    @Test
    void profileLabelsAreInheritedAndTheEndpointsOwnWin() {
        Map<String, String> labels = EffectiveLabels.of(Map.of("app", "db"), List.of("p1", "p2"),
                Map.of("p1", Map.of("ns", "prod", "app", "x"), "p2", Map.of("team", "a")));
        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of("app", "db", "ns", "prod", "team", "a"));
    }

    private static ParsedPolicy parsed(String name, Double order, String selector, List<String> types) {
        return ParsedPolicy.of(name, new Policy(order, List.of(), List.of(), selector, false, Map.of(), false, false,
                types, UnknownFields.NONE));
    }
}
