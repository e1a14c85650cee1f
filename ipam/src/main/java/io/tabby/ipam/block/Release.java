package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import java.util.List;
import java.util.Map;

/**
 * The result of releasing ordinals of a block.
 *
 * @param block the block after the release
 * @param freed the ordinals that were allocated and are now free, in release order
 * @param notAllocated the ordinals asked for that were already free
 * @param freedPerHandle how many ordinals each handle lost (allocations without a handle are not counted)
 */
public record Release(AllocationBlock block, List<Integer> freed, List<Integer> notAllocated,
        Map<String, Integer> freedPerHandle) {
    public Release {
        requireNonNull(block, "block is null");
        freed = List.copyOf(requireNonNull(freed, "freed is null"));
        notAllocated = List.copyOf(requireNonNull(notAllocated, "notAllocated is null"));
        freedPerHandle = Map.copyOf(requireNonNull(freedPerHandle, "freedPerHandle is null"));
    }
}
