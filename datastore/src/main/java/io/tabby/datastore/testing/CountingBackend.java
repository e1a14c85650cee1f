package io.tabby.datastore.testing;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a component asks of its store: {@link #requests()} is every call that would be one
 * round trip to etcd (reads, writes, transactions, revision and lease calls; a watch is a stream,
 * not a request), and {@link #lists()} and {@link #watches()} count those two alone, to catch
 * re-list and re-watch loops. Safe to share between threads.
 */
public final class CountingBackend extends ForwardingBackend {
    private final LongAdder calls = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder watches = new LongAdder();

    public CountingBackend(Backend delegate) {
        super(delegate);
    }

    public long requests() {
        // every forwarded call passes beforeCall once, a watch included
        return calls.sum() - watches.sum();
    }

    public long lists() {
        return lists.sum();
    }

    public long watches() {
        return watches.sum();
    }

    @Override
    protected void beforeCall() {
        calls.increment();
    }

    @Override
    public ListResult list(String prefix, long revision) {
        lists.increment();
        return super.list(prefix, revision);
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        watches.increment();
        return super.watch(prefix, fromRevision, listener);
    }
}
