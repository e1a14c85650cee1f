package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.KeyValue;
import java.util.List;

/** Every followed key at one revision, sorted by key. */
record Snapshot(List<KeyValue> kvs, long revision) {
    Snapshot {
        kvs = List.copyOf(requireNonNull(kvs, "kvs is null"));
    }
}
