package io.tabby.felix.calc;

import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which policies apply to one endpoint, and in which order: the one place that decides it, used
 * by felix's calculation graph and meant for {@code tabbyctl policy explain}, so that what is
 * explained is what is programmed.
 */
public final class EndpointPolicyResolver {
    private EndpointPolicyResolver() {}

    /**
     * The policies of {@code sortedPolicies} (already in {@link PolicyOrder}) whose selector
     * matches {@code labels}, split by direction, and the endpoint's profiles.
     *
     * @param labels the endpoint's effective labels ({@link EffectiveLabels})
     */
    public static EndpointPolicies resolve(List<ParsedPolicy> sortedPolicies, Map<String, String> labels,
            List<String> profileIds) {
        List<String> ingress = new ArrayList<>();
        List<String> egress = new ArrayList<>();
        for (ParsedPolicy policy : sortedPolicies) {
            if (!policy.selects(labels)) {
                continue;
            }
            if (policy.ingress()) {
                ingress.add(policy.name());
            }
            if (policy.egress()) {
                egress.add(policy.name());
            }
        }
        return new EndpointPolicies(ingress, egress, profileIds);
    }
}
