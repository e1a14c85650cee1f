package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.Map;

/**
 * One allocated address with the attributes stored for it ({@link AllocationAttributes}).
 *
 * @param address the address
 * @param attributes the allocation's secondary attributes; empty when it has none
 */
public record AllocatedAddress(IpAddr address, Map<String, String> attributes) {
    public AllocatedAddress {
        requireNonNull(address, "address is null");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }
}
