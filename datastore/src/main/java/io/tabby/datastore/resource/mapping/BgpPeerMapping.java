package io.tabby.datastore.resource.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.path.ResourceKey;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.format.DefaultNames;
import io.tabby.datastore.resource.format.GoDuration;
import io.tabby.datastore.resource.format.PeerAddress;
import io.tabby.datastore.resource.parse.InputReader;
import io.tabby.datastore.resource.render.V3Tree;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * BGPPeer to a v1 peer key and back: with a node, {@code /calico/bgp/v1/host/<node>/peer_v4|v6/<ip>};
 * without, {@code /calico/bgp/v1/global/peer_v4|v6/<ip>}; the JSON carries the port, source address,
 * next-hop and restart settings when set, and the name when it is not Tabby's default one. A peer
 * no v1 key can express (selectors, a password secret) is stored whole at
 * {@code /calico/resources/v3/projectcalico.org/bgppeers/<name>}.
 */
final class BgpPeerMapping {
    private static final Logger LOG = LogManager.getLogger(BgpPeerMapping.class);
    static final String PLURAL = ResourceKind.BGP_PEER.plural();

    private BgpPeerMapping() {
    }

    static boolean isPeerKey(Key<?> key) {
        return key instanceof GlobalBgpPeerKey || key instanceof NodeBgpPeerKey
                || key instanceof ResourceKey k && k.plural().equals(PLURAL);
    }

    static Entry<?> toEntry(BgpPeerResource resource, StoredEntries current) {
        BgpPeerSpec spec = resource.spec();
        if (spec.keptWhole()) {
            return Entry.of(ResourceKey.cluster(PLURAL, resource.name()), (JsonNode) V3Tree.of(resource, V3Tree.Purpose.STORAGE));
        }
        PeerAddress address = PeerAddress.parse(spec.peerIP()).orElseThrow();
        IpAddr ip = IpAddr.parse(address.ip().addressText());
        Key<BgpPeer> key = spec.node().isEmpty() ? new GlobalBgpPeerKey(ip) : new NodeBgpPeerKey(spec.node(), ip);
        Optional<BgpPeer> stored = current.get(key);
        // Not part of the v3 resource, but kept: a reflector's cluster id and a plain password
        // written by another tool.
        String clusterId = stored.map(BgpPeer::rrClusterId).orElse(null);
        String password = stored.map(BgpPeer::password).orElse(null);
        UnknownFields unknown = stored.map(BgpPeer::unknown).orElse(UnknownFields.NONE);
        BgpPeer peer = new BgpPeer(ip, spec.asNumber().map(AsNumber::value).orElse(0L), clusterId, password,
                spec.sourceAddress().isEmpty() ? null : spec.sourceAddress(),
                address.port() == 0 ? null : address.port(),
                spec.keepOriginalNextHop() ? Boolean.TRUE : null,
                spec.maxRestartTime().map(d -> GoDuration.decimal(d.toNanos(), 1_000_000_000L)).orElse(null),
                resource.name(), unknown);
        return Entry.of(key, peer);
    }

    static Optional<BgpPeerResource> fromEntry(Entry<?> entry) {
        Key<?> key = entry.key();
        if (key instanceof GlobalBgpPeerKey) {
            return Optional.of(fromPeer("", (BgpPeer) entry.value()));
        }
        if (key instanceof NodeBgpPeerKey k) {
            // a node agent's expansion of a selector-based BGPPeer: that BGPPeer is the resource
            BgpPeer peer = (BgpPeer) entry.value();
            return peer.expanded() ? Optional.empty() : Optional.of(fromPeer(k.node(), peer));
        }
        if (key instanceof ResourceKey k && k.plural().equals(PLURAL)) {
            return InputReader.readStored(KeyPaths.toPath(k), (JsonNode) entry.value())
                    .filter(BgpPeerResource.class::isInstance).map(BgpPeerResource.class::cast);
        }
        return Optional.empty();
    }

    private static BgpPeerResource fromPeer(String node, BgpPeer peer) {
        int port = peer.port() == null ? 0 : peer.port();
        String name = peer.hasDerivedName() ? DefaultNames.peer(node, peer.ip(), port) : peer.name();
        String address = port == 0 ? peer.ip().toString()
                : peer.ip().family().version() == 6 ? "[" + peer.ip() + "]:" + port : peer.ip() + ":" + port;
        Optional<AsNumber> as = peer.asNumber() == 0 ? Optional.empty() : Optional.of(new AsNumber(peer.asNumber()));
        BgpPeerSpec spec = new BgpPeerSpec(node, address, as, "", "", Boolean.TRUE.equals(peer.keepNextHop()),
                Optional.empty(), peer.sourceAddr() == null ? "" : peer.sourceAddr(), restartTime(peer));
        return new BgpPeerResource(ResourceMetadata.named(name), spec);
    }

    private static Optional<Duration> restartTime(BgpPeer peer) {
        if (peer.restartTime() == null || peer.restartTime().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofNanos(new BigDecimal(peer.restartTime().strip())
                    .multiply(BigDecimal.valueOf(1_000_000_000L)).longValueExact()));
        } catch (ArithmeticException | NumberFormatException e) {
            LOG.warn("ignoring restart_time {} of peer {}: not a number of seconds", peer.restartTime(), peer.ip());
            return Optional.empty();
        }
    }
}
