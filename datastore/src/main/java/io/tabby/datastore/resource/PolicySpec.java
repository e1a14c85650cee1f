package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The spec of a v3 {@code NetworkPolicy} or {@code GlobalNetworkPolicy}. The last four fields exist
 * only on GlobalNetworkPolicy; a NetworkPolicy has them empty/false.
 *
 * @param order lower orders apply first; null orders the policy last
 * @param selector the endpoints the policy applies to ({@code ""} = all)
 * @param types {@code Ingress} and/or {@code Egress}; after defaulting never empty
 * @param ingress rules for traffic into the selected endpoints
 * @param egress rules for traffic out of them
 * @param namespaceSelector (GlobalNetworkPolicy) only endpoints in matching namespaces
 * @param doNotTrack (GlobalNetworkPolicy) apply before connection tracking
 * @param preDNAT (GlobalNetworkPolicy) apply before DNAT
 * @param applyOnForward (GlobalNetworkPolicy) also apply to forwarded traffic
 */
public record PolicySpec(Double order, String selector, List<String> types, List<PolicyRule> ingress,
        List<PolicyRule> egress, String namespaceSelector, boolean doNotTrack, boolean preDNAT,
        boolean applyOnForward) {

    public static final String INGRESS = "Ingress";
    public static final String EGRESS = "Egress";

    public PolicySpec {
        requireNonNull(selector, "selector is null");
        types = List.copyOf(requireNonNull(types, "types is null"));
        ingress = List.copyOf(requireNonNull(ingress, "ingress is null"));
        egress = List.copyOf(requireNonNull(egress, "egress is null"));
        requireNonNull(namespaceSelector, "namespaceSelector is null");
    }

    /** A NetworkPolicy spec (no GlobalNetworkPolicy-only fields). */
    public static PolicySpec of(Double order, String selector, List<String> types, List<PolicyRule> ingress,
            List<PolicyRule> egress) {
        return new PolicySpec(order, selector, types, ingress, egress, "", false, false, false);
    }

    public PolicySpec withTypes(List<String> newTypes) {
        return new PolicySpec(order, selector, newTypes, ingress, egress, namespaceSelector, doNotTrack, preDNAT,
                applyOnForward);
    }
}
