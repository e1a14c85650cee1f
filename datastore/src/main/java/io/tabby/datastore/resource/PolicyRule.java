package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Protocol;

/**
 * One v3 policy or profile rule ({@code ingress} / {@code egress} entry).
 *
 * @param action {@code Allow}, {@code Deny}, {@code Log} or {@code Pass}
 * @param ipVersion 4, 6 or null for both
 * @param protocol {@code TCP}, {@code UDP}, {@code ICMP}, {@code ICMPv6}, {@code SCTP},
 *     {@code UDPLite} or a number 1-255; null for any
 * @param icmp the ICMP type and code, or null
 * @param notProtocol a protocol the packet must not be, or null
 * @param notIcmp an ICMP type/code the packet must not be, or null
 * @param source what the packet's source must be
 * @param destination what the packet's destination must be
 */
public record PolicyRule(String action, Integer ipVersion, Protocol protocol, IcmpMatch icmp, Protocol notProtocol,
        IcmpMatch notIcmp, EntityRule source, EntityRule destination) {

    public static final String ALLOW = "Allow";
    public static final String DENY = "Deny";
    public static final String LOG = "Log";
    public static final String PASS = "Pass";

    public PolicyRule {
        requireNonNull(action, "action is null");
        requireNonNull(source, "source is null");
        requireNonNull(destination, "destination is null");
    }

    /** A rule with only an action. */
    public static PolicyRule of(String action) {
        return new PolicyRule(action, null, null, null, null, null, EntityRule.ANY, EntityRule.ANY);
    }
}
