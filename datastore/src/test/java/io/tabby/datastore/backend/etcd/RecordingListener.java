package io.tabby.datastore.backend.etcd;

import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A watch listener that records every call, for assertions. */
class RecordingListener implements WatchListener {

    final List<List<WatchEvent>> batches = new CopyOnWriteArrayList<>();
    final List<Long> progress = new CopyOnWriteArrayList<>();
    final List<DatastoreException> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvents(List<WatchEvent> events) {
        threads.add(Thread.currentThread().getName());
        batches.add(events);
    }

    @Override
    public void onProgress(long revision) {
        progress.add(revision);
    }

    @Override
    public void onError(DatastoreException error) {
        errors.add(error);
    }

    List<WatchEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
