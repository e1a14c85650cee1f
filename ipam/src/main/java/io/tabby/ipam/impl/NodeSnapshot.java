package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one node's assignment decided on, each key with the mod revision it was read at: the
 * pools, the node's labels (its metadata key, {@code 0} when absent), the IPAM config (its key,
 * {@code 0} when absent), and its confirmed affine blocks in CIDR order. Immutable; a write to a
 * block yields a new snapshot. A snapshot may be stale: whoever acts on it re-checks every
 * revision it used inside its write transaction.
 *
 * @param pools every pool of both families
 * @param labels the node's labels
 * @param metadataRevision the mod revision of the node's metadata key, {@code 0} when absent
 * @param config the IPAM config
 * @param configRevision the mod revision of the IPAM config key, {@code 0} when absent
 * @param pendingAffinities whether the node had pending affinities (a claim in flight or one a crash left):
 *     the full algorithm confirms and uses such a block before it claims a new one
 * @param blocks the node's blocks with a confirmed affinity, by family, in CIDR order
 */
record NodeSnapshot(List<CachedPool> pools, Map<String, String> labels, long metadataRevision, IpamConfig config,
        long configRevision, boolean pendingAffinities, Map<IpFamily, List<CachedBlock>> blocks) {

    NodeSnapshot {
        pools = List.copyOf(requireNonNull(pools, "pools is null"));
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(config, "config is null");
        blocks = Map.copyOf(requireNonNull(blocks, "blocks is null"));
    }

    /** A pool as read, with its key's mod revision. */
    record CachedPool(IpPool pool, long modRevision) {
        CachedPool {
            requireNonNull(pool, "pool is null");
        }
    }

    /** An affine block as read (or last written by this process), with its affinity key's mod revision. */
    record CachedBlock(Cidr cidr, Versioned<AllocationBlock> block, long affinityRevision) {
        CachedBlock {
            requireNonNull(cidr, "cidr is null");
            requireNonNull(block, "block is null");
        }
    }

    /**
     * This snapshot with block {@code cidr} as written at {@code revision} ({@code null}: deleted);
     * unchanged when it does not hold the block or already holds a newer version.
     */
    NodeSnapshot withBlock(Cidr cidr, AllocationBlock block, long revision) {
        List<CachedBlock> family = blocks.get(cidr.family());
        if (family == null) {
            return this;
        }
        List<CachedBlock> updated = new ArrayList<>(family.size());
        boolean changed = false;
        for (CachedBlock cached : family) {
            if (cached.cidr().equals(cidr) && cached.block().modRevision() < revision) {
                changed = true;
                if (block != null) {
                    updated.add(new CachedBlock(cidr, new Versioned<>(block, revision), cached.affinityRevision()));
                }
            } else {
                updated.add(cached);
            }
        }
        if (!changed) {
            return this;
        }
        Map<IpFamily, List<CachedBlock>> all = new EnumMap<>(blocks);
        all.put(cidr.family(), List.copyOf(updated));
        return new NodeSnapshot(pools, labels, metadataRevision, config, configRevision, pendingAffinities, all);
    }

    /** This snapshot with {@code claimed}, a block this process just claimed for the node, among its blocks. */
    NodeSnapshot withClaimed(CachedBlock claimed) {
        IpFamily family = claimed.cidr().family();
        List<CachedBlock> updated = new ArrayList<>();
        for (CachedBlock cached : blocks.getOrDefault(family, List.of())) {
            if (!cached.cidr().equals(claimed.cidr())) {
                updated.add(cached);
            }
        }
        updated.add(claimed);
        updated.sort((a, b) -> CidrOrder.INSTANCE.compare(a.cidr(), b.cidr()));
        Map<IpFamily, List<CachedBlock>> all = new EnumMap<>(IpFamily.class);
        all.putAll(blocks);
        all.put(family, List.copyOf(updated));
        return new NodeSnapshot(pools, labels, metadataRevision, config, configRevision, pendingAffinities, all);
    }
}
