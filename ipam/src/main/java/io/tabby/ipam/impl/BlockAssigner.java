package io.tabby.ipam.impl;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.path.BlockKey;
import io.tabby.ipam.block.Allocation;
import io.tabby.ipam.block.BlockAddresses;
import io.tabby.ipam.block.BlockAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes free addresses from one existing block: read it, allocate, and write the block and the
 * handle's new count in one transaction that compares both revisions, so an allocation is never
 * stored without its handle.
 */
final class BlockAssigner {

    /** Whose blocks may be used. */
    enum Ownership {
        /** Only a block affine to the node. */
        AFFINE,
        /** Any block except one another node holds with strict affinity. */
        BORROW
    }

    private final IpamStore store;
    private final HandleOps handles;
    private final CasRetry retry;
    private final Checkpoint checkpoint;

    BlockAssigner(IpamStore store, CasRetry retry, Checkpoint checkpoint) {
        this.store = store;
        this.handles = new HandleOps(store);
        this.retry = retry;
        this.checkpoint = checkpoint;
    }

    /** Up to {@code count} addresses of block {@code cidr} for the handle; empty when the block cannot give any. */
    List<IpAddr> assign(Cidr cidr, int count, String handleId, Map<String, String> attributes, String node,
            Ownership ownership) {
        return assign(cidr, count, handleId, attributes, node, ownership, null);
    }

    /**
     * As {@link #assign(Cidr, int, String, Map, String, Ownership)}, with the first attempt on
     * {@code known} (the block as this process last wrote it; {@code null}: read it) instead of a
     * read. A stale {@code known} costs one lost write and a re-read.
     */
    List<IpAddr> assign(Cidr cidr, int count, String handleId, Map<String, String> attributes, String node,
            Ownership ownership, Versioned<AllocationBlock> known) {
        BlockKey key = new BlockKey(cidr);
        AtomicReference<Versioned<AllocationBlock>> first = new AtomicReference<>(known);
        List<IpAddr> assigned = retry.run(key.path(), () -> attempt(key,
                Optional.ofNullable(first.getAndSet(null)).or(() -> store.read(key)),
                count, handleId, attributes, node, ownership));
        if (!assigned.isEmpty()) {
            checkpoint.reached("block-assigned");
        }
        return assigned;
    }

    private List<IpAddr> attempt(BlockKey key, Optional<Versioned<AllocationBlock>> read, int count,
            String handleId, Map<String, String> attributes, String node, Ownership ownership) {
        if (read.isEmpty() || !usable(read.get().value(), node, ownership)) {
            return List.of();
        }
        Allocation allocation = BlockAllocator.allocate(read.get().value(), count, handleId, attributes);
        if (allocation.ordinals().isEmpty()) {
            return List.of();
        }
        List<TxnOp> ops = new ArrayList<>();
        ops.add(store.update(key, allocation.block(), read.get().modRevision()));
        handles.adjust(handleId, key.cidr(), allocation.ordinals().size()).ifPresent(ops::add);
        store.commit(ops);
        List<IpAddr> addresses = new ArrayList<>();
        for (int ordinal : allocation.ordinals()) {
            addresses.add(BlockAddresses.addressOf(allocation.block(), ordinal));
        }
        return addresses;
    }

    private static boolean usable(AllocationBlock block, String node, Ownership ownership) {
        if (Boolean.TRUE.equals(block.deleted())) {
            return false;
        }
        String owner = block.affineNode();
        return switch (ownership) {
            case AFFINE -> node.equals(owner);
            case BORROW -> node.equals(owner) || owner == null || !block.strictAffinity();
        };
    }
}
