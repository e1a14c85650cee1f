package io.tabby.ctl;

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

/**
 * Hands one store to several tabbyctl runs: each run closes its backend at the end, which must
 * not end the store the test keeps inspecting. Counts the closes, so tests can check each run
 * released its connection.
 */
final class SharedBackend implements Backend {

    private final Backend store;
    private int closes;

    SharedBackend(Backend store) {
        this.store = requireNonNull(store, "store is null");
    }

    int closes() {
        return closes;
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
    public long commit(List<TxnOp> ops) {
        return store.commit(ops);
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
        closes++;
    }
}
