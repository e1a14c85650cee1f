package io.tabby.datastore.resource.validate;

import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.IcmpMatch;
import io.tabby.datastore.resource.PolicyRule;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileSpec;
import io.tabby.datastore.resource.format.IpNet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rules on NetworkPolicy, GlobalNetworkPolicy and Profile specs, and on every rule in them. */
final class PolicyRules {
    static final List<String> ACTIONS = List.of(PolicyRule.ALLOW, PolicyRule.DENY, PolicyRule.LOG, PolicyRule.PASS);
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");
    /** Protocols whose rules may match ports (by name or number). */
    private static final Set<String> PORT_PROTOCOLS = Set.of("TCP", "UDP", "SCTP", "6", "17", "132");

    private PolicyRules() {
    }

    static void checkPolicy(PolicySpec spec, Violations violations) {
        if (spec.order() != null && !Double.isFinite(spec.order())) {
            violations.add("spec.order", "must be a finite number");
        }
        SelectorCheck.check("spec.selector", spec.selector(), violations);
        if (!spec.namespaceSelector().isEmpty()) {
            SelectorCheck.check("spec.namespaceSelector", spec.namespaceSelector(), violations);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.types().size(); i++) {
            String type = spec.types().get(i);
            if (!type.equals(PolicySpec.INGRESS) && !type.equals(PolicySpec.EGRESS)) {
                violations.add("spec.types[" + i + "]", SelectorCheck.quoted(type)
                        + " is not a policy type (allowed: Ingress, Egress)");
            } else if (!seen.add(type)) {
                violations.add("spec.types[" + i + "]", type + " is listed twice");
            }
        }
        rules("spec.ingress", spec.ingress(), violations);
        rules("spec.egress", spec.egress(), violations);
        if (spec.doNotTrack() && spec.preDNAT()) {
            violations.add("spec.preDNAT", "cannot be combined with doNotTrack");
        }
        if ((spec.doNotTrack() || spec.preDNAT()) && !spec.applyOnForward()) {
            violations.add("spec.applyOnForward", "must be true when doNotTrack or preDNAT is set");
        }
    }

    static void checkProfile(ProfileSpec spec, Violations violations) {
        rules("spec.ingress", spec.ingress(), violations);
        rules("spec.egress", spec.egress(), violations);
        MetadataRules.checkLabels("spec.labelsToApply", spec.labelsToApply(), violations);
    }

    private static void rules(String field, List<PolicyRule> rules, Violations violations) {
        for (int i = 0; i < rules.size(); i++) {
            rule(field + "[" + i + "]", rules.get(i), violations);
        }
    }

    private static void rule(String field, PolicyRule rule, Violations violations) {
        if (rule.action().isEmpty()) {
            violations.add(field + ".action", "missing (allowed: " + String.join(", ", ACTIONS) + ")");
        } else if (!ACTIONS.contains(rule.action())) {
            violations.add(field + ".action", SelectorCheck.quoted(rule.action()) + " is not an action (allowed: "
                    + String.join(", ", ACTIONS) + ")");
        }
        if (rule.ipVersion() != null && rule.ipVersion() != 4 && rule.ipVersion() != 6) {
            violations.add(field + ".ipVersion", rule.ipVersion() + " is not an IP version (allowed: 4, 6)");
        }
        protocol(field + ".protocol", rule.protocol(), violations);
        protocol(field + ".notProtocol", rule.notProtocol(), violations);
        icmp(field + ".icmp", rule.icmp(), rule.protocol(), violations);
        icmp(field + ".notICMP", rule.notIcmp(), rule.protocol(), violations);
        entity(field + ".source", rule.source(), rule, violations);
        entity(field + ".destination", rule.destination(), rule, violations);
    }

    private static void protocol(String field, Protocol protocol, Violations violations) {
        if (protocol == null) {
            return;
        }
        if (protocol.number() != null ? protocol.number() < 1 : !PROTOCOLS.contains(protocol.name())) {
            violations.add(field, SelectorCheck.quoted(protocol.toString()) + " is not a protocol (allowed: "
                    + String.join(", ", PROTOCOLS) + ", or a number 1-255)");
        }
    }

    private static void icmp(String field, IcmpMatch icmp, Protocol protocol, Violations violations) {
        if (icmp == null) {
            return;
        }
        String name = protocol == null ? "" : protocol.toString();
        if (!List.of("ICMP", "ICMPv6", "1", "58").contains(name)) {
            violations.add(field, "needs protocol ICMP or ICMPv6" + (name.isEmpty() ? "" : ", not " + name));
        }
        if (icmp.type() != null && (icmp.type() < 0 || icmp.type() > 254)) {
            violations.add(field + ".type", icmp.type() + " is out of range (allowed: 0-254)");
        }
        if (icmp.code() != null && (icmp.code() < 0 || icmp.code() > 255)) {
            violations.add(field + ".code", icmp.code() + " is out of range (allowed: 0-255)");
        }
        if (icmp.code() != null && icmp.type() == null) {
            violations.add(field + ".code", "needs a type as well");
        }
    }

    private static void entity(String field, EntityRule entity, PolicyRule rule, Violations violations) {
        nets(field + ".nets", entity.nets(), rule.ipVersion(), violations);
        nets(field + ".notNets", entity.notNets(), rule.ipVersion(), violations);
        if (!entity.selector().isEmpty()) {
            SelectorCheck.check(field + ".selector", entity.selector(), violations);
        }
        if (!entity.notSelector().isEmpty()) {
            SelectorCheck.check(field + ".notSelector", entity.notSelector(), violations);
        }
        if (!entity.namespaceSelector().isEmpty()) {
            SelectorCheck.checkNamespaceSelector(field + ".namespaceSelector", entity.namespaceSelector(), violations);
        }
        ports(field + ".ports", entity.ports(), rule.protocol(), violations);
        ports(field + ".notPorts", entity.notPorts(), rule.protocol(), violations);
    }

    private static void nets(String field, List<String> nets, Integer ipVersion, Violations violations) {
        for (int i = 0; i < nets.size(); i++) {
            Optional<IpNet> net = AddressRules.network(field + "[" + i + "]", nets.get(i), violations);
            if (net.isPresent() && ipVersion != null && net.get().family() != ipVersion) {
                violations.add(field + "[" + i + "]", nets.get(i) + " is an IPv" + net.get().family()
                        + " network but the rule's ipVersion is " + ipVersion);
            }
        }
    }

    private static void ports(String field, List<RulePort> ports, Protocol protocol, Violations violations) {
        if (ports.isEmpty()) {
            return;
        }
        if (protocol == null || !PORT_PROTOCOLS.contains(protocol.toString())) {
            violations.add(field, "ports need protocol TCP, UDP or SCTP" + (protocol == null ? " (none is set)"
                    : ", not " + protocol));
        }
    }
}
