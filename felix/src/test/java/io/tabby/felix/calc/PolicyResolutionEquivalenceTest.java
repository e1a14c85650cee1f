package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EndpointPolicyResolver#resolveAll} answers as {@link EndpointPolicyResolver#resolve} does, endpoint by endpoint. */
class PolicyResolutionEquivalenceTest {
    private static final List<List<String>> TYPES = List.of(List.of(), List.of("ingress"), List.of("egress"),
            List.of("ingress", "egress"));

    @Test
    void resolveAllEqualsResolvingEachEndpoint() {
        RandomLabels random = new RandomLabels(11);
        for (int round = 0; round < 30; round++) {
            List<ParsedPolicy> sorted = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                String selector = random.nextInt(20) == 0 ? "app ==" : random.selector(2); // a few that do not parse
                Double order = random.nextInt(4) == 0 ? null : (double) random.nextInt(5);
                sorted.add(ParsedPolicy.of("p" + p, new Policy(order, List.of(), List.of(), selector, false, Map.of(),
                        false, false, TYPES.get(random.nextInt(TYPES.size())), UnknownFields.NONE)));
            }
            sorted.sort(PolicyOrder.COMPARATOR);
            LabelIndex<Integer> index = new LabelIndex<>();
            Map<Integer, Map<String, String>> plain = new HashMap<>();
            for (int e = 0; e < 80; e++) {
                Map<String, String> labels = random.labels();
                index.put(e, labels);
                plain.put(e, labels);
            }
            Map<Integer, EndpointPolicies> all = EndpointPolicyResolver.resolveAll(sorted, index, e -> e % 3 != 0,
                    e -> List.of("prof" + e));
            Map<Integer, EndpointPolicies> expected = new HashMap<>();
            plain.forEach((e, labels) -> {
                if (e % 3 != 0) {
                    expected.put(e, EndpointPolicyResolver.resolve(sorted, labels, List.of("prof" + e)));
                }
            });
            assertThat(all).isEqualTo(expected);
        }
    }
}
