package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.model.RulePort;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.calc.RuleSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Renders one backend rule of a policy or profile into the iptables rules of one IP family (see
 * the package documentation for the actions and the simplifications): a rule with an
 * {@code ipVersion}, nets only of the other family, or an ICMP protocol of the other family
 * renders to nothing; ICMP matches become {@code -m icmp6 --icmpv6-type} in IPv6.
 */
final class PolicyRuleRenderer {
    private static final Logger LOG = LogManager.getLogger(PolicyRuleRenderer.class);
    private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "udplite");
    /** multiport takes 15 slots; a range takes two. */
    private static final int MULTIPORT_SLOTS = 15;

    private final RulesConfig config;
    private final IpFamily family;

    PolicyRuleRenderer(RulesConfig config, IpFamily family) {
        this.config = requireNonNull(config, "config is null");
        this.family = requireNonNull(family, "family is null");
    }

    /** The rules for {@code rule}, empty when it cannot match traffic of this renderer's family. */
    List<RuleSpec> render(Rule rule) {
        if (rule.ipVersion() != null && rule.ipVersion() != family.version()) {
            return List.of();
        }
        Optional<String> common = commonMatch(rule);
        if (common.isEmpty()) {
            return List.of();
        }
        List<String> srcNets = nets(rule.src(), "-s");
        List<String> dstNets = nets(rule.dst(), "-d");
        List<String> srcPorts = ports(rule.src().ports(), "--source-ports", false);
        List<String> dstPorts = ports(rule.dst().ports(), "--destination-ports", false);
        if (srcNets.isEmpty() || dstNets.isEmpty() || srcPorts.isEmpty() || dstPorts.isEmpty()) {
            return List.of();
        }
        List<RuleSpec> specs = new ArrayList<>();
        String negatedNets = negatedNets(rule, srcNets, dstNets, specs);
        for (String srcNet : srcNets) {
            for (String dstNet : dstNets) {
                for (String srcPort : srcPorts) {
                    for (String dstPort : dstPorts) {
                        String match = join(common.get(), negatedNets, srcNet, dstNet, srcPort, dstPort);
                        specs.addAll(action(rule, match));
                    }
                }
            }
        }
        return specs;
    }

    private List<RuleSpec> action(Rule rule, String match) {
        MarkBits marks = config.marks();
        return switch (rule.action()) {
            case "", "allow" -> List.of(RuleSpec.of(match, MarkBits.set(marks.accept())),
                    RuleSpec.of(MarkBits.isSet(marks.accept()), "-j RETURN"));
            case "next-tier", "pass" -> List.of(RuleSpec.of(match, MarkBits.set(marks.pass())),
                    RuleSpec.of(MarkBits.isSet(marks.pass()), "-j RETURN"));
            case "deny" -> List.of(RuleSpec.of(match, "-j DROP"));
            case "log" -> List.of(RuleSpec.of(match, "-j LOG --log-prefix \""
                    + (rule.logPrefix().isEmpty() ? config.logPrefix() : rule.logPrefix().replace("\"", "")) + ": \""
                    + " --log-level 5"));
            default -> {
                LOG.warn("rule action {} is not allow, deny, log or next-tier; the rule is left out", rule.action());
                yield List.of();
            }
        };
    }

    /** Protocol, negated nets, selectors, negated ports and ICMP; empty when the rule cannot match. */
    private Optional<String> commonMatch(Rule rule) {
        List<String> parts = new ArrayList<>();
        String protocol = rule.protocol() == null ? null : protocolName(rule.protocol());
        if (protocol != null) {
            if (IcmpNames.otherFamily(protocol, family)) {
                return Optional.empty();
            }
            parts.add("-p " + IcmpNames.protocol(protocol, family));
        }
        if (rule.notProtocol() != null) {
            String notProtocol = protocolName(rule.notProtocol());
            if (!IcmpNames.otherFamily(notProtocol, family)) {
                parts.add("! -p " + IcmpNames.protocol(notProtocol, family));
            }
        }
        for (RuleMatch match : List.of(rule.src(), rule.dst(), rule.notSrc(), rule.notDst())) {
            if (RuleSelectors.unusable(match) || match.ports().stream().anyMatch(p -> p.name() != null)) {
                if (match.ports().stream().anyMatch(p -> p.name() != null)) {
                    LOG.warn("named ports are not supported yet; a rule using {} matches nothing", match.ports());
                }
                return Optional.empty();
            }
        }
        boolean hasPorts = !rule.src().ports().isEmpty() || !rule.dst().ports().isEmpty()
                || !rule.notSrc().ports().isEmpty() || !rule.notDst().ports().isEmpty();
        if (hasPorts && (protocol == null || !PORT_PROTOCOLS.contains(protocol))) {
            LOG.warn("a rule with ports needs protocol tcp, udp or sctp (has {}); it matches nothing", protocol);
            return Optional.empty();
        }
        sets(rule.src(), "src", "", parts);
        sets(rule.dst(), "dst", "", parts);
        sets(rule.notSrc(), "src", "! ", parts);
        sets(rule.notDst(), "dst", "! ", parts);
        if (!rule.notSrc().ports().isEmpty()) {
            parts.addAll(ports(rule.notSrc().ports(), "--source-ports", true));
        }
        if (!rule.notDst().ports().isEmpty()) {
            parts.addAll(ports(rule.notDst().ports(), "--destination-ports", true));
        }
        String icmpMatch = family == IpFamily.V4 ? "-m icmp " : "-m icmp6 ";
        String icmpOption = family == IpFamily.V4 ? "--icmp-type " : "--icmpv6-type ";
        if (rule.icmpType() != null) {
            parts.add(icmpMatch + icmpOption + rule.icmpType() + (rule.icmpCode() == null ? "" : "/" + rule.icmpCode()));
        }
        if (rule.notIcmpType() != null) {
            parts.add(icmpMatch + "! " + icmpOption + rule.notIcmpType()
                    + (rule.notIcmpCode() == null ? "" : "/" + rule.notIcmpCode()));
        }
        return Optional.of(String.join(" ", parts));
    }

    private static String protocolName(Protocol protocol) {
        return protocol.number() != null ? protocol.number().toString() : protocol.name().toLowerCase(Locale.ROOT);
    }

    /**
     * One alternative per net of this family, or a single empty one when the rule has no nets; none
     * when all nets are of the other family.
     */
    private List<String> nets(RuleMatch match, String flag) {
        List<Cidr> all = allNets(match);
        if (all.isEmpty()) {
            return List.of("");
        }
        return all.stream().filter(c -> c.family() == family).map(c -> flag + " " + c).toList();
    }

    /**
     * The match for the rule's negated nets. iptables takes one {@code -s} and one {@code -d} per
     * rule, so a single negated net on a side without positive nets is matched inline
     * ({@code ! -s net}); anything more goes through a scratch mark block placed before the rule
     * (added to {@code specs}): clear the bit, set it for each negated net, and match "bit clear".
     */
    private String negatedNets(Rule rule, List<String> srcNets, List<String> dstNets, List<RuleSpec> specs) {
        List<Cidr> notSrc = ofFamily(rule.notSrc());
        List<Cidr> notDst = ofFamily(rule.notDst());
        boolean srcInline = notSrc.isEmpty() || notSrc.size() == 1 && srcNets.equals(List.of(""));
        boolean dstInline = notDst.isEmpty() || notDst.size() == 1 && dstNets.equals(List.of(""));
        if (srcInline && dstInline) {
            List<String> parts = new ArrayList<>();
            notSrc.forEach(net -> parts.add("! -s " + net));
            notDst.forEach(net -> parts.add("! -d " + net));
            return String.join(" ", parts);
        }
        int scratch = config.marks().scratch1();
        specs.add(RuleSpec.of("", MarkBits.clear(scratch)));
        notSrc.forEach(net -> specs.add(RuleSpec.of("-s " + net, MarkBits.set(scratch))));
        notDst.forEach(net -> specs.add(RuleSpec.of("-d " + net, MarkBits.set(scratch))));
        return MarkBits.isClear(scratch);
    }

    private List<Cidr> ofFamily(RuleMatch match) {
        return allNets(match).stream().filter(c -> c.family() == family).toList();
    }

    private static List<Cidr> allNets(RuleMatch match) {
        List<Cidr> all = new ArrayList<>();
        if (match.net() != null) {
            all.add(match.net());
        }
        all.addAll(match.nets());
        return all;
    }

    private void sets(RuleMatch match, String direction, String negation, List<String> parts) {
        RuleSelectors.selector(match).ifPresent(s -> parts.add("-m set " + negation + "--match-set "
                + IpSetIds.name(family, IpSetIds.forSelector(s)) + " " + direction));
        RuleSelectors.tag(match).ifPresent(s -> parts.add("-m set " + negation + "--match-set "
                + IpSetIds.name(family, IpSetIds.forSelector(s)) + " " + direction));
    }

    /**
     * multiport matches of at most 15 slots each: alternatives for positive ports, or (negated)
     * matches that must all hold.
     */
    private static List<String> ports(List<RulePort> ports, String option, boolean negated) {
        if (ports.isEmpty()) {
            return List.of("");
        }
        List<String> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int slots = 0;
        for (RulePort port : ports) {
            int cost = port.min() == port.max() ? 1 : 2;
            if (slots + cost > MULTIPORT_SLOTS) {
                groups.add(multiport(group, option, negated));
                group = new ArrayList<>();
                slots = 0;
            }
            group.add(port.toString());
            slots += cost;
        }
        groups.add(multiport(group, option, negated));
        return groups;
    }

    private static String multiport(List<String> ports, String option, boolean negated) {
        return "-m multiport " + (negated ? "! " : "") + option + " " + String.join(",", ports);
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
