package io.tabby.ipam.impl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend whose every conditional update of a key under {@link #target} loses: just before the
 * transaction runs, another "writer" rewrites the key, so the compared revision is stale.
 */
final class InterferingBackend implements Backend {

    private final Backend delegate;
    private final String target;
    private final AtomicInteger interferences = new AtomicInteger();

    InterferingBackend(Backend delegate, String target) {
        this.delegate = delegate;
        this.target = target;
    }

    int interferences() {
        return interferences.get();
    }

    @Override
    public long commit(List<TxnOp> ops) {
        for (TxnOp op : ops) {
            if (op instanceof TxnOp.Update update && update.key().startsWith(target)) {
                delegate.get(update.key()).ifPresent(kv -> delegate.put(kv.key(), kv.value()));
                interferences.incrementAndGet();
            }
        }
        return delegate.commit(ops);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return commit(List.of(TxnOp.update(key, value, expectedModRevision)));
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return delegate.get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        return delegate.list(prefix, revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        return delegate.create(key, value, leaseId);
    }

    @Override
    public long put(String key, String value, long leaseId) {
        return delegate.put(key, value, leaseId);
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        return delegate.delete(key, expectedModRevision);
    }

    @Override
    public long currentRevision() {
        return delegate.currentRevision();
    }

    @Override
    public Lease grantLease(Duration ttl) {
        return delegate.grantLease(ttl);
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        return delegate.keepAliveOnce(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
        delegate.revokeLease(leaseId);
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        return delegate.watch(prefix, fromRevision, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
