package io.tabby.ipam.impl;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
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
 */
final class BlockClaimer {

    /** How a claim ended. */
    enum Outcome {
        /** The block is the node's, affinity confirmed. */
        CLAIMED,
        /** Another node holds the block. */
        TAKEN
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

    Outcome claim(Cidr cidr, String node, IpamConfig config) {
        BlockAffinityKey affinityKey = new BlockAffinityKey(node, cidr);
        BlockKey blockKey = new BlockKey(cidr);
        retry.run(affinityKey.path(), () -> markPending(affinityKey));
        checkpoint.reached("affinity-pending");
        AllocationBlock fresh = AllocationBlock.empty(cidr, node);
        AllocationBlock block = new AllocationBlock(cidr, fresh.affinity(), config.strictAffinity(),
                fresh.allocations(), fresh.unallocated(), fresh.attributes(), fresh.deleted(), fresh.unknown());
        try {
            store.commit(List.of(store.create(blockKey, block)));
            checkpoint.reached("block-created");
        } catch (AlreadyExistsException e) {
            Optional<Versioned<AllocationBlock>> existing = store.read(blockKey);
            if (existing.isEmpty() || !node.equals(existing.get().value().affineNode())) {
                retry.run(affinityKey.path(), () -> dropPending(affinityKey));
                LOG.debug("block {} was claimed by another node before {}", cidr, node);
                return Outcome.TAKEN;
            }
        }
        confirm(affinityKey);
        LOG.info("node {} claimed block {}", node, cidr);
        return Outcome.CLAIMED;
    }

    /** Confirms {@code node}'s affinity for a block that exists and is affine to it. */
    void confirm(BlockAffinityKey affinityKey) {
        retry.run(affinityKey.path(), () -> {
            Optional<Versioned<BlockAffinity>> current = store.read(affinityKey);
            BlockAffinity confirmed = BlockAffinity.of(AffinityState.CONFIRMED);
            if (current.isEmpty()) {
                store.commit(List.of(store.create(affinityKey, confirmed)));
            } else if (current.get().value().effectiveState() != AffinityState.CONFIRMED) {
                store.commit(List.of(store.update(affinityKey, confirmed, current.get().modRevision())));
            }
            return null;
        });
        checkpoint.reached("affinity-confirmed");
    }

    private Void markPending(BlockAffinityKey key) {
        Optional<Versioned<BlockAffinity>> current = store.read(key);
        BlockAffinity pending = BlockAffinity.of(AffinityState.PENDING);
        if (current.isEmpty()) {
            store.commit(List.of(store.create(key, pending)));
        } else if (current.get().value().effectiveState() != AffinityState.PENDING) {
            store.commit(List.of(store.update(key, pending, current.get().modRevision())));
        }
        return null;
    }

    private Void dropPending(BlockAffinityKey key) {
        Optional<Versioned<BlockAffinity>> current = store.read(key);
        if (current.isPresent() && current.get().value().effectiveState() == AffinityState.PENDING) {
            store.commit(List.of(store.delete(key, current.get().modRevision())));
        }
        return null;
    }
}
