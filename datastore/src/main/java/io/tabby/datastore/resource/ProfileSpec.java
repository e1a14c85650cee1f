package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The v3 {@code Profile} spec.
 *
 * @param ingress rules for traffic into endpoints that use the profile
 * @param egress rules for traffic out of them
 * @param labelsToApply labels every endpoint using the profile inherits, sorted by key
 */
public record ProfileSpec(List<PolicyRule> ingress, List<PolicyRule> egress, Map<String, String> labelsToApply) {
    public ProfileSpec {
        ingress = List.copyOf(requireNonNull(ingress, "ingress is null"));
        egress = List.copyOf(requireNonNull(egress, "egress is null"));
        labelsToApply = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(labelsToApply,
                "labelsToApply is null")));
    }
}
