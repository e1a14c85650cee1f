package io.tabby.datastore.backend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** A watch listener that keeps everything it is told, for assertions from the test thread. */
final class RecordingListener implements WatchListener {
    private final List<List<WatchEvent>> batches = new CopyOnWriteArrayList<>();
    private final List<Long> progress = new CopyOnWriteArrayList<>();
    private final List<DatastoreException> errors = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvents(List<WatchEvent> events) {
        threads.add(Thread.currentThread());
        batches.add(List.copyOf(events));
    }

    @Override
    public void onProgress(long revision) {
        threads.add(Thread.currentThread());
        progress.add(revision);
    }

    @Override
    public void onError(DatastoreException error) {
        threads.add(Thread.currentThread());
        errors.add(error);
    }

    List<List<WatchEvent>> batches() {
        return List.copyOf(batches);
    }

    List<WatchEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** Revisions whose events arrived in more than one batch (the contract allows none). */
    Set<Long> revisionsSplitAcrossBatches() {
        Map<Long, Integer> batchesPerRevision = new HashMap<>();
        for (List<WatchEvent> batch : batches) {
            batch.stream().map(WatchEvent::revision).distinct()
                    .forEach(rev -> batchesPerRevision.merge(rev, 1, Integer::sum));
        }
        Set<Long> split = new TreeSet<>();
        batchesPerRevision.forEach((rev, count) -> {
            if (count > 1) {
                split.add(rev);
            }
        });
        return split;
    }

    List<Long> progress() {
        return List.copyOf(progress);
    }

    long lastProgress() {
        return progress.isEmpty() ? -1 : progress.getLast();
    }

    List<DatastoreException> errors() {
        return List.copyOf(errors);
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }
}
