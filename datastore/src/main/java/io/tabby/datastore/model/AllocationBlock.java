package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An IPAM allocation block, the value at
 * {@code /calico/ipam/v2/assignment/ipv4|ipv6/block/<cidr>}. JSON field order:
 * {@code cidr, affinity, strictAffinity, allocations, unallocated, attributes, deleted}.
 *
 * <p>Reading converts the Python-era {@code hostAffinity: "<node>"} into
 * {@code affinity: "host:<node>"}, as Calico's readers do; it is never written back.
 *
 * @param cidr {@code cidr}
 * @param affinity {@code affinity}, {@code host:<node>}; null is written as JSON null
 * @param strictAffinity {@code strictAffinity}
 * @param allocations {@code allocations}: one slot per address, null when free, else an index
 *     into {@code attributes}; exactly {@link Cidr#size()} slots
 * @param unallocated {@code unallocated}: the free ordinals in allocation order (allocation
 *     takes from the front, release appends)
 * @param attributes {@code attributes}; null is written as JSON null (Calico's fresh blocks)
 * @param deleted {@code deleted} (Calico v3.10+ tombstone); null when absent
 * @param unknown fields Tabby does not model
 */
public record AllocationBlock(
        Cidr cidr,
        String affinity,
        boolean strictAffinity,
        List<Integer> allocations,
        List<Integer> unallocated,
        List<AllocationAttribute> attributes,
        Boolean deleted,
        UnknownFields unknown) {

    /** The prefix of {@link #affinity()} for a node affinity. */
    public static final String HOST_AFFINITY_PREFIX = "host:";

    public AllocationBlock {
        requireNonNull(cidr, "cidr is null");
        requireNonNull(allocations, "allocations is null");
        BigInteger size = cidr.size();
        if (BigInteger.valueOf(allocations.size()).compareTo(size) != 0) {
            throw new IllegalArgumentException(
                    "block " + cidr + " needs " + size + " allocation slots, got " + allocations.size());
        }
        for (Integer index : allocations) {
            if (index != null && index < 0) {
                throw new IllegalArgumentException("negative attribute index " + index + " in block " + cidr);
            }
        }
        // Copy keeping null slots (List.copyOf refuses nulls).
        allocations = Collections.unmodifiableList(new ArrayList<>(allocations));
        unallocated = List.copyOf(requireNonNull(unallocated, "unallocated is null"));
        for (int ordinal : unallocated) {
            if (ordinal < 0 || ordinal >= allocations.size()) {
                throw new IllegalArgumentException("unallocated ordinal " + ordinal + " is outside block " + cidr);
            }
        }
        attributes = attributes == null ? null : List.copyOf(attributes);
        requireNonNull(unknown, "unknown is null");
    }

    /**
     * A fresh block as Calico v3 writes one: every slot free, {@code unallocated} in order,
     * {@code attributes} null, not strict, not deleted.
     *
     * @param node the node the block is affine to, or null for none
     */
    public static AllocationBlock empty(Cidr cidr, String node) {
        int size = cidr.size().intValueExact();
        List<Integer> free = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            free.add(i);
        }
        String affinity = node == null ? null : HOST_AFFINITY_PREFIX + node;
        return new AllocationBlock(cidr, affinity, false, Collections.nCopies(size, null), free, null, false,
                UnknownFields.NONE);
    }

    /** The node of a {@code host:<node>} affinity, or null. */
    public String affineNode() {
        return affinity != null && affinity.startsWith(HOST_AFFINITY_PREFIX)
                ? affinity.substring(HOST_AFFINITY_PREFIX.length())
                : null;
    }

    /** The attributes, with a JSON null read as empty. */
    public List<AllocationAttribute> attributesOrEmpty() {
        return attributes == null ? List.of() : attributes;
    }
}
