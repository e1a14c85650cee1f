package io.tabby.ipam.impl;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.path.BlockKey;
import io.tabby.ipam.block.BlockAddresses;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.block.BlockReleaser;
import io.tabby.ipam.block.Release;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Frees ordinals of one block and lowers the owning handles' counts in the same transaction. A
 * block left empty and affine to no node is deleted, as Calico does; an affine one stays for its
 * node to reuse.
 */
public final class AddressReleaser {

    private final IpamStore store;
    private final HandleOps handles;
    private final CasRetry retry;
    private final Checkpoint checkpoint;
    private final BlockWriteListener writes;

    public AddressReleaser(IpamStore store, CasRetry retry, Checkpoint checkpoint) {
        this(store, retry, checkpoint, BlockWriteListener.NONE);
    }

    AddressReleaser(IpamStore store, CasRetry retry, Checkpoint checkpoint, BlockWriteListener writes) {
        this.store = store;
        this.handles = new HandleOps(store);
        this.retry = retry;
        this.checkpoint = checkpoint;
        this.writes = writes;
    }

    /** Frees {@code ordinals} of block {@code cidr}; returns the addresses that were allocated and are now free. */
    List<IpAddr> releaseOrdinals(Cidr cidr, Collection<Integer> ordinals) {
        return release(cidr, block -> List.copyOf(ordinals));
    }

    /** Frees every ordinal {@code handleId} holds in block {@code cidr}. */
    List<IpAddr> releaseHandle(Cidr cidr, String handleId) {
        return release(cidr, block -> BlockQueries.ordinalsOf(block, handleId));
    }

    /**
     * Frees {@code ordinal} of block {@code cidr} only while it is still held by {@code handleId}
     * (null: held without a handle); the re-check inside the CAS loop keeps a repair from freeing
     * an address that was released and handed to someone else meanwhile.
     *
     * @return the address when it was freed, else empty
     */
    public Optional<IpAddr> releaseIfOwnedBy(Cidr cidr, int ordinal, String handleId) {
        List<IpAddr> freed = release(cidr, block -> BlockQueries.ownerOf(block, ordinal)
                .filter(owner -> Objects.equals(owner.handleId(), handleId))
                .map(owner -> List.of(ordinal))
                .orElse(List.of()));
        return freed.stream().findFirst();
    }

    private List<IpAddr> release(Cidr cidr, Function<AllocationBlock, List<Integer>> which) {
        BlockKey key = new BlockKey(cidr);
        List<IpAddr> freed = retry.run(key.path(), () -> attempt(key, which));
        if (!freed.isEmpty()) {
            checkpoint.reached("block-released");
        }
        return freed;
    }

    private List<IpAddr> attempt(BlockKey key, Function<AllocationBlock, List<Integer>> which) {
        Optional<Versioned<AllocationBlock>> read = store.read(key);
        if (read.isEmpty()) {
            return List.of();
        }
        Release release = BlockReleaser.release(read.get().value(), which.apply(read.get().value()));
        if (release.freed().isEmpty()) {
            return List.of();
        }
        AllocationBlock after = release.block();
        List<TxnOp> ops = new ArrayList<>();
        long revision = read.get().modRevision();
        boolean drop = BlockQueries.isEmpty(after) && after.affinity() == null;
        if (drop) {
            ops.add(store.delete(key, revision));
        } else {
            ops.add(store.update(key, after, revision));
        }
        for (Map.Entry<String, Integer> lost : release.freedPerHandle().entrySet()) {
            handles.adjust(lost.getKey(), key.cidr(), -lost.getValue()).ifPresent(ops::add);
        }
        long written = store.commit(ops);
        writes.written(key.cidr(), drop ? null : after, written);
        List<IpAddr> addresses = new ArrayList<>();
        for (int ordinal : release.freed()) {
            addresses.add(BlockAddresses.addressOf(after, ordinal));
        }
        return addresses;
    }
}
