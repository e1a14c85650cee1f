package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import java.util.List;

/**
 * The result of allocating from a block.
 *
 * @param block the block after the allocation
 * @param ordinals the ordinals allocated, in allocation order (may be fewer than asked when the block ran out)
 */
public record Allocation(AllocationBlock block, List<Integer> ordinals) {
    public Allocation {
        requireNonNull(block, "block is null");
        ordinals = List.copyOf(requireNonNull(ordinals, "ordinals is null"));
    }
}
