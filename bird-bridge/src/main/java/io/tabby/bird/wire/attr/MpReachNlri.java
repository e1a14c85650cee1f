package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Afi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;

/**
 * MP_REACH_NLRI (type 14, optional non-transitive, RFC 4760): reachable prefixes of one family and
 * their next hop. For IPv6 the next hop is 16 octets (global) or 32 (global then link-local); for
 * IPv4 it is 4. The family is that of {@code nlri}.
 * <pre>
 * +---------------------------------------------------------+
 * | AFI (2) | SAFI (1) | Next Hop Length (1) | Next Hop (var) |
 * +---------------------------------------------------------+
 * | Reserved (1) | NLRI (variable)                           |
 * +---------------------------------------------------------+
 * </pre>
 */
public record MpReachNlri(Bytes nextHop, PrefixList nlri) implements PathAttribute {
    public MpReachNlri {
        requireNonNull(nextHop, "nextHop is null");
        requireNonNull(nlri, "nlri is null");
        if (!validNextHopLength(nlri.family().afi(), nextHop.length())) {
            throw new IllegalArgumentException(
                    "a " + nextHop.length() + "-octet next hop is not valid for " + nlri.family());
        }
    }

    /** Next-hop lengths this codec accepts per AFI (no RFC 8950 IPv6 next hops for IPv4). */
    public static boolean validNextHopLength(Afi afi, int length) {
        return switch (afi) {
            case IPV4 -> length == 4;
            case IPV6 -> length == 16 || length == 32;
        };
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_REACH_NLRI;
    }
}
