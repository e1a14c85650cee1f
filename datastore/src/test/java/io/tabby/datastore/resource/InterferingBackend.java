package io.tabby.datastore.resource;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.testing.ForwardingBackend;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A backend (in memory unless given) where another writer can act just before a chosen commit. */
final class InterferingBackend extends ForwardingBackend {
    private final Deque<Runnable> beforeCommits = new ArrayDeque<>();

    InterferingBackend() {
        this(new InMemoryBackend());
    }

    InterferingBackend(Backend store) {
        super(store);
    }

    /** Queues what the other writer does before the next commit not yet claimed ({@code null}: nothing). */
    void beforeCommit(Runnable interference) {
        beforeCommits.add(interference == null ? () -> { } : interference);
    }

    Backend store() {
        return delegate();
    }

    @Override
    public long commit(List<TxnOp> ops) {
        Runnable interference = beforeCommits.poll();
        if (interference != null) {
            interference.run();
        }
        return super.commit(ops);
    }
}
