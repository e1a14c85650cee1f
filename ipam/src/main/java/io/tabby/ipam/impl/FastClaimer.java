package io.tabby.ipam.impl;

import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
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
 * guarded: it happens only while those blocks are still at their cached revisions (still full: the
 * full algorithm would not claim while one has room), and the pool, the node's metadata and the
 * IPAM config are unchanged. A node with more blocks than one transaction may compare has the rest
 * compared just before. Which block: the first along the node's {@link BlockWalk} that the process
 * does not know to exist ({@link NodeSnapshots#knownBlocks}); a taken one is skipped.
 */
final class FastClaimer {

    /** Blocks tried per claim before the full algorithm takes over (it lists every block). */
    static final int MAX_CANDIDATES = 3;
    /**
     * Affine blocks one transaction compares: each is two compares, and etcd refuses a transaction
     * of more than 128 ({@code --max-txn-ops}).
     */
    static final int MAX_GUARDED_BLOCKS = 48;

    private final IpamStore store;
    private final BlockClaimer claimer;
    private final NodeSnapshots snapshots;
    private final int maxGuardedBlocks;

    FastClaimer(IpamStore store, BlockClaimer claimer, NodeSnapshots snapshots) {
        this(store, claimer, snapshots, MAX_GUARDED_BLOCKS);
    }

    /** @param maxGuardedBlocks affine blocks compared by the claim itself (tests make it small) */
    FastClaimer(IpamStore store, BlockClaimer claimer, NodeSnapshots snapshots, int maxGuardedBlocks) {
        if (maxGuardedBlocks < 1) {
            throw new IllegalArgumentException("maxGuardedBlocks " + maxGuardedBlocks + " must be at least 1");
        }
        this.store = store;
        this.claimer = claimer;
        this.snapshots = snapshots;
        this.maxGuardedBlocks = maxGuardedBlocks;
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
        Optional<List<TxnOp>> full = fullBlocks(family, usable, snapshot);
        if (full.isEmpty()) {
            return new Outcome.Declined();
        }
        List<TxnOp> guards = new ArrayList<>(full.get());
        if (guards.size() > maxGuardedBlocks) {
            List<TxnOp> surplus = guards.subList(0, guards.size() - maxGuardedBlocks);
            if (!stillFull(surplus)) {
                return new Outcome.Stale();
            }
            surplus.clear();
        }
        guards.add(TxnOp.unchanged(new HostMetadataKey(node).path(), snapshot.metadataRevision()));
        guards.add(TxnOp.unchanged(new IpamConfigKey().path(), snapshot.configRevision()));
        Set<Cidr> known = snapshots.knownBlocks(family);
        int candidates = 0;
        for (CachedPool pool : usable) {
            int blockPrefix = PoolSelection.blockPrefix(pool.pool());
            if (BigInteger.ONE.shiftLeft(family.bits() - blockPrefix).compareTo(BigInteger.valueOf(want)) < 0) {
                continue; // one new block cannot hold the request
            }
            List<TxnOp> ops = new ArrayList<>(guards);
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
     * Whether the blocks {@code unchanged} compares are still at their cached revisions (still
     * full), checked in compare-only transactions just before the claim: blocks beyond what the
     * claim's own transaction may compare. No weaker than the full algorithm, whose reads, too,
     * see each block full at some moment before its claim rather than at the claim itself.
     */
    private boolean stillFull(List<TxnOp> unchanged) {
        try {
            for (int from = 0; from < unchanged.size(); from += maxGuardedBlocks) {
                store.commit(List.copyOf(unchanged.subList(from, Math.min(unchanged.size(), from + maxGuardedBlocks))));
            }
            return true;
        } catch (RevisionConflictException | NotFoundException e) {
            return false;
        }
    }

    /**
     * A compare-only op for each affine block of a usable pool at its cached revision; empty when
     * one has room left (the full algorithm would use it first).
     */
    private static Optional<List<TxnOp>> fullBlocks(IpFamily family, List<CachedPool> usable, NodeSnapshot snapshot) {
        List<TxnOp> guards = new ArrayList<>();
        for (CachedBlock cached : snapshot.blocks().getOrDefault(family, List.of())) {
            if (usable.stream().anyMatch(pool -> pool.pool().cidr().contains(cached.cidr()))) {
                if (!cached.block().value().unallocated().isEmpty()) {
                    return Optional.empty(); // the full algorithm takes what room there is before it claims
                }
                guards.add(TxnOp.unchanged(new BlockKey(cached.cidr()).path(), cached.block().modRevision()));
            }
        }
        return Optional.of(guards);
    }
}
