package io.tabby.datastore.syncer;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the consumer has been told, as key to mod revision: enough to send only the difference
 * after a re-list, and deletes for keys that vanished. Values are not kept; the consumer has them.
 * Owned by the syncer's thread.
 */
final class SyncCache {
    private static final long FORGOTTEN = -1; // no real mod revision is negative

    private final Map<String, Long> modRevisions = new HashMap<>();

    /**
     * Makes the cache equal to {@code snapshot} and returns the updates that take the consumer
     * there: changed or new keys (at their mod revision), then deletes (at the snapshot revision).
     */
    List<Update> resync(Snapshot snapshot) {
        List<Update> updates = new ArrayList<>();
        Map<String, Long> fresh = new HashMap<>();
        for (KeyValue kv : snapshot.kvs()) {
            fresh.put(kv.key(), kv.modRevision());
            Long known = modRevisions.get(kv.key());
            if (known == null || known != kv.modRevision()) {
                updates.add(new Update(kv.key(), kv.value(), kv.modRevision()));
            }
        }
        TreeSet<String> vanished = new TreeSet<>(modRevisions.keySet());
        vanished.removeAll(fresh.keySet());
        for (String key : vanished) {
            updates.add(new Update(key, null, snapshot.revision()));
        }
        modRevisions.clear();
        modRevisions.putAll(fresh);
        return updates;
    }

    /** Applies one watch event; empty when it changes nothing the consumer knows (a delete of an unknown key). */
    Optional<Update> apply(WatchEvent event) {
        return switch (event.type()) {
            case PUT -> {
                modRevisions.put(event.key(), event.revision());
                yield Optional.of(new Update(event.key(), event.value(), event.revision()));
            }
            case DELETE -> modRevisions.remove(event.key()) == null
                    ? Optional.empty()
                    : Optional.of(new Update(event.key(), null, event.revision()));
        };
    }

    /**
     * Keeps the keys but forgets their revisions, so the next {@link #resync} sends every key
     * again (and deletes for vanished ones): for a store whose revisions cannot be compared
     * with ours any more, such as one restored from a backup.
     */
    void forgetRevisions() {
        modRevisions.replaceAll((key, revision) -> FORGOTTEN);
    }

    int size() {
        return modRevisions.size();
    }
}
