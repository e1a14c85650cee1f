package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps this node's expanded peer keys ({@code /calico/bgp/v1/host/<node>/peer_v4|peer_v6/<ip>})
 * equal to what {@link PeerPlan} derives from the stored BGPPeers and nodes: creates and updates
 * them, removes the ones it wrote earlier that no longer apply, and never touches a hand-written
 * key (one without the marker), all in one compare-and-swap transaction.
 */
public final class PeerExpansion {
    private static final Logger LOG = LogManager.getLogger(PeerExpansion.class);
    private final Backend backend;
    private final ResourceClient resources;
    private final String node;

    public PeerExpansion(Backend backend, ResourceClient resources, String node) {
        this.backend = requireNonNull(backend, "backend is null");
        this.resources = requireNonNull(resources, "resources is null");
        this.node = requireNonNull(node, "node is null");
    }

    /** One reconcile; retried a few times when the keys change under it. */
    public void reconcile() {
        for (int attempt = 1; attempt <= NodeRegistration.ATTEMPTS; attempt++) {
            try {
                reconcileOnce();
                return;
            } catch (RevisionConflictException | AlreadyExistsException | NotFoundException e) {
                LOG.debug("node {} peer keys changed during expansion (attempt {}): {}", node, attempt, e.getMessage());
            }
        }
        LOG.warn("node {}: peer keys kept changing during {} expansion attempts; the next reconcile retries",
                node, NodeRegistration.ATTEMPTS);
    }

    private void reconcileOnce() {
        List<NodeResource> nodes = resources.list(ResourceKind.NODE).items().stream()
                .map(NodeResource.class::cast).toList();
        Optional<NodeResource> self = nodes.stream().filter(n -> n.name().equals(node)).findFirst();
        if (self.isEmpty()) {
            LOG.warn("node {} is not registered; no BGP peers expanded", node);
            return;
        }
        List<BgpPeerResource> peers = resources.list(ResourceKind.BGP_PEER).items().stream()
                .map(BgpPeerResource.class::cast).toList();
        Map<NodeBgpPeerKey, BgpPeer> wanted = PeerPlan.expand(self.get(), peers, nodes, resources.globalAsNumber());
        Map<String, KeyValue> ours = new HashMap<>();
        Map<String, KeyValue> handWritten = new HashMap<>();
        for (String family : List.of("peer_v4/", "peer_v6/")) {
            for (KeyValue kv : backend.list(KeyPaths.BGP + "host/" + node + "/" + family).kvs()) {
                if (isExpanded(kv)) {
                    ours.put(kv.key(), kv);
                } else {
                    handWritten.put(kv.key(), kv);
                }
            }
        }
        List<TxnOp> ops = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        wanted.forEach((key, peer) -> {
            String path = key.path();
            String value = ValueCodec.INSTANCE.encode(key, peer);
            if (handWritten.containsKey(path)) {
                LOG.info("node {}: {} is hand-written; leaving it instead of the BGPPeer expansion", node, path);
            } else if (!ours.containsKey(path)) {
                ops.add(TxnOp.create(path, value));
                changes.add("+" + peer.ip());
            } else if (!ours.get(path).value().equals(value)) {
                ops.add(TxnOp.update(path, value, ours.get(path).modRevision()));
                changes.add("~" + peer.ip());
            }
        });
        Set<String> wantedPaths = wanted.keySet().stream().map(NodeBgpPeerKey::path).collect(Collectors.toSet());
        for (KeyValue kv : ours.values()) {
            if (!wantedPaths.contains(kv.key())) {
                ops.add(TxnOp.delete(kv.key(), kv.modRevision()));
                changes.add("-" + kv.key().substring(kv.key().lastIndexOf('/') + 1));
            }
        }
        if (!ops.isEmpty()) {
            backend.commit(ops);
            LOG.info("node {}: expanded BGP peers changed {} ({} peer(s) from selectors)", node, changes, wanted.size());
        }
    }

    private static boolean isExpanded(KeyValue kv) {
        try {
            Key<?> key = KeyPaths.parse(kv.key());
            return key instanceof NodeBgpPeerKey k
                    && ValueCodec.INSTANCE.decode(k, kv.value()).unknown().fields().containsKey(PeerPlan.MARKER);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
