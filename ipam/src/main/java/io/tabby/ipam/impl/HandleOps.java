package io.tabby.ipam.impl;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.IpamHandleKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The conditional op that moves a handle's count for one block by a delta: create the handle on
 * its first address, update it with CAS, delete it when its last count reaches zero.
 */
final class HandleOps {

    private final IpamStore store;

    HandleOps(IpamStore store) {
        this.store = store;
    }

    /** The op adjusting {@code handleId}'s count in {@code block} by {@code delta}; empty when nothing changes. */
    Optional<TxnOp> adjust(String handleId, Cidr block, int delta) {
        IpamHandleKey key = new IpamHandleKey(handleId);
        Optional<Versioned<IpamHandle>> current = store.read(key);
        Map<Cidr, Integer> counts = new HashMap<>(current.map(v -> v.value().block()).orElse(Map.of()));
        int old = counts.getOrDefault(block, 0);
        int next = Math.max(0, old + delta);
        if (next == old) {
            return Optional.empty();
        }
        if (next == 0) {
            counts.remove(block);
        } else {
            counts.put(block, next);
        }
        if (current.isEmpty()) {
            return counts.isEmpty() ? Optional.empty() : Optional.of(store.create(key, IpamHandle.of(counts)));
        }
        long revision = current.get().modRevision();
        if (counts.isEmpty()) {
            return Optional.of(store.delete(key, revision));
        }
        IpamHandle previous = current.get().value();
        return Optional.of(store.update(key, new IpamHandle(counts, previous.deleted(), previous.unknown()), revision));
    }
}
