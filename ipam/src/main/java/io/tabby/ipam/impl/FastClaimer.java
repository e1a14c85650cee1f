package io.tabby.ipam.impl;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.ipam.impl.NodeSnapshot.CachedBlock;
import io.tabby.ipam.impl.NodeSnapshot.CachedPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The next step of an assignment when a node's cached affine blocks are all too full: claim a new
 * block, as the full algorithm would, without its reads. Only when the snapshot's affine blocks in
 * the usable pools are all full; the decision rests on the snapshot, so the block's creation is
 * guarded: it happens only while every one of those blocks is still at its cached revision
 * (still full: the full algorithm would not claim while one has room), and the pool, the node's
 * metadata and the IPAM config are unchanged. Which block: the first along the node's {@link BlockWalk} that the
 * process does not know to exist ({@link NodeSnapshots#knownBlocks}); a taken one is skipped.
 */
final class FastClaimer {

    /** Blocks tried per claim before the full algorithm takes over (it lists every block). */
    static final int MAX_CANDIDATES = 3;
    /**
     * Affine blocks the guard may compare: each is two compares, and etcd refuses a transaction
     * of more than 128 ({@code --max-txn-ops}); a node with more leaves claims to the full algorithm.
     */
    static final int MAX_GUARDED_BLOCKS = 48;

    private final BlockClaimer claimer;
    private final NodeSnapshots snapshots;

    FastClaimer(BlockClaimer claimer, NodeSnapshots snapshots) {
        this.claimer = claimer;
        this.snapshots = snapshots;
    }

    /** What a claim attempt came to. */
    sealed interface Outcome {
        /** The node has the new block, which its snapshot now holds. */
        record Claimed(CachedBlock block) implements Outcome {}

        /** Something the snapshot says has changed: reload it. */
        record Stale() implements Outcome {}

        /** Not for this path (config, limits, no candidate): the full algorithm decides. */
        record Declined() implements Outcome {}
    }

    /**
     * Claims a block of one of {@code usable} (the request's usable pools of {@code family}, in
     * order) for {@code node}, to hold {@code want} addresses.
     */
    Outcome claim(String node, IpFamily family, int want, List<CachedPool> usable, NodeSnapshot snapshot) {
        IpamConfig config = snapshot.config();
        if (!config.autoAllocateBlocks() || config.maxBlocksPerHost() > 0 || snapshot.pendingAffinities()) {
            return new Outcome.Declined();
        }
        Optional<List<TxnOp>> guards = guards(node, family, usable, snapshot);
        if (guards.isEmpty()) {
            return new Outcome.Declined();
        }
        Set<Cidr> known = snapshots.knownBlocks(family);
        int candidates = 0;
        for (CachedPool pool : usable) {
            int blockPrefix = PoolSelection.blockPrefix(pool.pool());
            if (BigInteger.ONE.shiftLeft(family.bits() - blockPrefix).compareTo(BigInteger.valueOf(want)) < 0) {
                continue; // one new block cannot hold the request
            }
            List<TxnOp> ops = new ArrayList<>(guards.get());
            ops.add(TxnOp.unchanged(new IpPoolKey(pool.pool().cidr()).path(), pool.modRevision()));
            Iterator<Cidr> walk = BlockWalk.blocksOf(pool.pool().cidr(), blockPrefix, node);
            while (walk.hasNext() && candidates < MAX_CANDIDATES) {
                Cidr candidate = walk.next();
                if (known.contains(candidate)) {
                    continue;
                }
                candidates++;
                switch (claimer.claim(candidate, node, config, ops)) {
                    case BlockClaimer.Result.Claimed claimed -> {
                        CachedBlock block = new CachedBlock(candidate, claimed.block(), claimed.affinityRevision());
                        snapshots.claimed(node, block);
                        return new Outcome.Claimed(block);
                    }
                    case BlockClaimer.Result.Taken _ -> snapshots.blockExists(candidate);
                    case BlockClaimer.Result.Stale _ -> {
                        return new Outcome.Stale();
                    }
                }
            }
            if (candidates >= MAX_CANDIDATES) {
                return new Outcome.Declined();
            }
        }
        // no free block as far as this process knows: the full algorithm lists them afresh
        snapshots.forgetKnownBlocks(family);
        return new Outcome.Declined();
    }

    /**
     * The compare-only ops the claim rests on, but for the pool's; empty when an affine block of
     * a usable pool has room left (the full algorithm would use it first) or there are too many.
     */
    private static Optional<List<TxnOp>> guards(String node, IpFamily family, List<CachedPool> usable,
            NodeSnapshot snapshot) {
        List<TxnOp> guards = new ArrayList<>();
        for (CachedBlock cached : snapshot.blocks().getOrDefault(family, List.of())) {
            if (usable.stream().anyMatch(pool -> pool.pool().cidr().contains(cached.cidr()))) {
                if (!cached.block().value().unallocated().isEmpty()) {
                    return Optional.empty(); // the full algorithm takes what room there is before it claims
                }
                guards.add(TxnOp.unchanged(new BlockKey(cached.cidr()).path(), cached.block().modRevision()));
            }
        }
        if (guards.size() > MAX_GUARDED_BLOCKS) {
            return Optional.empty();
        }
        guards.add(TxnOp.unchanged(new HostMetadataKey(node).path(), snapshot.metadataRevision()));
        guards.add(TxnOp.unchanged(new IpamConfigKey().path(), snapshot.configRevision()));
        return Optional.of(guards);
    }
}
