package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.store.KeyValueStore;
import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.SyncerCallbacks;
import io.tabby.datastore.syncer.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the syncer's updates into the {@link KeyValueStore} on the processor's owner thread, and
 * tells a {@link FeedListener} about them there. The syncer's thread only hands off, so a slow
 * render never stalls the watch.
 */
public final class StoreFeed implements SyncerCallbacks {
    private final Executor owner;
    private final KeyValueStore store;
    private final FeedListener listener;
    private final CountDownLatch firstInSync = new CountDownLatch(1);

    StoreFeed(Executor owner, KeyValueStore store, FeedListener listener) {
        this.owner = requireNonNull(owner, "owner is null");
        this.store = requireNonNull(store, "store is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public void onStatus(SyncStatus status) {
        requireNonNull(status, "status is null");
        owner.execute(() -> {
            switch (status) {
                case IN_SYNC -> {
                    listener.onInSync();
                    firstInSync.countDown();
                }
                case WAIT_FOR_DATASTORE, RESYNC -> listener.onOutOfSync();
            }
        });
    }

    @Override
    public void onUpdates(List<Update> updates) {
        List<Update> copy = List.copyOf(updates);
        owner.execute(() -> {
            store.applyAll(copy);
            List<String> keys = new ArrayList<>(copy.size());
            for (Update update : copy) {
                keys.add(update.key());
            }
            listener.onChanged(keys);
        });
    }

    /** Waits until the store first equals etcd (and the listener heard so); false on timeout. */
    public boolean awaitInSync(Duration timeout) throws InterruptedException {
        return firstInSync.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
