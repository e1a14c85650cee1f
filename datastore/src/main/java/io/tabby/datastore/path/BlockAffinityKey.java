package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;

/**
 * {@code /calico/ipam/v2/host/<node>/ipv4|ipv6/block/<cidr-dash>}: a node's claim on a block.
 *
 * @param node the node name
 * @param cidr the block's network
 */
public record BlockAffinityKey(String node, Cidr cidr) implements Key<BlockAffinity> {
    public BlockAffinityKey {
        Segments.requirePlain(node, "node name");
        requireNonNull(cidr, "cidr is null");
    }
}
