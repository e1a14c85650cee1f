package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A policy at {@code /calico/v1/policy/tier/<tier>/policy/<name>}. JSON order: {@code order,
 * inbound_rules, outbound_rules, selector, untracked, annotations, pre_dnat, apply_on_forward,
 * types}; everything but {@code selector} is omitted when empty.
 *
 * @param order {@code order}, or null (Felix orders such policies last)
 * @param inboundRules {@code inbound_rules}
 * @param outboundRules {@code outbound_rules}
 * @param selector {@code selector}: the endpoints the policy applies to
 * @param untracked {@code untracked} (doNotTrack)
 * @param annotations {@code annotations}, written sorted by key
 * @param preDnat {@code pre_dnat}
 * @param applyOnForward {@code apply_on_forward}
 * @param types {@code types}: {@code ingress} and/or {@code egress}
 * @param unknown fields Tabby does not model
 */
public record Policy(
        Double order,
        List<Rule> inboundRules,
        List<Rule> outboundRules,
        String selector,
        boolean untracked,
        Map<String, String> annotations,
        boolean preDnat,
        boolean applyOnForward,
        List<String> types,
        UnknownFields unknown) {

    public Policy {
        if (order != null && !Double.isFinite(order)) {
            throw new IllegalArgumentException("order " + order + " is not a finite number");
        }
        inboundRules = List.copyOf(requireNonNull(inboundRules, "inboundRules is null"));
        outboundRules = List.copyOf(requireNonNull(outboundRules, "outboundRules is null"));
        requireNonNull(selector, "selector is null");
        annotations = Map.copyOf(requireNonNull(annotations, "annotations is null"));
        types = List.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(unknown, "unknown is null");
    }
}
