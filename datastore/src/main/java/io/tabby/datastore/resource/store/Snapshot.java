package io.tabby.datastore.resource.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.resource.mapping.Assembled;
import io.tabby.datastore.resource.mapping.StoredEntries;
import java.util.Map;
import java.util.Optional;

/**
 * What was read under some prefixes at one revision.
 *
 * @param entries the decoded keys the reader wanted
 * @param raw every key read, by path (decoded or not), with its revisions
 * @param revision the etcd revision of the read
 */
public record Snapshot(StoredEntries entries, Map<String, KeyValue> raw, long revision) {
    public Snapshot {
        requireNonNull(entries, "entries is null");
        raw = Map.copyOf(requireNonNull(raw, "raw is null"));
    }

    public Optional<KeyValue> raw(Key<?> key) {
        return Optional.ofNullable(raw.get(key.path()));
    }

    /** The resource's version: the highest mod revision of its keys. */
    public long version(Assembled assembled) {
        return assembled.keys().stream().map(this::raw).flatMap(Optional::stream)
                .mapToLong(KeyValue::modRevision).max().orElse(0);
    }
}
