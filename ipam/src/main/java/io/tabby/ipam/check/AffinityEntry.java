package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.ipam.impl.Versioned;

/**
 * One affinity key as read.
 *
 * @param node the node of the key
 * @param block the block CIDR of the key
 * @param affinity the value and its mod revision
 */
public record AffinityEntry(String node, Cidr block, Versioned<BlockAffinity> affinity) {
    public AffinityEntry {
        requireNonNull(node, "node is null");
        requireNonNull(block, "block is null");
        requireNonNull(affinity, "affinity is null");
    }
}
