package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Read-only questions about a block: is it empty, who owns an ordinal, how many per handle. */
public final class BlockQueries {

    private BlockQueries() {}

    /** True when no ordinal is allocated. */
    public static boolean isEmpty(AllocationBlock block) {
        return requireNonNull(block, "block is null").allocations().stream().allMatch(Objects::isNull);
    }

    /** How many ordinals are free to allocate. */
    public static int freeCount(AllocationBlock block) {
        return requireNonNull(block, "block is null").unallocated().size();
    }

    /** The ordinals allocated to {@code handleId}, ascending. */
    public static List<Integer> ordinalsOf(AllocationBlock block, String handleId) {
        List<Integer> ordinals = new ArrayList<>();
        for (int ordinal = 0; ordinal < block.allocations().size(); ordinal++) {
            Optional<AllocationAttribute> owner = ownerOf(block, ordinal);
            if (owner.isPresent() && Objects.equals(owner.get().handleId(), handleId)) {
                ordinals.add(ordinal);
            }
        }
        return ordinals;
    }

    /** The allocated ordinals, ascending. */
    public static List<Integer> allocatedOrdinals(AllocationBlock block) {
        List<Integer> ordinals = new ArrayList<>();
        for (int ordinal = 0; ordinal < block.allocations().size(); ordinal++) {
            if (block.allocations().get(ordinal) != null) {
                ordinals.add(ordinal);
            }
        }
        return ordinals;
    }

    /**
     * The attribute entry of an allocated ordinal; empty when the ordinal is free. An index
     * past the end of {@code attributes} (a garbled block) reads as an entry with no handle.
     */
    public static Optional<AllocationAttribute> ownerOf(AllocationBlock block, int ordinal) {
        Integer index = block.allocations().get(ordinal);
        if (index == null) {
            return Optional.empty();
        }
        List<AllocationAttribute> attributes = block.attributesOrEmpty();
        return Optional.of(index < attributes.size() ? attributes.get(index) : new AllocationAttribute(null, null));
    }

    /** How many ordinals each handle holds in this block (allocations without a handle are left out). */
    public static Map<String, Integer> countsByHandle(AllocationBlock block) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int ordinal : allocatedOrdinals(block)) {
            String handle = ownerOf(block, ordinal).map(AllocationAttribute::handleId).orElse(null);
            if (handle != null) {
                counts.merge(handle, 1, Integer::sum);
            }
        }
        return counts;
    }
}
