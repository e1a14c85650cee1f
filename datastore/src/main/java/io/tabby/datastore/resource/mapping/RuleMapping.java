package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.IcmpMatch;
import io.tabby.datastore.resource.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * v3 rules to v1 backend rules and back, as libcalico-go's update processors convert them: actions
 * in lower case ({@code Pass} is {@code next-tier}), protocol names in lower case, source and
 * destination criteria as {@code src_*}/{@code dst_*} and their negations as {@code !src_*}/
 * {@code !dst_*}. A rule selector is scoped to namespaces: with a namespaceSelector it becomes
 * {@code (<pcns. selector>) && (<selector>)}; in a namespaced policy without one, a selector or
 * notSelector is limited to the policy's own namespace, {@code (projectcalico.org/namespace ==
 * '<ns>') && (<selector>)}. Reading undoes exactly what writing did.
 */
final class RuleMapping {
    private static final Map<String, String> ACTIONS = Map.of("Allow", "allow", "Deny", "deny", "Log", "log",
            "Pass", "next-tier");
    private static final Map<String, String> V3_ACTIONS = Map.of("allow", "Allow", "deny", "Deny", "log", "Log",
            "next-tier", "Pass", "pass", "Pass");
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");

    private RuleMapping() {
    }

    /** v3 rules of a policy in {@code namespace} ({@code ""} for global policies and profiles). */
    static List<Rule> toV1(List<PolicyRule> rules, String namespace) {
        return rules.stream().map(rule -> toV1(rule, namespace)).toList();
    }

    static List<PolicyRule> toV3(List<Rule> rules, String namespace) {
        return rules.stream().map(rule -> toV3(rule, namespace)).toList();
    }

    private static Rule toV1(PolicyRule rule, String namespace) {
        IcmpMatch icmp = rule.icmp();
        IcmpMatch notIcmp = rule.notIcmp();
        return new Rule(ACTIONS.getOrDefault(rule.action(), rule.action().toLowerCase(Locale.ROOT)), rule.ipVersion(),
                protocolToV1(rule.protocol()), protocolToV1(rule.notProtocol()),
                icmp == null ? null : icmp.type(), icmp == null ? null : icmp.code(),
                notIcmp == null ? null : notIcmp.type(), notIcmp == null ? null : notIcmp.code(),
                new RuleMatch("", null, cidrs(rule.source().nets()), scoped(rule.source(), namespace),
                        rule.source().ports()),
                new RuleMatch("", null, cidrs(rule.destination().nets()), scoped(rule.destination(), namespace),
                        rule.destination().ports()),
                new RuleMatch("", null, cidrs(rule.source().notNets()), rule.source().notSelector(),
                        rule.source().notPorts()),
                new RuleMatch("", null, cidrs(rule.destination().notNets()), rule.destination().notSelector(),
                        rule.destination().notPorts()),
                "", UnknownFields.NONE);
    }

    private static PolicyRule toV3(Rule rule, String namespace) {
        IcmpMatch icmp = rule.icmpType() == null && rule.icmpCode() == null ? null
                : new IcmpMatch(rule.icmpType(), rule.icmpCode());
        IcmpMatch notIcmp = rule.notIcmpType() == null && rule.notIcmpCode() == null ? null
                : new IcmpMatch(rule.notIcmpType(), rule.notIcmpCode());
        return new PolicyRule(V3_ACTIONS.getOrDefault(rule.action(), rule.action()), rule.ipVersion(),
                protocolToV3(rule.protocol()), icmp, protocolToV3(rule.notProtocol()), notIcmp,
                entity(rule.src(), rule.notSrc(), namespace), entity(rule.dst(), rule.notDst(), namespace));
    }

    private static EntityRule entity(RuleMatch match, RuleMatch not, String namespace) {
        String[] selectors = unscoped(match.selector(), namespace);
        return new EntityRule(nets(match), nets(not), selectors[0], not.selector(), selectors[1], match.ports(),
                not.ports());
    }

    /** The selector as the v1 rule carries it, limited to the namespaces the rule means. */
    private static String scoped(EntityRule entity, String namespace) {
        String namespaces = !entity.namespaceSelector().isEmpty()
                ? NamespaceSelectorText.prefixed(entity.namespaceSelector())
                : namespace.isEmpty() ? "" : NamespaceSelectorText.own(namespace);
        boolean scope = !namespaces.isEmpty() && (!entity.selector().isEmpty() || !entity.notSelector().isEmpty()
                || !entity.namespaceSelector().isEmpty());
        return scope ? NamespaceSelectorText.and(namespaces, entity.selector()) : entity.selector();
    }

    /** {@code [selector, namespaceSelector]} from a v1 rule selector (see {@link #scoped}). */
    private static String[] unscoped(String selector, String namespace) {
        String own = namespace.isEmpty() ? null : NamespaceSelectorText.own(namespace);
        if (selector.isEmpty() || selector.equals(own)) {
            return new String[] {"", ""};
        }
        Optional<String[]> parts = NamespaceSelectorText.split(selector);
        if (parts.isPresent()) {
            String first = parts.get()[0];
            if (first.equals(own)) {
                return new String[] {parts.get()[1], ""};
            }
            Optional<String> namespaces = NamespaceSelectorText.unprefixed(first);
            if (namespaces.isPresent()) {
                return new String[] {parts.get()[1], namespaces.get()};
            }
        }
        return NamespaceSelectorText.unprefixed(selector).map(ns -> new String[] {"", ns})
                .orElseGet(() -> new String[] {selector, ""});
    }

    private static List<Cidr> cidrs(List<String> nets) {
        return nets.stream().map(Cidr::parse).toList();
    }

    private static List<String> nets(RuleMatch match) {
        List<String> nets = new ArrayList<>();
        if (match.net() != null) {
            nets.add(match.net().toString());
        }
        match.nets().forEach(net -> nets.add(net.toString()));
        return nets;
    }

    private static Protocol protocolToV1(Protocol protocol) {
        return protocol == null || protocol.name() == null ? protocol
                : Protocol.of(protocol.name().toLowerCase(Locale.ROOT));
    }

    private static Protocol protocolToV3(Protocol protocol) {
        if (protocol == null || protocol.name() == null) {
            return protocol;
        }
        return PROTOCOLS.stream().filter(p -> p.equalsIgnoreCase(protocol.name())).findFirst().map(Protocol::of)
                .orElse(protocol);
    }
}
