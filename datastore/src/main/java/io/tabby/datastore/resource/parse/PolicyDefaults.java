package io.tabby.datastore.resource.parse;

import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.PolicyRule;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileSpec;
import io.tabby.datastore.resource.format.IpNet;
import io.tabby.datastore.selector.Expr;
import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;
import java.util.List;
import java.util.Locale;

/**
 * The stored form of policy and profile specs: {@code types} filled in as Calico's client does
 * (no egress rules: {@code [Ingress]}; only egress rules: {@code [Egress]}; both:
 * {@code [Ingress, Egress]}), protocol names in their canonical spelling ({@code tcp} is
 * {@code TCP}), nets as networks ({@code 10.1.2.3/16} is {@code 10.1.0.0/16}, an address is a /32
 * or /128) and namespaceSelectors in canonical form, as the v1 keys keep them.
 */
final class PolicyDefaults {
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");

    private PolicyDefaults() {
    }

    static PolicySpec policy(PolicySpec spec) {
        List<String> types = spec.types();
        if (types.isEmpty()) {
            if (spec.egress().isEmpty()) {
                types = List.of(PolicySpec.INGRESS);
            } else {
                types = spec.ingress().isEmpty() ? List.of(PolicySpec.EGRESS)
                        : List.of(PolicySpec.INGRESS, PolicySpec.EGRESS);
            }
        }
        return new PolicySpec(spec.order(), spec.selector(), types, rules(spec.ingress()), rules(spec.egress()),
                canonical(spec.namespaceSelector()), spec.doNotTrack(), spec.preDNAT(), spec.applyOnForward());
    }

    static ProfileSpec profile(ProfileSpec spec) {
        return new ProfileSpec(rules(spec.ingress()), rules(spec.egress()), spec.labelsToApply());
    }

    private static List<PolicyRule> rules(List<PolicyRule> rules) {
        return rules.stream().map(PolicyDefaults::rule).toList();
    }

    private static PolicyRule rule(PolicyRule rule) {
        return new PolicyRule(rule.action(), rule.ipVersion(), protocol(rule.protocol()), rule.icmp(),
                protocol(rule.notProtocol()), rule.notIcmp(), entity(rule.source()), entity(rule.destination()));
    }

    private static EntityRule entity(EntityRule entity) {
        return new EntityRule(nets(entity.nets()), nets(entity.notNets()), entity.selector(), entity.notSelector(),
                canonical(entity.namespaceSelector()), entity.ports(), entity.notPorts());
    }

    private static List<String> nets(List<String> nets) {
        return nets.stream().map(net -> IpNet.parseCidrOrAddress(net).map(n -> n.network().toString()).orElse(net))
                .toList();
    }

    /**
     * A namespaceSelector in canonical form: the v1 layout keeps it only as a rewritten selector,
     * so the canonical text is what reads back.
     */
    private static String canonical(String selector) {
        if (selector.isBlank()) {
            return selector;
        }
        try {
            Selector parsed = Selector.parse(selector);
            return parsed.root() instanceof Expr.All ? "all()" : parsed.canonical();
        } catch (SelectorParseException e) {
            return selector;
        }
    }

    /** The canonical spelling of a known protocol name, any case; others are left for validation. */
    static Protocol protocol(Protocol protocol) {
        if (protocol == null || protocol.name() == null) {
            return protocol;
        }
        String lower = protocol.name().toLowerCase(Locale.ROOT);
        return PROTOCOLS.stream().filter(p -> p.toLowerCase(Locale.ROOT).equals(lower)).findFirst()
                .map(Protocol::of).orElse(protocol);
    }
}
