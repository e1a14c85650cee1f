package io.tabby.felix.rules;

import io.tabby.datastore.model.IpFamily;
import java.util.Set;

/**
 * The ICMP protocol names of the two families. Calico's {@code ICMP} is IPv4 only and
 * {@code ICMPv6} IPv6 only: a rule naming one renders to nothing in the other family's table,
 * and {@code icmpv6} is spelled {@code ipv6-icmp} for ip6tables.
 */
final class IcmpNames {
    private static final Set<String> V4_ONLY = Set.of("icmp", "1");
    private static final Set<String> V6_ONLY = Set.of("icmpv6", "ipv6-icmp", "58");

    private IcmpNames() {}

    /** Whether {@code protocol} (lower case) is the ICMP of the other family than {@code family}. */
    static boolean otherFamily(String protocol, IpFamily family) {
        return switch (family) {
            case V4 -> V6_ONLY.contains(protocol);
            case V6 -> V4_ONLY.contains(protocol);
        };
    }

    /** The name iptables or ip6tables takes for {@code protocol}. */
    static String protocol(String protocol, IpFamily family) {
        return family == IpFamily.V6 && protocol.equals("icmpv6") ? "ipv6-icmp" : protocol;
    }
}
