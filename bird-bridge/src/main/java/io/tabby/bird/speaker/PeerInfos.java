package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.wire.Bytes;
import java.net.Inet4Address;
import java.net.InetAddress;

/** The RIB's view of a configured peer, before a session and once one is up. */
final class PeerInfos {
    private PeerInfos() {
    }

    /** Before any session: router id unknown, no local address yet. */
    static PeerInfo initial(int id, BgpProtocol protocol) {
        return of(id, protocol, 0, 0, Bytes.EMPTY);
    }

    /**
     * For an Established session: the peer's identifier from its OPEN, and our end of the
     * connection as the address we give as next hop (next hop self, eBGP, our own routes).
     */
    static PeerInfo established(int id, BgpProtocol protocol, int peerRouterId, InetAddress local) {
        return local instanceof Inet4Address
                ? of(id, protocol, peerRouterId, SessionConfigs.ipv4(local), Bytes.EMPTY)
                : of(id, protocol, peerRouterId, 0, Bytes.of(local.getAddress()));
    }

    private static PeerInfo of(int id, BgpProtocol protocol, int routerId, int localIpv4, Bytes localIpv6) {
        return new PeerInfo(id, protocol.neighbor(), protocol.neighborAs(), routerId, protocol.internal(),
                protocol.rrClient(), protocol.nextHop() == BgpProtocol.NextHop.SELF, localIpv4, localIpv6);
    }
}
