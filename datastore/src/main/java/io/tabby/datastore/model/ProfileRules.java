package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A profile's rules at {@code /calico/v1/policy/profile/<name>/rules}:
 * {@code {"inbound_rules":[...],"outbound_rules":[...]}}, each list omitted when empty.
 *
 * @param inboundRules {@code inbound_rules}
 * @param outboundRules {@code outbound_rules}
 * @param unknown fields Tabby does not model
 */
public record ProfileRules(List<Rule> inboundRules, List<Rule> outboundRules, UnknownFields unknown) {

    public ProfileRules {
        inboundRules = List.copyOf(requireNonNull(inboundRules, "inboundRules is null"));
        outboundRules = List.copyOf(requireNonNull(outboundRules, "outboundRules is null"));
        requireNonNull(unknown, "unknown is null");
    }

    public ProfileRules(List<Rule> inboundRules, List<Rule> outboundRules) {
        this(inboundRules, outboundRules, UnknownFields.NONE);
    }
}
