package io.tabby.datastore.syncer;

import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchListener;
import java.util.List;
import java.util.Queue;

/** Hands one watch's signals to the syncer's queue and returns at once: no work on the client's thread. */
final class WatchForwarder implements WatchListener {
    private final long generation;
    private final Queue<SyncerCommand> queue;

    WatchForwarder(long generation, Queue<SyncerCommand> queue) {
        this.generation = generation;
        this.queue = queue;
    }

    @Override
    public void onEvents(List<WatchEvent> events) {
        queue.add(new SyncerCommand.WatchEvents(generation, List.copyOf(events)));
    }

    @Override
    public void onProgress(long revision) {
        queue.add(new SyncerCommand.WatchProgress(generation, revision));
    }

    @Override
    public void onError(DatastoreException error) {
        queue.add(new SyncerCommand.WatchFailed(generation, error));
    }
}
