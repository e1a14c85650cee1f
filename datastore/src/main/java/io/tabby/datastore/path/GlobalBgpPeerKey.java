package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;

/**
 * {@code /calico/bgp/v1/global/peer_v4|peer_v6/<ip>}: a BGP peer of every node.
 *
 * @param peerIp the peer's address; its family picks {@code peer_v4} or {@code peer_v6}
 */
public record GlobalBgpPeerKey(IpAddr peerIp) implements Key<BgpPeer> {
    public GlobalBgpPeerKey {
        requireNonNull(peerIp, "peerIp is null");
    }
}
