package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Claims a block for a node with Calico v3's protocol: write the node's affinity as
 * {@code pending}, create the block (must not exist) affine to the node, then confirm the
 * affinity. When another node created the block first, the pending affinity is deleted again.
 * A crash between the steps leaves a pending affinity, which {@link DatastoreIpam} confirms when
 * the block is the node's and the checker removes otherwise.
 *
 * <p>In the usual case a claim is three round trips: the pending affinity is created without a
 * read first (a read follows only when one exists already), and the confirmation updates it at
 * the revision its creation returned. The caller may add guards to the block's creation:
 * compare-only ops on the keys its choice rested on, so a claim decided on a stale cache creates
 * nothing.
 */
final class BlockClaimer {

    /** How a claim ended. */
    sealed interface Result {
        /** The block is the node's, affinity confirmed: the block as created (or found) and the affinity's revision. */
        record Claimed(Versioned<AllocationBlock> block, long affinityRevision) implements Result {
            public Claimed {
                requireNonNull(block, "block is null");
            }
        }

        /** Another node holds the block. */
        record Taken() implements Result {}

        /** A guard failed: something the caller decided on has changed; nothing was claimed. */
        record Stale() implements Result {}
    }

    private static final Logger LOG = LogManager.getLogger(BlockClaimer.class);

    private final IpamStore store;
    private final CasRetry retry;
    private final Checkpoint checkpoint;

    BlockClaimer(IpamStore store, CasRetry retry, Checkpoint checkpoint) {
        this.store = store;
        this.retry = retry;
        this.checkpoint = checkpoint;
    }

    /** Claims {@code cidr} for {@code node}; never {@link Result.Stale} (no guards). */
    Result claim(Cidr cidr, String node, IpamConfig config) {
        return claim(cidr, node, config, List.of());
    }

    /**
     * Claims {@code cidr} for {@code node}, creating the block only while every op of
     * {@code guards} (compare-only, on keys other than the block and the affinity) holds.
     */
    Result claim(Cidr cidr, String node, IpamConfig config, List<TxnOp> guards) {
        BlockAffinityKey affinityKey = new BlockAffinityKey(node, cidr);
        BlockKey blockKey = new BlockKey(cidr);
        long pending = markPending(affinityKey);
        checkpoint.reached("affinity-pending");
        AllocationBlock fresh = AllocationBlock.empty(cidr, node);
        AllocationBlock block = new AllocationBlock(cidr, fresh.affinity(), config.strictAffinity(),
                fresh.allocations(), fresh.unallocated(), fresh.attributes(), fresh.deleted(), fresh.unknown());
        List<TxnOp> ops = new ArrayList<>();
        ops.add(store.create(blockKey, block));
        ops.addAll(guards);
        Versioned<AllocationBlock> created;
        try {
            created = new Versioned<>(block, store.commit(ops));
            checkpoint.reached("block-created");
        } catch (AlreadyExistsException e) {
            if (!e.key().equals(blockKey.path())) {
                return stale(affinityKey, e);
            }
            Optional<Versioned<AllocationBlock>> existing = store.read(blockKey);
            if (existing.isEmpty() || !node.equals(existing.get().value().affineNode())) {
                retry.run(affinityKey.path(), () -> dropPending(affinityKey));
                LOG.debug("block {} was claimed by another node before {}", cidr, node);
                return new Result.Taken();
            }
            created = existing.get();
        } catch (RevisionConflictException | NotFoundException e) {
            return stale(affinityKey, e);
        }
        long affinityRevision = confirm(affinityKey, pending);
        LOG.info("node {} claimed block {}", node, cidr);
        return new Result.Claimed(created, affinityRevision);
    }

    private Result stale(BlockAffinityKey affinityKey, RuntimeException why) {
        LOG.debug("claim of {} given up, a guard failed: {}", affinityKey.cidr(), why.getMessage());
        retry.run(affinityKey.path(), () -> dropPending(affinityKey));
        return new Result.Stale();
    }

    /**
     * Confirms {@code node}'s affinity for a block that exists and is affine to it.
     *
     * @return the affinity's mod revision once confirmed
     */
    long confirm(BlockAffinityKey affinityKey) {
        long revision = retry.run(affinityKey.path(), () -> {
            Optional<Versioned<BlockAffinity>> current = store.read(affinityKey);
            BlockAffinity confirmed = BlockAffinity.of(AffinityState.CONFIRMED);
            if (current.isEmpty()) {
                return store.commit(List.of(store.create(affinityKey, confirmed)));
            } else if (current.get().value().effectiveState() != AffinityState.CONFIRMED) {
                return store.commit(List.of(store.update(affinityKey, confirmed, current.get().modRevision())));
            }
            return current.get().modRevision();
        });
        checkpoint.reached("affinity-confirmed");
        return revision;
    }

    /** Confirms the affinity this claim marked pending at {@code pendingRevision}; re-reads only if it moved. */
    private long confirm(BlockAffinityKey affinityKey, long pendingRevision) {
        long revision;
        try {
            revision = store.commit(List.of(store.update(affinityKey, BlockAffinity.of(AffinityState.CONFIRMED),
                    pendingRevision)));
        } catch (RevisionConflictException | NotFoundException e) {
            return confirm(affinityKey);
        }
        checkpoint.reached("affinity-confirmed");
        return revision;
    }

    /** Marks the affinity pending; returns its mod revision. */
    private long markPending(BlockAffinityKey key) {
        BlockAffinity pending = BlockAffinity.of(AffinityState.PENDING);
        try {
            // the usual case: a node holds no affinity for a block it is about to claim
            return store.commit(List.of(store.create(key, pending)));
        } catch (AlreadyExistsException e) {
            LOG.debug("affinity {} exists already; reading it", key.path());
        }
        return retry.run(key.path(), () -> {
            Optional<Versioned<BlockAffinity>> current = store.read(key);
            if (current.isEmpty()) {
                return store.commit(List.of(store.create(key, pending)));
            } else if (current.get().value().effectiveState() != AffinityState.PENDING) {
                return store.commit(List.of(store.update(key, pending, current.get().modRevision())));
            }
            return current.get().modRevision();
        });
    }

    private Void dropPending(BlockAffinityKey key) {
        Optional<Versioned<BlockAffinity>> current = store.read(key);
        if (current.isPresent() && current.get().value().effectiveState() == AffinityState.PENDING) {
            store.commit(List.of(store.delete(key, current.get().modRevision())));
        }
        return null;
    }
}
