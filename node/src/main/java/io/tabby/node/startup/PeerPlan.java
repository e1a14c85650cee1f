package io.tabby.node.startup;

import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.selector.Selector;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Expands selector-based BGPPeers into one node's peer keys. A peer applies to the node when its
 * {@code node} names it, or its {@code nodeSelector} matches the node's labels; it then gives one
 * peer at {@code peerIP}, or, with {@code peerSelector}, one peer per other matching node at that
 * node's address and AS (its own, else the global one), carrying that node's route-reflector
 * cluster id. A node-to-node peering is configured at both ends, as calico/node does: a node the
 * {@code peerSelector} matches also peers with every other node the BGPPeer applies to, so one
 * BGPPeer ({@code nodeSelector: all()}, {@code peerSelector: has(route-reflector)}) gives the
 * reflectors their clients too. Every expanded peer carries the {@value #MARKER} field naming its BGPPeer, which is
 * how a later run tells its own keys from hand-written ones.
 */
final class PeerPlan {
    private static final Logger LOG = LogManager.getLogger(PeerPlan.class);
    static final String MARKER = BgpPeer.EXPANDED_FROM_FIELD;

    private PeerPlan() {
    }

    static Map<NodeBgpPeerKey, BgpPeer> expand(NodeResource self, List<BgpPeerResource> peers, List<NodeResource> nodes,
            AsNumber globalAs) {
        Map<NodeBgpPeerKey, BgpPeer> out = new LinkedHashMap<>();
        String me = self.name();
        for (BgpPeerResource peer : peers.stream().sorted(Comparator.comparing(BgpPeerResource::name)).toList()) {
            BgpPeerSpec spec = peer.spec();
            if (!spec.usesSelectors()) {
                continue;
            }
            if (!spec.peerSelector().isEmpty()
                    && Selector.parse(spec.peerSelector()).matches(self.metadata().labels())) {
                // the other end of a node-to-node peering: BGP needs both sides configured, so a
                // node that the peerSelector picks peers back with every node the BGPPeer applies to
                for (NodeResource other : nodes) {
                    if (!other.name().equals(me) && appliesTo(spec, other)) {
                        addNodePeer(out, me, peer.name(), spec, other, globalAs);
                    }
                }
            }
            if (!appliesTo(spec, self)) {
                continue;
            }
            if (!spec.peerSelector().isEmpty()) {
                Selector selector = Selector.parse(spec.peerSelector());
                for (NodeResource other : nodes) {
                    if (!other.name().equals(me) && selector.matches(other.metadata().labels())) {
                        addNodePeer(out, me, peer.name(), spec, other, globalAs);
                    }
                }
            } else if (!spec.peerIP().isEmpty() && spec.asNumber().isPresent()) {
                PeerAddress address = PeerAddress.parse(spec.peerIP());
                add(out, me, peer.name(), peerOf(spec, address.ip(), spec.asNumber().get().value(), null,
                        address.port(), peer.name()));
            } else {
                LOG.warn("BGPPeer {} has a nodeSelector but neither peerSelector nor peerIP with asNumber; "
                        + "it gives this node no peer", peer.name());
            }
        }
        return out;
    }

    /** A peer at each of {@code other}'s addresses, with its AS (else the global one) and cluster id. */
    private static void addNodePeer(Map<NodeBgpPeerKey, BgpPeer> out, String me, String from, BgpPeerSpec spec,
            NodeResource other, AsNumber globalAs) {
        Optional<NodeBgpSpec> bgp = other.spec().bgp();
        long as = bgp.flatMap(NodeBgpSpec::asNumber).orElse(globalAs).value();
        String clusterId = bgp.map(NodeBgpSpec::routeReflectorClusterID).filter(id -> !id.isEmpty()).orElse(null);
        for (String address : bgp.map(b -> List.of(b.ipv4Address(), b.ipv6Address())).orElse(List.of())) {
            if (!address.isEmpty()) {
                IpAddr ip = IpAddr.parse(address.contains("/") ? address.substring(0, address.indexOf('/')) : address);
                add(out, me, from, peerOf(spec, ip, as, clusterId, null, from));
            }
        }
    }

    private static boolean appliesTo(BgpPeerSpec spec, NodeResource self) {
        if (!spec.node().isEmpty()) {
            return spec.node().equals(self.name());
        }
        if (!spec.nodeSelector().isEmpty()) {
            return Selector.parse(spec.nodeSelector()).matches(self.metadata().labels());
        }
        return true;
    }

    private static void add(Map<NodeBgpPeerKey, BgpPeer> out, String node, String from, BgpPeer peer) {
        NodeBgpPeerKey key = new NodeBgpPeerKey(node, peer.ip());
        if (out.putIfAbsent(key, peer) != null) {
            LOG.debug("BGPPeer {} gives node {} peer {} again; the first BGPPeer by name wins", from, node, peer.ip());
        }
    }

    private static BgpPeer peerOf(BgpPeerSpec spec, IpAddr ip, long as, String clusterId, Integer port, String from) {
        return new BgpPeer(ip, as, clusterId, null,
                spec.sourceAddress().isEmpty() ? null : spec.sourceAddress(), port,
                spec.keepOriginalNextHop() ? Boolean.TRUE : null,
                spec.maxRestartTime().map(d -> Long.toString(d.toSeconds())).orElse(null), null,
                new UnknownFields(Map.of(MARKER, jsonString(from))));
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A {@code peerIP}: {@code IP}, {@code IP:port} or {@code [v6]:port}. */
    record PeerAddress(IpAddr ip, Integer port) {
        static PeerAddress parse(String text) {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                Integer port = text.startsWith("]:", close) ? Integer.valueOf(text.substring(close + 2)) : null;
                return new PeerAddress(IpAddr.parse(text.substring(1, close)), port);
            }
            int colon = text.indexOf(':');
            if (colon > 0 && colon == text.lastIndexOf(':')) {
                return new PeerAddress(IpAddr.parse(text.substring(0, colon)), Integer.valueOf(text.substring(colon + 1)));
            }
            return new PeerAddress(IpAddr.parse(text), null);
        }
    }
}
