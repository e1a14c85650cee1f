package io.tabby.ipam.impl;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.ipam.impl.NodeSnapshot.CachedBlock;
import io.tabby.ipam.impl.NodeSnapshot.CachedPool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link NodeSnapshot} of each node this process assigns for: loaded from etcd on first use
 * and after a lost transaction, and kept current by this process's own block writes (assign,
 * claim and release), so that a node's pod start after a pod stop still finds its block's revision.
 * Writes by others are not followed: they show up as a lost transaction and a reload.
 *
 * <p>Also the CIDRs of the blocks known to exist, per family: where a claim need not try. Only a
 * hint, for the walk to a free block without listing every block: a block created elsewhere that
 * is not in it makes a claim find the block taken (its creation is conditional), and one deleted
 * since is skipped until the hint runs out of free candidates and is dropped, so that the full
 * algorithm lists the blocks afresh.
 */
final class NodeSnapshots {

    private final IpamStore store;
    private final Map<String, NodeSnapshot> byNode = new ConcurrentHashMap<>();
    private final Map<IpFamily, Set<Cidr>> knownBlocks = new ConcurrentHashMap<>();

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
        if (block == null) {
            Set<Cidr> known = knownBlocks.get(cidr.family());
            if (known != null) {
                known.remove(cidr);
            }
        }
        for (String node : byNode.keySet()) {
            byNode.computeIfPresent(node, (n, snapshot) -> snapshot.withBlock(cidr, block, revision));
        }
    }

    /** Block {@code claimed} was just claimed for {@code node} by this process. */
    void claimed(String node, CachedBlock claimed) {
        blockExists(claimed.cidr());
        byNode.computeIfPresent(node, (n, snapshot) -> snapshot.withClaimed(claimed));
    }

    /** The CIDRs of {@code family}'s blocks as far as this process knows (listed on first use). */
    Set<Cidr> knownBlocks(IpFamily family) {
        return knownBlocks.computeIfAbsent(family, f -> {
            Set<Cidr> known = ConcurrentHashMap.newKeySet();
            known.addAll(store.blockCidrs(f));
            return known;
        });
    }

    /** Block {@code cidr} exists. */
    void blockExists(Cidr cidr) {
        Set<Cidr> known = knownBlocks.get(cidr.family());
        if (known != null) {
            known.add(cidr);
        }
    }

    /** Drops the hint of {@code family}'s blocks: it is listed afresh on next use. */
    void forgetKnownBlocks(IpFamily family) {
        knownBlocks.remove(family);
    }

    private NodeSnapshot load(String node) {
        List<CachedPool> pools = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            for (Versioned<IpPool> pool : store.versionedPools(family)) {
                pools.add(new CachedPool(pool.value(), pool.modRevision()));
            }
        }
        Optional<Versioned<HostMetadata>> metadata = store.read(new HostMetadataKey(node));
        Optional<Versioned<IpamConfig>> config = store.read(new IpamConfigKey());
        boolean pending = false;
        Map<IpFamily, List<CachedBlock>> blocks = new EnumMap<>(IpFamily.class);
        for (IpFamily family : IpFamily.values()) {
            List<CachedBlock> affine = new ArrayList<>();
            for (Map.Entry<Cidr, Versioned<BlockAffinity>> entry : store.affinities(node, family).entrySet()) {
                BlockAffinity affinity = entry.getValue().value();
                if (affinity.isDeleted()) {
                    continue;
                }
                AffinityState state = affinity.effectiveState();
                if (state != AffinityState.CONFIRMED && state != AffinityState.PENDING) {
                    continue;
                }
                Optional<Versioned<AllocationBlock>> block = store.read(new BlockKey(entry.getKey()));
                boolean ours = block.isPresent() && node.equals(block.get().value().affineNode());
                if (state == AffinityState.PENDING) {
                    // a crashed claim of a block that is ours: the full algorithm confirms and uses it first
                    pending |= ours;
                } else if (ours && !Boolean.TRUE.equals(block.get().value().deleted())) {
                    affine.add(new CachedBlock(entry.getKey(), block.get(), entry.getValue().modRevision()));
                }
            }
            blocks.put(family, affine);
        }
        return new NodeSnapshot(pools, metadata.map(m -> m.value().labels()).orElse(Map.of()),
                metadata.map(Versioned::modRevision).orElse(0L),
                config.map(Versioned::value).orElse(IpamConfig.DEFAULT), config.map(Versioned::modRevision).orElse(0L),
                pending, blocks);
    }
}
