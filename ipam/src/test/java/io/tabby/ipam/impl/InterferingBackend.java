package io.tabby.ipam.impl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.testing.ForwardingBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend whose every conditional update of a key under {@link #target} loses: just before the
 * transaction runs, another "writer" rewrites the key, so the compared revision is stale.
 */
final class InterferingBackend extends ForwardingBackend {

    private final String target;
    private final AtomicInteger interferences = new AtomicInteger();

    InterferingBackend(Backend delegate, String target) {
        super(delegate);
        this.target = target;
    }

    int interferences() {
        return interferences.get();
    }

    @Override
    public long commit(List<TxnOp> ops) {
        for (TxnOp op : ops) {
            if (op instanceof TxnOp.Update update && update.key().startsWith(target)) {
                delegate().get(update.key()).ifPresent(kv -> delegate().put(kv.key(), kv.value()));
                interferences.incrementAndGet();
            }
        }
        return super.commit(ops);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return commit(List.of(TxnOp.update(key, value, expectedModRevision)));
    }
}
