package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;

/**
 * {@code /calico/bgp/v1/host/<node>/peer_v4|peer_v6/<ip>}: a BGP peer of one node.
 *
 * @param node the node name
 * @param peerIp the peer's address; its family picks {@code peer_v4} or {@code peer_v6}
 */
public record NodeBgpPeerKey(String node, IpAddr peerIp) implements Key<BgpPeer> {
    public NodeBgpPeerKey {
        Segments.requirePlain(node, "node name");
        requireNonNull(peerIp, "peerIp is null");
    }
}
