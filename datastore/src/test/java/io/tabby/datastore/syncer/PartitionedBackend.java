package io.tabby.datastore.syncer;

import io.tabby.datastore.testing.ForwardingBackend;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's network partition from a real store, which keeps serving everyone else: while
 * cut, calls fail with {@link UnavailableException} and every watch handed out ends with one
 * error, exactly as a lost stream reports it. The store behind is untouched.
 */
final class PartitionedBackend extends ForwardingBackend {
    private final Set<CuttableWatch> watches = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    PartitionedBackend(Backend delegate) {
        super(delegate);
    }

    void cut() {
        cut = true;
        for (CuttableWatch watch : watches) {
            watch.fail();
        }
    }

    void heal() {
        cut = false;
    }

    @Override
    protected void beforeCall() {
        if (cut) {
            throw new UnavailableException("partitioned from etcd by the test");
        }
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        beforeCall();
        CuttableWatch watch = new CuttableWatch(listener);
        watches.add(watch);
        watch.attach(delegate().watch(prefix, fromRevision, watch));
        if (cut) {
            watch.fail();
        }
        return watch;
    }

    /** Forwards one watch until it is cut or closed; after either, nothing more reaches the listener. */
    private final class CuttableWatch implements WatchListener, WatchHandle {
        private final WatchListener listener;
        private volatile WatchHandle handle;
        private boolean done; // guarded by this

        CuttableWatch(WatchListener listener) {
            this.listener = listener;
        }

        void attach(WatchHandle handle) {
            this.handle = handle;
        }

        void fail() {
            synchronized (this) {
                if (!done) {
                    done = true;
                    listener.onError(new UnavailableException("partitioned from etcd by the test"));
                }
            }
            close(); // outside the lock: a client may wait for its callback thread on close
        }

        @Override
        public synchronized void onEvents(List<WatchEvent> events) {
            if (!done) {
                listener.onEvents(events);
            }
        }

        @Override
        public synchronized void onProgress(long revision) {
            if (!done) {
                listener.onProgress(revision);
            }
        }

        @Override
        public synchronized void onError(DatastoreException error) {
            if (!done) {
                done = true;
                listener.onError(error);
            }
        }

        @Override
        public void requestProgress() {
            WatchHandle h = handle;
            if (!cut && h != null) {
                h.requestProgress();
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            watches.remove(this);
            WatchHandle h = handle;
            if (h != null) {
                h.close();
            }
        }
    }
}
