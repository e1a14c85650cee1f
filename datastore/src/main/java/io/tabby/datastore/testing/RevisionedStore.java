package io.tabby.datastore.testing;

import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.WatchEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * etcd's multi-version keyspace in memory: every key's history (so reads at a past revision
 * work), the log of events per revision (so watches can start in the past), and compaction of
 * both. Not thread-safe: {@link InMemoryBackend} guards it with its lock.
 */
final class RevisionedStore {

    /** The state of a key from {@code revision} on; {@code kv} null is a tombstone (deleted). */
    private record Version(long revision, KeyValue kv) {}

    private final TreeMap<String, List<Version>> history = new TreeMap<>();
    private final TreeMap<Long, List<WatchEvent>> events = new TreeMap<>();
    // etcd starts a fresh cluster at revision 1; the first write is revision 2
    private long revision = 1;
    private long compactRevision;

    long revision() {
        return revision;
    }

    long compactRevision() {
        return compactRevision;
    }

    Optional<KeyValue> get(String key) {
        List<Version> versions = history.get(key);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.getLast().kv());
    }

    /** The keys under {@code prefix} as of {@code atRevision}, sorted by key. */
    List<KeyValue> list(String prefix, long atRevision) {
        checkReadable(atRevision);
        List<KeyValue> result = new ArrayList<>();
        for (Map.Entry<String, List<Version>> entry : history.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            KeyValue kv = versionAt(entry.getValue(), atRevision);
            if (kv != null) {
                result.add(kv);
            }
        }
        return result;
    }

    /** Current keys attached to {@code leaseId}, sorted. */
    List<String> keysWithLease(long leaseId) {
        List<String> keys = new ArrayList<>();
        history.forEach((key, versions) -> {
            KeyValue kv = versions.getLast().kv();
            if (kv != null && kv.leaseId() == leaseId) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The logged events with revision {@code >= fromRevision}, one list per revision, in order. */
    List<List<WatchEvent>> eventsFrom(long fromRevision) {
        return List.copyOf(events.tailMap(fromRevision, true).values());
    }

    /**
     * Applies {@code mutations} at one new revision and returns its events, in mutation order.
     * The caller has checked every condition: deletes name existing keys, no key appears twice.
     */
    List<WatchEvent> write(List<Mutation> mutations) {
        long rev = ++revision;
        List<WatchEvent> batch = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            List<Version> versions = history.computeIfAbsent(m.key(), k -> new ArrayList<>());
            KeyValue previous = versions.isEmpty() ? null : versions.getLast().kv();
            if (m.isDelete()) {
                versions.add(new Version(rev, null));
                batch.add(WatchEvent.delete(m.key(), rev));
            } else {
                KeyValue kv = previous == null
                        ? new KeyValue(m.key(), m.value(), rev, rev, 1, m.leaseId())
                        : new KeyValue(m.key(), m.value(), previous.createRevision(), rev, previous.version() + 1,
                                m.leaseId());
                versions.add(new Version(rev, kv));
                batch.add(WatchEvent.put(m.key(), m.value(), rev));
            }
        }
        events.put(rev, List.copyOf(batch));
        return batch;
    }

    /**
     * Forgets history before {@code rev}: reads at {@code rev} and later, and watches starting at
     * {@code rev} or later, still work; anything older fails with {@link CompactedException}.
     */
    void compact(long rev) {
        if (rev > revision) {
            throw new IllegalArgumentException("cannot compact to revision " + rev
                    + ": it is in the future (current revision " + revision + ")");
        }
        if (rev <= compactRevision) {
            throw new CompactedException(rev, compactRevision);
        }
        Iterator<List<Version>> it = history.values().iterator();
        while (it.hasNext()) {
            List<Version> versions = it.next();
            int visible = indexAt(versions, rev);
            if (visible < 0) {
                continue;
            }
            versions.subList(0, visible).clear();
            if (versions.getFirst().kv() == null) {
                versions.removeFirst(); // deleted as of rev: nothing left to read there
            }
            if (versions.isEmpty()) {
                it.remove();
            }
        }
        events.headMap(rev, false).clear();
        compactRevision = rev;
    }

    private void checkReadable(long atRevision) {
        if (atRevision < compactRevision) {
            throw new CompactedException(atRevision, compactRevision);
        }
        if (atRevision > revision) {
            throw new IllegalArgumentException("cannot read at revision " + atRevision
                    + ": it is in the future (current revision " + revision + ")");
        }
    }

    private static KeyValue versionAt(List<Version> versions, long rev) {
        int index = indexAt(versions, rev);
        return index < 0 ? null : versions.get(index).kv();
    }

    /** Index of the last version written at or before {@code rev}, or -1. */
    private static int indexAt(List<Version> versions, long rev) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).revision() <= rev) {
                return i;
            }
        }
        return -1;
    }
}
