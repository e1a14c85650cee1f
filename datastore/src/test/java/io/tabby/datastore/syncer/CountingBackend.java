package io.tabby.datastore.syncer;

import io.tabby.datastore.testing.ForwardingBackend;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the reads a syncer makes, to catch busy loops. */
final class CountingBackend extends ForwardingBackend {
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger watches = new AtomicInteger();

    CountingBackend(Backend delegate) {
        super(delegate);
    }

    int lists() {
        return lists.get();
    }

    int watches() {
        return watches.get();
    }

    @Override
    public ListResult list(String prefix, long revision) {
        lists.incrementAndGet();
        return super.list(prefix, revision);
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        watches.incrementAndGet();
        return super.watch(prefix, fromRevision, listener);
    }
}
