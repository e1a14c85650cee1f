package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.RulePort;
import java.util.List;

/**
 * The v3 {@code source} or {@code destination} of a policy rule. Empty text and empty lists mean
 * "not set".
 *
 * @param nets CIDRs the peer address must be in
 * @param notNets CIDRs the peer address must not be in
 * @param selector endpoints (by label) the peer must be
 * @param notSelector endpoints the peer must not be
 * @param namespaceSelector namespaces (by label) the peer must be in
 * @param ports ports, ranges or named ports the peer port must be (TCP, UDP and SCTP only)
 * @param notPorts ports the peer port must not be
 */
public record EntityRule(List<String> nets, List<String> notNets, String selector, String notSelector,
        String namespaceSelector, List<RulePort> ports, List<RulePort> notPorts) {

    /** Matches every peer. */
    public static final EntityRule ANY = new EntityRule(List.of(), List.of(), "", "", "", List.of(), List.of());

    public EntityRule {
        nets = List.copyOf(requireNonNull(nets, "nets is null"));
        notNets = List.copyOf(requireNonNull(notNets, "notNets is null"));
        requireNonNull(selector, "selector is null");
        requireNonNull(notSelector, "notSelector is null");
        requireNonNull(namespaceSelector, "namespaceSelector is null");
        ports = List.copyOf(requireNonNull(ports, "ports is null"));
        notPorts = List.copyOf(requireNonNull(notPorts, "notPorts is null"));
    }

    public boolean isEmpty() {
        return equals(ANY);
    }
}
