package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.List;

/**
 * A handle with the addresses its blocks hold for it, as {@link Ipam#handles} lists them.
 *
 * @param handleId the handle id, e.g. {@code k8s-pod-network.<container id>}
 * @param allocations its addresses, sorted; empty when the handle key exists but no block holds
 *     anything for it (counts that went stale; {@code tabbyctl ipam check} reports them)
 */
public record HandleAllocations(String handleId, List<AllocatedAddress> allocations) {
    public HandleAllocations {
        requireNonNull(handleId, "handleId is null");
        allocations = List.copyOf(requireNonNull(allocations, "allocations is null"));
    }

    /** Just the addresses, sorted. */
    public List<IpAddr> addresses() {
        return allocations.stream().map(AllocatedAddress::address).toList();
    }
}
