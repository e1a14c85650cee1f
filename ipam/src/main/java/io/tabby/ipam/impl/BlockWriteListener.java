package io.tabby.ipam.impl;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;

/** Told of each block this process wrote, so that cached copies follow without a read. */
@FunctionalInterface
interface BlockWriteListener {

    /** Nobody listens. */
    BlockWriteListener NONE = (cidr, block, revision) -> { };

    /**
     * @param block the block as written; {@code null} when it was deleted
     * @param revision the revision of the transaction that wrote it
     */
    void written(Cidr cidr, AllocationBlock block, long revision);
}
