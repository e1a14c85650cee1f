package io.tabby.datastore.syncer;

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

/** Passes every call through and counts the reads a syncer makes, to catch busy loops. */
final class CountingBackend implements Backend {
    private final Backend delegate;
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger watches = new AtomicInteger();

    CountingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    int lists() {
        return lists.get();
    }

    int watches() {
        return watches.get();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return delegate.get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        lists.incrementAndGet();
        return delegate.list(prefix, revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        return delegate.create(key, value, leaseId);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return delegate.update(key, value, expectedModRevision);
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
    public long commit(List<TxnOp> ops) {
        return delegate.commit(ops);
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
        watches.incrementAndGet();
        return delegate.watch(prefix, fromRevision, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
