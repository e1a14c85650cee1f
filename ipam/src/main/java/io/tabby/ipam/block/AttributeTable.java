package io.tabby.ipam.block;

import io.tabby.datastore.model.AllocationAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A block's {@code attributes} list being edited: find-or-add a shared entry, drop unused ones. */
final class AttributeTable {

    private final List<AllocationAttribute> entries;

    AttributeTable(List<AllocationAttribute> entries) {
        this.entries = new ArrayList<>(entries);
    }

    /** The index of the entry for {@code handleId} + {@code secondary}, adding one at the end if none matches. */
    int indexFor(String handleId, Map<String, String> secondary) {
        for (int i = 0; i < entries.size(); i++) {
            AllocationAttribute entry = entries.get(i);
            if (Objects.equals(entry.handleId(), handleId) && sameSecondary(entry.secondary(), secondary)) {
                return i;
            }
        }
        entries.add(new AllocationAttribute(handleId, secondary));
        return entries.size() - 1;
    }

    /**
     * Removes every entry no slot of {@code allocations} points at and rewrites the slots to the
     * compacted indices, keeping the surviving entries in their order (as Calico does).
     */
    void compact(List<Integer> allocations) {
        boolean[] used = new boolean[entries.size()];
        for (Integer index : allocations) {
            if (index != null && index < used.length) {
                used[index] = true;
            }
        }
        Map<Integer, Integer> renumber = new HashMap<>();
        List<AllocationAttribute> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (used[i]) {
                renumber.put(i, kept.size());
                kept.add(entries.get(i));
            }
        }
        for (int slot = 0; slot < allocations.size(); slot++) {
            Integer index = allocations.get(slot);
            if (index != null) {
                allocations.set(slot, renumber.getOrDefault(index, index));
            }
        }
        entries.clear();
        entries.addAll(kept);
    }

    List<AllocationAttribute> entries() {
        return List.copyOf(entries);
    }

    private static boolean sameSecondary(Map<String, String> a, Map<String, String> b) {
        Map<String, String> left = a == null ? Map.of() : a;
        Map<String, String> right = b == null ? Map.of() : b;
        return left.equals(right);
    }
}
