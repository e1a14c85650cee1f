package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Allocating ordinals of a block for a handle, as Calico's block allocator does. */
public final class BlockAllocator {

    private BlockAllocator() {}

    /**
     * Takes up to {@code count} free ordinals from the front of {@code unallocated} for
     * {@code handleId} with {@code secondary} attributes, sharing the attribute entry with
     * earlier allocations of the same handle and attributes.
     *
     * @param handleId the owning handle; null for an allocation without a handle
     * @param secondary the per-allocation attributes; null for none
     */
    public static Allocation allocate(AllocationBlock block, int count, String handleId,
            Map<String, String> secondary) {
        requireNonNull(block, "block is null");
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
        int take = Math.min(count, block.unallocated().size());
        if (take == 0) {
            return new Allocation(block, List.of());
        }
        List<Integer> ordinals = block.unallocated().subList(0, take);
        return new Allocation(write(block, ordinals, handleId, secondary,
                block.unallocated().subList(take, block.unallocated().size())), ordinals);
    }

    /**
     * Allocates the one ordinal {@code ordinal}.
     *
     * @throws IllegalStateException when the ordinal is already allocated
     */
    public static AllocationBlock assign(AllocationBlock block, int ordinal, String handleId,
            Map<String, String> secondary) {
        requireNonNull(block, "block is null");
        if (ordinal < 0 || ordinal >= block.allocations().size()) {
            throw new IllegalArgumentException("ordinal " + ordinal + " is outside block " + block.cidr());
        }
        if (block.allocations().get(ordinal) != null || !block.unallocated().contains(ordinal)) {
            throw new IllegalStateException("address " + BlockAddresses.addressOf(block, ordinal)
                    + " of block " + block.cidr() + " is already allocated");
        }
        List<Integer> rest = new ArrayList<>(block.unallocated());
        rest.remove(Integer.valueOf(ordinal));
        return write(block, List.of(ordinal), handleId, secondary, rest);
    }

    private static AllocationBlock write(AllocationBlock block, List<Integer> ordinals, String handleId,
            Map<String, String> secondary, List<Integer> remainingFree) {
        AttributeTable attributes = new AttributeTable(block.attributesOrEmpty());
        int index = attributes.indexFor(handleId, secondary);
        List<Integer> allocations = new ArrayList<>(block.allocations());
        for (int ordinal : ordinals) {
            allocations.set(ordinal, index);
        }
        return new AllocationBlock(block.cidr(), block.affinity(), block.strictAffinity(), allocations,
                remainingFree, attributes.entries(), block.deleted(), block.unknown());
    }
}
