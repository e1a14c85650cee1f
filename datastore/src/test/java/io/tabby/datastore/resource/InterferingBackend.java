package io.tabby.datastore.resource;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import io.tabby.datastore.testing.InMemoryBackend;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A backend (in memory unless given) where another writer can act just before a chosen commit. */
final class InterferingBackend implements Backend {
    private final Backend store;
    private final Deque<Runnable> beforeCommits = new ArrayDeque<>();

    InterferingBackend() {
        this(new InMemoryBackend());
    }

    InterferingBackend(Backend store) {
        this.store = store;
    }

    /** Queues what the other writer does before the next commit not yet claimed ({@code null}: nothing). */
    void beforeCommit(Runnable interference) {
        beforeCommits.add(interference == null ? () -> { } : interference);
    }

    Backend store() {
        return store;
    }

    @Override
    public long commit(List<TxnOp> ops) {
        Runnable interference = beforeCommits.poll();
        if (interference != null) {
            interference.run();
        }
        return store.commit(ops);
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return store.get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        return store.list(prefix, revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        return store.create(key, value, leaseId);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return store.update(key, value, expectedModRevision);
    }

    @Override
    public long put(String key, String value, long leaseId) {
        return store.put(key, value, leaseId);
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        return store.delete(key, expectedModRevision);
    }

    @Override
    public long currentRevision() {
        return store.currentRevision();
    }

    @Override
    public Lease grantLease(Duration ttl) {
        return store.grantLease(ttl);
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        return store.keepAliveOnce(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
        store.revokeLease(leaseId);
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        return store.watch(prefix, fromRevision, listener);
    }

    @Override
    public void close() {
        store.close();
    }
}
