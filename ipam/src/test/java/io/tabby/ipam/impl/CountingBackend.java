package io.tabby.ipam.impl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.testing.ForwardingBackend;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend that counts the requests an etcd client would send: reads and transactions. */
final class CountingBackend extends ForwardingBackend {

    private final AtomicInteger requests = new AtomicInteger();

    CountingBackend(Backend delegate) {
        super(delegate);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        requests.incrementAndGet();
        return super.get(key);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        requests.incrementAndGet();
        return super.list(prefix, revision);
    }

    @Override
    public long commit(List<TxnOp> ops) {
        requests.incrementAndGet();
        return super.commit(ops);
    }
}
