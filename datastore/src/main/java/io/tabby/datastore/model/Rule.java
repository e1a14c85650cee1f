package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A backend rule, an entry of {@code inbound_rules} / {@code outbound_rules}. Every field is
 * omitted when empty; JSON order: {@code action, ip_version, protocol, !protocol, icmp_type,
 * icmp_code, !icmp_type, !icmp_code}, the source, destination, negated-source and
 * negated-destination criteria, then {@code log_prefix}.
 *
 * @param action {@code action}: {@code allow}, {@code deny}, {@code log}, {@code next-tier}, or {@code ""}
 * @param ipVersion {@code ip_version}: 4, 6 or null
 * @param protocol {@code protocol}, or null
 * @param notProtocol {@code !protocol}, or null
 * @param icmpType {@code icmp_type}, or null
 * @param icmpCode {@code icmp_code}, or null
 * @param notIcmpType {@code !icmp_type}, or null
 * @param notIcmpCode {@code !icmp_code}, or null
 * @param src the {@code src_*} criteria
 * @param dst the {@code dst_*} criteria
 * @param notSrc the {@code !src_*} criteria
 * @param notDst the {@code !dst_*} criteria
 * @param logPrefix {@code log_prefix}, or {@code ""}
 * @param unknown fields Tabby does not model
 */
public record Rule(
        String action,
        Integer ipVersion,
        Protocol protocol,
        Protocol notProtocol,
        Integer icmpType,
        Integer icmpCode,
        Integer notIcmpType,
        Integer notIcmpCode,
        RuleMatch src,
        RuleMatch dst,
        RuleMatch notSrc,
        RuleMatch notDst,
        String logPrefix,
        UnknownFields unknown) {

    public Rule {
        requireNonNull(action, "action is null");
        if (ipVersion != null && ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException("ip version " + ipVersion + " is not 4 or 6");
        }
        requireNonNull(src, "src is null");
        requireNonNull(dst, "dst is null");
        requireNonNull(notSrc, "notSrc is null");
        requireNonNull(notDst, "notDst is null");
        requireNonNull(logPrefix, "logPrefix is null");
        requireNonNull(unknown, "unknown is null");
    }

    /** A rule with only an action, matching everything. */
    public static Rule of(String action) {
        return new Rule(action, null, null, null, null, null, null, null, RuleMatch.NONE, RuleMatch.NONE,
                RuleMatch.NONE, RuleMatch.NONE, "", UnknownFields.NONE);
    }
}
