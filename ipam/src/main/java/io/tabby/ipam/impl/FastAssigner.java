package io.tabby.ipam.impl;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.block.Allocation;
import io.tabby.ipam.block.BlockAddresses;
import io.tabby.ipam.block.BlockAllocator;
import io.tabby.ipam.impl.NodeSnapshot.CachedBlock;
import io.tabby.ipam.impl.NodeSnapshot.CachedPool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The common case of an assignment in one etcd round trip: a new handle whose addresses all fit
 * in one confirmed affine block per family of the node, decided on the node's cached
 * {@link NodeSnapshot}. The one transaction writes the blocks at their cached revisions and
 * creates the handle, and commits only while every other key the decision rested on is unchanged:
 * each block's affinity key, the pool holding it (and every pool the request names), and the
 * node's metadata (its labels drive pools' node selectors). So a stale snapshot costs a retry,
 * never an address handed out twice, a block written after it was stolen or released, or a write
 * into a pool that was deleted, disabled or stopped selecting the node. When the node's affine
 * blocks are full, {@link FastClaimer} claims the next block first (as the full algorithm would)
 * and the snapshot takes it as created, so filling a block costs no reads either. When the
 * snapshot cannot serve the request (no room and no claim, a named pool unusable, pending
 * affinities, an existing handle) the caller runs the full algorithm, which also reports errors.
 */
final class FastAssigner {

    /** Reloads of the snapshot after a lost transaction, before leaving the request to the full algorithm. */
    static final int MAX_ATTEMPTS = 3;
    /** New blocks one request may claim here (one per family), before leaving it to the full algorithm. */
    static final int MAX_CLAIMS = 2;

    private static final Logger LOG = LogManager.getLogger(FastAssigner.class);

    private final IpamStore store;
    private final NodeSnapshots snapshots;
    private final FastClaimer claimer;
    private final Checkpoint checkpoint;

    FastAssigner(IpamStore store, NodeSnapshots snapshots, FastClaimer claimer, Checkpoint checkpoint) {
        this.store = store;
        this.snapshots = snapshots;
        this.claimer = claimer;
        this.checkpoint = checkpoint;
    }

