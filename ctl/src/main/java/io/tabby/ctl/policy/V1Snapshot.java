package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.path.KeyPaths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every {@code /calico/v1/} key with its JSON value, from one list and so from one etcd revision:
 * an endpoint and the policies that select it are never seen half-way through a change.
 *
 * @param values full etcd key to stored value, sorted by key
 * @param revision the etcd revision the list was read at
 */
public record V1Snapshot(Map<String, String> values, long revision) {
    public V1Snapshot {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + revision);
        }
    }

    /** Lists {@code /calico/v1/} once. */
    public static V1Snapshot read(Backend backend) {
        ListResult listed = backend.list(KeyPaths.V1);
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValue kv : listed.kvs()) {
            values.put(kv.key(), kv.value());
        }
        return new V1Snapshot(values, listed.revision());
    }
}
