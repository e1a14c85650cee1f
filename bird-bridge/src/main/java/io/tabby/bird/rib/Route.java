package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AttributeSet;

/**
 * One path to a prefix as received from a peer.
 *
 * @param prefix the destination
 * @param pathId the ADD-PATH path identifier (RFC 7911), 0 without ADD-PATH
 * @param attributes the interned attribute set; an IPv4 route's next hop is its NEXT_HOP attribute
 * @param mpNextHop the MP_REACH_NLRI next hop (IPv6: 16 or 32 octets), empty for IPv4 NLRI
 * @param source the peer the route came from
 * @param arrival when the RIB accepted this path, as a counter (older is lower)
 * @param stale kept across a graceful restart of {@code source}, not yet re-announced
 */
public record Route(
        Prefix prefix, int pathId, AttributeSet attributes, Bytes mpNextHop, PeerInfo source, long arrival, boolean stale) {

    public Route {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(attributes, "attributes is null");
        requireNonNull(mpNextHop, "mpNextHop is null");
        requireNonNull(source, "source is null");
    }

    public AfiSafi family() {
        return Families.of(prefix);
    }

    /** The same route, marked stale. */
    public Route asStale() {
        return new Route(prefix, pathId, attributes, mpNextHop, source, arrival, true);
    }
}
