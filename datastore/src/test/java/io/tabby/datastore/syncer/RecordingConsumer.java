package io.tabby.datastore.syncer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A syncer consumer that keeps the whole timeline (statuses and updates, in the order it was
 * told), the view those updates build, and which threads called it.
 */
final class RecordingConsumer implements SyncerCallbacks {
    private final List<Object> timeline = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(SyncStatus status) {
        threads.add(Thread.currentThread());
        timeline.add(status);
    }

    @Override
    public void onUpdates(List<Update> updates) {
        threads.add(Thread.currentThread());
        timeline.add(List.copyOf(updates));
    }

    /** Statuses and update batches ({@code List<Update>}) in the order they arrived. */
    List<Object> timeline() {
        return List.copyOf(timeline);
    }

    List<SyncStatus> statuses() {
        return timeline.stream().filter(SyncStatus.class::isInstance).map(SyncStatus.class::cast).toList();
    }

    SyncStatus lastStatus() {
        List<SyncStatus> statuses = statuses();
        return statuses.isEmpty() ? null : statuses.getLast();
    }

    List<Update> updates() {
        List<Update> updates = new ArrayList<>();
        for (Object entry : timeline) {
            if (entry instanceof List<?> batch) {
                batch.forEach(u -> updates.add((Update) u));
            }
        }
        return updates;
    }

    /** The consumer's view: every key's latest value, deleted keys gone. */
    Map<String, String> view() {
        Map<String, String> view = new TreeMap<>();
        for (Update update : updates()) {
            if (update.deleted()) {
                view.remove(update.key());
            } else {
                view.put(update.key(), update.value());
            }
        }
        return view;
    }

    Set<String> threadNames() {
        return threads.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
