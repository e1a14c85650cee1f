package io.tabby.ipam.impl;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.ipam.impl.NodeSnapshot.CachedBlock;
import io.tabby.ipam.impl.NodeSnapshot.CachedPool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link NodeSnapshot} of each node this process assigns for: loaded from etcd on first use
 * and after a lost transaction, and kept current by this process's own block writes (assign and
 * release), so that a node's pod start after a pod stop still finds its block's revision.
 * Writes by others are not followed: they show up as a lost transaction and a reload.
 */
final class NodeSnapshots {

    private final IpamStore store;
    private final Map<String, NodeSnapshot> byNode = new ConcurrentHashMap<>();

    NodeSnapshots(IpamStore store) {
        this.store = store;
    }

    /** {@code node}'s snapshot, loaded when there is none. */
    NodeSnapshot get(String node) {
        NodeSnapshot cached = byNode.get(node);
        if (cached != null) {
            return cached;
        }
        NodeSnapshot loaded = load(node);
        byNode.put(node, loaded);
        return loaded;
    }

    /** Drops {@code node}'s snapshot if it is still {@code stale}. */
    void forget(String node, NodeSnapshot stale) {
        byNode.remove(node, stale);
    }

    /** Drops {@code node}'s snapshot: the full algorithm may have claimed or confirmed blocks. */
    void forget(String node) {
        byNode.remove(node);
    }

    /** Block {@code cidr} was written at {@code revision} by this process ({@code block} null: deleted). */
    void blockWritten(Cidr cidr, AllocationBlock block, long revision) {
        for (String node : byNode.keySet()) {
            byNode.computeIfPresent(node, (n, snapshot) -> snapshot.withBlock(cidr, block, revision));
        }
    }

    private NodeSnapshot load(String node) {
        List<CachedPool> pools = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            for (Versioned<IpPool> pool : store.versionedPools(family)) {
                pools.add(new CachedPool(pool.value(), pool.modRevision()));
            }
        }
        Optional<Versioned<HostMetadata>> metadata = store.read(new HostMetadataKey(node));
        Map<IpFamily, List<CachedBlock>> blocks = new EnumMap<>(IpFamily.class);
        for (IpFamily family : IpFamily.values()) {
            List<CachedBlock> affine = new ArrayList<>();
            for (Map.Entry<Cidr, Versioned<BlockAffinity>> entry : store.affinities(node, family).entrySet()) {
                BlockAffinity affinity = entry.getValue().value();
                if (affinity.isDeleted() || affinity.effectiveState() != AffinityState.CONFIRMED) {
                    continue;
                }
                Optional<Versioned<AllocationBlock>> block = store.read(new BlockKey(entry.getKey()));
                if (block.isPresent() && !Boolean.TRUE.equals(block.get().value().deleted())
                        && node.equals(block.get().value().affineNode())) {
                    affine.add(new CachedBlock(entry.getKey(), block.get(), entry.getValue().modRevision()));
                }
            }
            blocks.put(family, affine);
        }
        return new NodeSnapshot(pools, metadata.map(m -> m.value().labels()).orElse(Map.of()),
                metadata.map(Versioned::modRevision).orElse(0L), blocks);
    }
}
