package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;

/**
 * {@code /calico/ipam/v2/assignment/ipv4|ipv6/block/<cidr-dash>}: an allocation block.
 *
 * @param cidr the block's network
 */
public record BlockKey(Cidr cidr) implements Key<AllocationBlock> {
    public BlockKey {
        requireNonNull(cidr, "cidr is null");
    }
}
