package io.tabby.felix.calc;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a backend rule matches a {@link Flow}, with the same meaning as the iptables rules felix
 * renders for it: a selector or tag matches only an endpoint's labels, a named port never matches,
 * a rule with ports needs a port protocol.
 */
public final class RuleMatcher {
    private static final Map<String, Integer> PROTOCOLS = Map.of("tcp", 6, "udp", 17, "icmp", 1, "icmpv6", 58,
            "ipv6-icmp", 58, "sctp", 132, "udplite", 136);

    private RuleMatcher() {}

    /** The number of a protocol name ({@code tcp}) or number text ({@code 6}), or -1 when unknown. */
    public static int protocolNumber(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (PROTOCOLS.containsKey(lower)) {
            return PROTOCOLS.get(lower);
        }
        try {
            return Integer.parseInt(lower);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static boolean matches(Rule rule, Flow flow) {
        int family = flow.src().family().bits() == 32 ? 4 : 6;
        if (rule.ipVersion() != null && rule.ipVersion() != family) {
            return false;
        }
        if (rule.protocol() != null && number(rule.protocol()) != flow.protocol()) {
            return false;
        }
        if (rule.notProtocol() != null && number(rule.notProtocol()) == flow.protocol()) {
            return false;
        }
        boolean hasPorts = !rule.src().ports().isEmpty() || !rule.dst().ports().isEmpty()
                || !rule.notSrc().ports().isEmpty() || !rule.notDst().ports().isEmpty();
        if (hasPorts && (rule.protocol() == null || !List.of(6, 17, 132, 136).contains(number(rule.protocol())))) {
            return false;
        }
        if (rule.icmpType() != null && (!rule.icmpType().equals(flow.icmpType())
                || (rule.icmpCode() != null && !rule.icmpCode().equals(flow.icmpCode())))) {
            return false;
        }
        if (rule.notIcmpType() != null && rule.notIcmpType().equals(flow.icmpType())
                && (rule.notIcmpCode() == null || rule.notIcmpCode().equals(flow.icmpCode()))) {
            return false;
        }
        return side(rule.src(), flow.src(), flow.srcPort(), flow.srcLabels(), true)
                && side(rule.dst(), flow.dst(), flow.dstPort(), flow.dstLabels(), true)
                && side(rule.notSrc(), flow.src(), flow.srcPort(), flow.srcLabels(), false)
                && side(rule.notDst(), flow.dst(), flow.dstPort(), flow.dstLabels(), false);
    }

    /** A positive match needs every criterion to hold; a negated one needs each to fail. */
    private static boolean side(RuleMatch match, IpAddr ip, int port, Optional<Map<String, String>> labels,
            boolean positive) {
        if (match.isEmpty()) {
            return true;
        }
        if (RuleSelectors.unusable(match) || match.ports().stream().anyMatch(p -> p.name() != null)) {
            return false;
        }
        List<Cidr> nets = new ArrayList<>(match.nets());
        if (match.net() != null) {
            nets.add(match.net());
        }
        List<Cidr> sameFamily = nets.stream().filter(n -> n.family() == ip.family()).toList();
        Optional<Selector> selector = RuleSelectors.selector(match);
        Optional<Selector> tag = RuleSelectors.tag(match);
        if (positive) {
            return (nets.isEmpty() || sameFamily.stream().anyMatch(n -> n.contains(ip)))
                    && selector.map(s -> labels.map(s::matches).orElse(false)).orElse(true)
                    && tag.map(s -> labels.map(s::matches).orElse(false)).orElse(true)
                    && (match.ports().isEmpty() || inPorts(match.ports(), port));
        }
        return sameFamily.stream().noneMatch(n -> n.contains(ip))
                && selector.map(s -> !labels.map(s::matches).orElse(false)).orElse(true)
                && tag.map(s -> !labels.map(s::matches).orElse(false)).orElse(true)
                && (match.ports().isEmpty() || !inPorts(match.ports(), port));
    }

    private static boolean inPorts(List<RulePort> ports, int port) {
        return ports.stream().anyMatch(p -> p.name() == null && p.min() <= port && port <= p.max());
    }

    private static int number(Protocol protocol) {
        return protocol.number() != null ? protocol.number() : protocolNumber(protocol.name());
    }
}
