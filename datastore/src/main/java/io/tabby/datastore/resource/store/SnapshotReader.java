package io.tabby.datastore.resource.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.codec.MalformedValueException;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.datastore.resource.mapping.Entry;
import io.tabby.datastore.resource.mapping.StoredEntries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Lists prefixes at one revision (the first list fixes it) and decodes the keys wanted. A key
 * outside the layout or a value that does not decode is skipped with a warning: one bad key must
 * not hide every other resource.
 */
public final class SnapshotReader {
    private static final Logger LOG = LogManager.getLogger(SnapshotReader.class);

    private final Backend backend;

    public SnapshotReader(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    public Snapshot read(List<String> prefixes, Predicate<Key<?>> wanted) {
        long revision = 0;
        Map<String, KeyValue> raw = new LinkedHashMap<>();
        List<Entry<?>> entries = new ArrayList<>();
        for (String prefix : prefixes) {
            ListResult result = backend.list(prefix, revision);
            revision = result.revision();
            for (KeyValue kv : result.kvs()) {
                raw.put(kv.key(), kv);
                decode(kv, wanted, entries);
            }
        }
        return new Snapshot(new StoredEntries(entries), raw, revision);
    }

    private static void decode(KeyValue kv, Predicate<Key<?>> wanted, List<Entry<?>> entries) {
        Key<?> key;
        try {
            key = KeyPaths.parse(kv.key());
        } catch (MalformedKeyException e) {
            LOG.debug("skipping {}: {}", kv.key(), e.getMessage());
            return;
        }
        if (!wanted.test(key)) {
            return;
        }
        try {
            entries.add(entry(key, kv.value()));
        } catch (MalformedValueException e) {
            LOG.warn("skipping {}: {}", kv.key(), e.getMessage());
        }
    }

    private static <V> Entry<V> entry(Key<V> key, String text) {
        return Entry.of(key, ValueCodec.INSTANCE.decode(key, text));
    }
}
