package io.tabby.bench.ipam;

import static java.util.Objects.requireNonNull;

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
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Backend} that counts the requests it passes on to etcd, so the table can say how many
 * round trips one IPAM assign costs (the reason its rate sits where it does beside raw CAS).
 */
final class CountingBackend implements Backend {
    private final Backend delegate;
    private final LongAdder requests = new LongAdder();

    CountingBackend(Backend delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    long requests() {
        return requests.sum();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        requests.increment();
        return delegate.get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        requests.increment();
        return delegate.list(prefix, revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        requests.increment();
        return delegate.create(key, value, leaseId);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        requests.increment();
        return delegate.update(key, value, expectedModRevision);
    }

    @Override
    public long put(String key, String value, long leaseId) {
        requests.increment();
        return delegate.put(key, value, leaseId);
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        requests.increment();
        return delegate.delete(key, expectedModRevision);
    }

    @Override
    public long commit(List<TxnOp> ops) {
        requests.increment();
        return delegate.commit(ops);
    }

    @Override
    public long currentRevision() {
        requests.increment();
        return delegate.currentRevision();
    }

    @Override
    public Lease grantLease(Duration ttl) {
        requests.increment();
        return delegate.grantLease(ttl);
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        requests.increment();
        return delegate.keepAliveOnce(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
        requests.increment();
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
