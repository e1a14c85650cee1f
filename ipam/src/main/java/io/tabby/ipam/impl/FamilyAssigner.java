package io.tabby.ipam.impl;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.impl.BlockAssigner.Ownership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calico's auto-assign for one address family: the node's affine blocks, then newly claimed
 * blocks, then (unless affinity is strict) free addresses borrowed from other nodes' blocks.
 * Returns what it found, possibly fewer than asked; the caller decides what a shortfall means.
 */
final class FamilyAssigner {

    /** How many new blocks one request may try to claim before giving up on claiming. */
    static final int MAX_CLAIM_ATTEMPTS = CasRetry.DEFAULT_ATTEMPTS;

    private final IpamStore store;
    private final BlockAssigner assigner;
    private final BlockClaimer claimer;

    FamilyAssigner(IpamStore store, BlockAssigner assigner, BlockClaimer claimer) {
        this.store = store;
        this.assigner = assigner;
        this.claimer = claimer;
    }

    List<IpAddr> assign(AssignRequest request, IpFamily family, List<IpPool> pools, IpamConfig config) {
        int want = request.count(family);
        List<IpAddr> got = new ArrayList<>();
        fromAffineBlocks(request, family, pools, want, got);
        if (got.size() < want && config.autoAllocateBlocks()) {
            fromNewBlocks(request, family, pools, config, want, got);
        }
        if (got.size() < want && !config.strictAffinity()) {
            fromBorrowedBlocks(request, family, pools, want, got);
        }
        return got;
    }

    private void fromAffineBlocks(AssignRequest request, IpFamily family, List<IpPool> pools, int want,
            List<IpAddr> got) {
        String node = request.node();
        for (Map.Entry<Cidr, Versioned<BlockAffinity>> entry : store.affinities(node, family).entrySet()) {
            if (got.size() >= want) {
                return;
            }
            Cidr cidr = entry.getKey();
            if (!insideAny(cidr, pools) || !usableAffinity(node, cidr, entry.getValue().value())) {
                continue;
            }
            got.addAll(assigner.assign(cidr, want - got.size(), request.handleId(), request.attributes(), node,
                    Ownership.AFFINE));
        }
    }

    /** A confirmed affinity; a pending one left by a crashed claim is confirmed when its block is ours. */
    private boolean usableAffinity(String node, Cidr cidr, BlockAffinity affinity) {
        if (affinity.isDeleted()) {
            return false;
        }
        AffinityState state = affinity.effectiveState();
        if (state == AffinityState.CONFIRMED) {
            return true;
        }
        if (state != AffinityState.PENDING) {
            return false;
        }
        Optional<Versioned<AllocationBlock>> block = store.read(new BlockKey(cidr));
        if (block.isEmpty() || !node.equals(block.get().value().affineNode())) {
            return false;
        }
        claimer.confirm(new BlockAffinityKey(node, cidr));
        return true;
    }

    private void fromNewBlocks(AssignRequest request, IpFamily family, List<IpPool> pools, IpamConfig config,
            int want, List<IpAddr> got) {
        String node = request.node();
        int attempts = 0;
        for (IpPool pool : pools) {
            int blockPrefix = PoolSelection.blockPrefix(pool);
            Set<Cidr> existing = new HashSet<>(store.blockCidrs(family));
            Iterator<Cidr> walk = BlockWalk.blocksOf(pool.cidr(), blockPrefix, node);
            while (got.size() < want && walk.hasNext() && attempts < MAX_CLAIM_ATTEMPTS) {
                Cidr candidate = walk.next();
                if (existing.contains(candidate)) {
                    continue;
                }
                if (overMaxBlocks(node, family, config)) {
                    return;
                }
                attempts++;
                if (claimer.claim(candidate, node, config) instanceof BlockClaimer.Result.Claimed claimed) {
                    // the block as created: no read before the first write to it
                    got.addAll(assigner.assign(candidate, want - got.size(), request.handleId(),
                            request.attributes(), node, Ownership.AFFINE, claimed.block()));
                }
                existing.add(candidate);
            }
            if (got.size() >= want) {
                return;
            }
        }
    }

    private boolean overMaxBlocks(String node, IpFamily family, IpamConfig config) {
        return config.maxBlocksPerHost() > 0 && store.affinities(node, family).size() >= config.maxBlocksPerHost();
    }

    private void fromBorrowedBlocks(AssignRequest request, IpFamily family, List<IpPool> pools, int want,
            List<IpAddr> got) {
        String node = request.node();
        List<Cidr> inPools = new ArrayList<>();
        for (Map.Entry<Cidr, Versioned<AllocationBlock>> entry : store.blocks(family).entrySet()) {
            AllocationBlock block = entry.getValue().value();
            if (insideAny(entry.getKey(), pools) && !block.unallocated().isEmpty()) {
                inPools.add(entry.getKey());
            }
        }
        for (Cidr cidr : BlockWalk.rotated(inPools, node)) {
            if (got.size() >= want) {
                return;
            }
            got.addAll(assigner.assign(cidr, want - got.size(), request.handleId(), request.attributes(), node,
                    Ownership.BORROW));
        }
    }

    private static boolean insideAny(Cidr block, List<IpPool> pools) {
        return pools.stream().anyMatch(pool -> pool.cidr().contains(block));
    }
}
