package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The v3 {@code BGPPeer} spec.
 *
 * @param node the one node that peers; empty (with no {@code nodeSelector}) means every node
 * @param peerIP the peer's address, {@code IP} or {@code IP:port} ({@code [v6]:port} for IPv6)
 * @param asNumber the peer's AS; empty with {@code peerSelector} (the selected nodes' own AS is used)
 * @param nodeSelector the nodes that peer
 * @param peerSelector peer with every node this selects instead of {@code peerIP}
 * @param keepOriginalNextHop keep the next hop of routes sent to an eBGP peer
 * @param password the BGP session password, as a reference to a secret
 * @param sourceAddress {@code UseNodeIP} or {@code None}; empty if unset
 * @param maxRestartTime graceful-restart time
 */
public record BgpPeerSpec(
        String node,
        String peerIP,
        Optional<AsNumber> asNumber,
        String nodeSelector,
        String peerSelector,
        boolean keepOriginalNextHop,
        Optional<SecretKeyRef> password,
        String sourceAddress,
        Optional<Duration> maxRestartTime) {

    public static final String USE_NODE_IP = "UseNodeIP";
    public static final String NO_SOURCE_ADDRESS = "None";

    public BgpPeerSpec {
        requireNonNull(node, "node is null");
        requireNonNull(peerIP, "peerIP is null");
        requireNonNull(asNumber, "asNumber is null");
        requireNonNull(nodeSelector, "nodeSelector is null");
        requireNonNull(peerSelector, "peerSelector is null");
        requireNonNull(password, "password is null");
        requireNonNull(sourceAddress, "sourceAddress is null");
        requireNonNull(maxRestartTime, "maxRestartTime is null");
    }

    /** A peering of {@code node} (empty: every node) with {@code peerIP} in {@code asNumber}. */
    public static BgpPeerSpec of(String node, String peerIP, AsNumber asNumber) {
        return new BgpPeerSpec(node, peerIP, Optional.of(asNumber), "", "", false, Optional.empty(), "",
                Optional.empty());
    }

    /** True when the peering is defined by selectors rather than one node and one address. */
    public boolean usesSelectors() {
        return !nodeSelector.isEmpty() || !peerSelector.isEmpty();
    }

    /**
     * True when no v1 peer key can express this peering (selectors, or a password kept in a
     * secret): Tabby stores such a peer whole, as v3 JSON, and the node agent expands it.
     */
    public boolean keptWhole() {
        return usesSelectors() || password.isPresent();
    }

    /** {@code password.secretKeyRef}: the key in a named secret that holds the password. */
    public record SecretKeyRef(String name, String key) {
        public SecretKeyRef {
            requireNonNull(name, "name is null");
            requireNonNull(key, "key is null");
        }
    }
}