    /** The request's addresses, or empty when the full algorithm must run. */
    Optional<AssignResult> tryAssign(AssignRequest request) {
        int losses = 0;
        int claims = 0;
        // each round ends the loop, loses a transaction or claims a block: both bounded
        for (int round = 0; round < MAX_ATTEMPTS + MAX_CLAIMS && losses < MAX_ATTEMPTS; round++) {
            NodeSnapshot snapshot = snapshots.get(request.node());
            switch (plan(request, snapshot)) {
                case Decision.Unservable _ -> {
                    return Optional.empty();
                }
                case Decision.NeedsBlock needs -> {
                    if (claims++ >= MAX_CLAIMS) {
                        return Optional.empty();
                    }
                    switch (claimer.claim(request.node(), needs.family(), needs.want(), needs.usable(), snapshot)) {
                        case FastClaimer.Outcome.Claimed _ -> { } // the snapshot holds the new block now
                        case FastClaimer.Outcome.Stale _ -> {
                            losses++;
                            snapshots.forget(request.node(), snapshot);
                        }
                        case FastClaimer.Outcome.Declined _ -> {
                            return Optional.empty();
                        }
                    }
                }
                case Decision.Ready(Plan plan) -> {
                    try {
                        long revision = store.commit(plan.ops());
                        for (Allocation allocation : plan.allocations()) {
                            snapshots.blockWritten(allocation.block().cidr(), allocation.block(), revision);
                        }
                        checkpoint.reached("block-assigned");
                        return Optional.of(plan.result());
                    } catch (AlreadyExistsException e) {
                        if (e.key().equals(new IpamHandleKey(request.handleId()).path())) {
                            return Optional.empty(); // the handle has addresses already: the full algorithm adds to it
                        }
                        lost(request, snapshot, e, ++losses);
                    } catch (RevisionConflictException | NotFoundException e) {
                        lost(request, snapshot, e, ++losses);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void lost(AssignRequest request, NodeSnapshot snapshot, RuntimeException e, int attempt) {
        LOG.debug("assignment for handle {} on node {} lost on {} (attempt {}); reloading",
                request.handleId(), request.node(), e.getMessage(), attempt);
        snapshots.forget(request.node(), snapshot);
    }

    private record Plan(List<TxnOp> ops, List<Allocation> allocations, AssignResult result) {}

    /** What the snapshot can do for a request. */
    private sealed interface Decision {
        /** One transaction serves it. */
        record Ready(Plan plan) implements Decision {}

        /** No cached affine block of {@code family} has room for {@code want}: the next step is a claim. */
        record NeedsBlock(IpFamily family, int want, List<CachedPool> usable) implements Decision {}

        /** Only the full algorithm can serve it (or say why not). */
        record Unservable() implements Decision {}
    }

    private Decision plan(AssignRequest request, NodeSnapshot snapshot) {
        List<TxnOp> ops = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        Map<IpFamily, List<IpAddr>> addresses = new EnumMap<>(IpFamily.class);
        Map<Cidr, Integer> counts = new HashMap<>();
        for (IpFamily family : IpFamily.values()) {
            int want = request.count(family);
            addresses.put(family, new ArrayList<>());
            if (want == 0) {
                continue;
            }
            Optional<List<CachedPool>> usable = usablePools(request, family, snapshot, ops);
            if (usable.isEmpty()) {
                return new Decision.Unservable();
            }
            Optional<Allocation> allocation = allocate(request, family, want, usable.get(), snapshot, ops);
            if (allocation.isEmpty()) {
                return new Decision.NeedsBlock(family, want, usable.get());
            }
            Allocation got = allocation.get();
            allocations.add(got);
            counts.put(got.block().cidr(), got.ordinals().size());
            for (int ordinal : got.ordinals()) {
                addresses.get(family).add(BlockAddresses.addressOf(got.block(), ordinal));
            }
        }
        if (allocations.isEmpty()) {
            return new Decision.Unservable();
        }
        ops.add(TxnOp.unchanged(new HostMetadataKey(request.node()).path(), snapshot.metadataRevision()));
        ops.add(store.create(new IpamHandleKey(request.handleId()), IpamHandle.of(counts)));
        return new Decision.Ready(new Plan(ops, allocations,
                new AssignResult(addresses.get(IpFamily.V4), addresses.get(IpFamily.V6))));
    }

    /**
     * The pools the request may use, as {@link PoolSelection#usable} picks them; empty when that
     * would fail (the full algorithm then says why). Named pools are checked unchanged in the txn.
     */
    private static Optional<List<CachedPool>> usablePools(AssignRequest request, IpFamily family,
            NodeSnapshot snapshot, List<TxnOp> ops) {
        List<Cidr> requested = request.pools(family);
        List<CachedPool> usable = new ArrayList<>();
        for (CachedPool cached : snapshot.pools()) {
            IpPool pool = cached.pool();
            if (pool.cidr().family() != family) {
                continue;
            }
            boolean named = requested.contains(pool.cidr());
            if (!requested.isEmpty() && !named) {
                continue;
            }
            if (!PoolSelection.enabled(pool) || !selects(pool, snapshot)) {
                if (named) {
                    return Optional.empty();
                }
                continue;
            }
            usable.add(cached);
            if (named) {
                ops.add(TxnOp.unchanged(new IpPoolKey(pool.cidr()).path(), cached.modRevision()));
            }
        }
        if (usable.isEmpty() || (!requested.isEmpty() && usable.size() != requested.size())) {
            return Optional.empty();
        }
        return Optional.of(usable);
    }

    private static boolean selects(IpPool pool, NodeSnapshot snapshot) {
        try {
            return PoolNodeSelector.selects(pool, snapshot.labels());
        } catch (RuntimeException e) {
            return false; // the full algorithm reports the broken selector
        }
    }

    /** All {@code want} addresses from the first affine block of a usable pool that has room for them. */
    private Optional<Allocation> allocate(AssignRequest request, IpFamily family, int want,
            List<CachedPool> usable, NodeSnapshot snapshot, List<TxnOp> ops) {
        for (CachedBlock cached : snapshot.blocks().getOrDefault(family, List.of())) {
            if (cached.block().value().unallocated().size() < want) {
                continue; // a node's full blocks are most of its blocks: skip them before the pool lookup
            }
            Optional<CachedPool> pool = usable.stream()
                    .filter(p -> p.pool().cidr().contains(cached.cidr())).findFirst();
            if (pool.isEmpty()) {
                continue;
            }
            Allocation allocation = BlockAllocator.allocate(cached.block().value(), want, request.handleId(),
                    request.attributes());
            if (allocation.ordinals().size() < want) {
                continue;
            }
            BlockKey blockKey = new BlockKey(cached.cidr());
            ops.add(TxnOp.unchanged(new BlockAffinityKey(request.node(), cached.cidr()).path(),
                    cached.affinityRevision()));
            if (request.pools(family).isEmpty()) { // a named pool is checked already
                ops.add(TxnOp.unchanged(new IpPoolKey(pool.get().pool().cidr()).path(), pool.get().modRevision()));
            }
            ops.add(store.update(blockKey, allocation.block(), cached.block().modRevision()));
            return Optional.of(allocation);
        }
        return Optional.empty();
    }
}
