package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Releasing ordinals of a block, as Calico does: freed ordinals go to the end of {@code unallocated}. */
public final class BlockReleaser {

    private BlockReleaser() {}

    /** Frees {@code ordinals}; ordinals already free are reported in {@link Release#notAllocated()}. */
    public static Release release(AllocationBlock block, Collection<Integer> ordinals) {
        requireNonNull(block, "block is null");
        requireNonNull(ordinals, "ordinals is null");
        List<Integer> allocations = new ArrayList<>(block.allocations());
        List<AllocationAttribute> attributes = block.attributesOrEmpty();
        List<Integer> unallocated = new ArrayList<>(block.unallocated());
        List<Integer> freed = new ArrayList<>();
        List<Integer> notAllocated = new ArrayList<>();
        Map<String, Integer> perHandle = new TreeMap<>();
        for (int ordinal : new LinkedHashSet<>(ordinals)) {
            if (ordinal < 0 || ordinal >= allocations.size()) {
                throw new IllegalArgumentException("ordinal " + ordinal + " is outside block " + block.cidr());
            }
            Integer index = allocations.get(ordinal);
            if (index == null) {
                notAllocated.add(ordinal);
                continue;
            }
            String handle = index < attributes.size() ? attributes.get(index).handleId() : null;
            if (handle != null) {
                perHandle.merge(handle, 1, Integer::sum);
            }
            allocations.set(ordinal, null);
            if (!unallocated.contains(ordinal)) {
                unallocated.add(ordinal);
            }
            freed.add(ordinal);
        }
        if (freed.isEmpty()) {
            return new Release(block, freed, notAllocated, perHandle);
        }
        AttributeTable table = new AttributeTable(attributes);
        table.compact(allocations);
        AllocationBlock after = new AllocationBlock(block.cidr(), block.affinity(), block.strictAffinity(),
                allocations, unallocated, table.entries(), block.deleted(), block.unknown());
        return new Release(after, freed, notAllocated, perHandle);
    }

    /** Frees every ordinal whose attribute entry carries {@code handleId}. */
    public static Release releaseHandle(AllocationBlock block, String handleId) {
        requireNonNull(handleId, "handleId is null");
        return release(block, BlockQueries.ordinalsOf(block, handleId));
    }
}
