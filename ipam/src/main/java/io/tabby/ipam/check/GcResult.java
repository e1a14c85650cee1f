package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import java.util.List;

/**
 * What node-removal GC did.
 *
 * @param node the removed node
 * @param releasedAddresses leaked addresses released
 * @param deletedBlocks the node's empty blocks, deleted
 * @param unownedBlocks the node's blocks still holding live addresses, kept without affinity
 * @param removedAffinities the node's affinities removed
 */
public record GcResult(String node, List<IpAddr> releasedAddresses, List<Cidr> deletedBlocks,
        List<Cidr> unownedBlocks, List<Cidr> removedAffinities) {
    public GcResult {
        requireNonNull(node, "node is null");
        releasedAddresses = List.copyOf(releasedAddresses);
        deletedBlocks = List.copyOf(deletedBlocks);
        unownedBlocks = List.copyOf(unownedBlocks);
        removedAffinities = List.copyOf(removedAffinities);
    }
}
