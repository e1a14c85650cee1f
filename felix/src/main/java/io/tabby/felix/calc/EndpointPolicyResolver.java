package io.tabby.felix.calc;

import io.tabby.felix.api.EndpointPolicies;
import io.tabby.datastore.selector.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * {@link #resolve} for every endpoint of {@code index} that is {@code wanted}, with the same
     * answers, but each policy's selector evaluated against the endpoints that can match it
     * ({@link LabelIndex#matching}) rather than each endpoint against every policy.
     */
    static <K> Map<K, EndpointPolicies> resolveAll(List<ParsedPolicy> sortedPolicies, LabelIndex<K> index,
            Predicate<K> wanted, Function<K, List<String>> profileIds) {
        Map<K, List<String>> ingress = new HashMap<>();
        Map<K, List<String>> egress = new HashMap<>();
        for (ParsedPolicy policy : sortedPolicies) {
            Optional<Selector> selector = policy.selector();
            if (selector.isEmpty() || !(policy.ingress() || policy.egress())) {
                continue;
            }
            for (K key : index.matching(selector.get())) {
                if (!wanted.test(key)) {
                    continue;
                }
                if (policy.ingress()) {
                    ingress.computeIfAbsent(key, k -> new ArrayList<>()).add(policy.name());
                }
                if (policy.egress()) {
                    egress.computeIfAbsent(key, k -> new ArrayList<>()).add(policy.name());
                }
            }
        }
        Map<K, EndpointPolicies> resolved = new HashMap<>();
        index.forEach((key, labels) -> {
            if (wanted.test(key)) {
                resolved.put(key, new EndpointPolicies(ingress.getOrDefault(key, List.of()),
                        egress.getOrDefault(key, List.of()), profileIds.apply(key)));
            }
        });
        return resolved;
    }
}
