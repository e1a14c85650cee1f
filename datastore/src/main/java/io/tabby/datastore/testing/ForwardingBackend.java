package io.tabby.datastore.testing;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Passes every call to another backend after {@link #beforeCall()}. Tests subclass it to observe,
 * refuse or interfere with what a component under test does to its store.
 */
public abstract class ForwardingBackend implements Backend {
    private final Backend delegate;

    protected ForwardingBackend(Backend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate is null");
    }

    /** Where calls go; a subclass may switch it. */
    protected Backend delegate() {
        return delegate;
    }

    /** Runs before every forwarded call; may throw to refuse it. */
    protected void beforeCall() {
    }

    @Override
    public Optional<KeyValue> get(String key) {
        beforeCall();
        return delegate().get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        beforeCall();
        return delegate().list(prefix, revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        beforeCall();
        return delegate().create(key, value, leaseId);
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        beforeCall();
        return delegate().update(key, value, expectedModRevision);
    }

    @Override
    public long put(String key, String value, long leaseId) {
        beforeCall();
        return delegate().put(key, value, leaseId);
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        beforeCall();
        return delegate().delete(key, expectedModRevision);
    }

    @Override
    public long commit(List<TxnOp> ops) {
        beforeCall();
        return delegate().commit(ops);
    }

    @Override
    public long currentRevision() {
        beforeCall();
        return delegate().currentRevision();
    }

    @Override
    public Lease grantLease(Duration ttl) {
        beforeCall();
        return delegate().grantLease(ttl);
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        beforeCall();
        return delegate().keepAliveOnce(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
        beforeCall();
        delegate().revokeLease(leaseId);
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        beforeCall();
        return delegate().watch(prefix, fromRevision, listener);
    }

    @Override
    public void close() {
        delegate().close();
    }
}
