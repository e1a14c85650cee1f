package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Bytes;
import java.net.InetAddress;

/**
 * What the RIB needs to know about one BGP neighbour.
 *
 * @param id the RIB's handle for the peer, unique among peers, at least 1; 0 is the local speaker,
 *     the source of routes the RIB originates itself
 * @param address the neighbour's address (the last decision tie-breaker)
 * @param asn the neighbour's AS number
 * @param routerId the neighbour's BGP identifier from its OPEN (0 until known)
 * @param internal the neighbour is in our AS (iBGP)
 * @param routeReflectorClient we reflect routes to and from this iBGP neighbour (RFC 4456)
 * @param nextHopSelf routes sent to this neighbour carry our own address as next hop
 * @param localIpv4 our IPv4 address on this session, used as next hop (0 when there is none)
 * @param localIpv6 our IPv6 address on this session (16 octets), or empty when there is none
 */
public record PeerInfo(
        int id,
        InetAddress address,
        long asn,
        int routerId,
        boolean internal,
        boolean routeReflectorClient,
        boolean nextHopSelf,
        int localIpv4,
        Bytes localIpv6) {

    public PeerInfo {
        if (id < 0) {
            throw new IllegalArgumentException(
                    "peer id " + id + " is negative; neighbours take ids from 1 (0 is the local speaker)");
        }
        requireNonNull(address, "address is null");
        requireNonNull(localIpv6, "localIpv6 is null");
        if (asn < 0 || asn > 0xffffffffL) {
            throw new IllegalArgumentException("peer AS " + asn + " is outside 0..4294967295");
        }
        if (routeReflectorClient && !internal) {
            throw new IllegalArgumentException("peer " + address.getHostAddress()
                    + " is a route reflector client but not iBGP; only iBGP peers can be clients");
        }
        if (localIpv6.length() != 0 && localIpv6.length() != 16) {
            throw new IllegalArgumentException("local IPv6 address of peer " + address.getHostAddress()
                    + " has " + localIpv6.length() + " octets, not 16");
        }
    }

    /** The id of {@link #local}. */
    public static final int LOCAL_ID = 0;

    /** The local speaker as the source of originated routes (address 0.0.0.0, our router id). */
    public static PeerInfo local(long localAs, int routerId) {
        return new PeerInfo(LOCAL_ID, InetAddress.ofLiteral("0.0.0.0"), localAs, routerId, false, false, true, 0,
                Bytes.EMPTY);
    }

    /** Whether this is the local speaker rather than a neighbour. */
    public boolean isLocal() {
        return id == LOCAL_ID;
    }
}
