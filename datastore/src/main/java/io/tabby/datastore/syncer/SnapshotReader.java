package io.tabby.datastore.syncer;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Lists every followed prefix at one revision: the first list fixes the revision R, the others
 * read at R, so the snapshot is one consistent cut of the store.
 */
final class SnapshotReader {
    private static final Logger LOG = LogManager.getLogger(SnapshotReader.class);
    // a compaction landing between our lists forces a fresh start; more than a few in a row
    // means something compacts aggressively, and backing off is the better answer
    private static final int ATTEMPTS = 3;

    private final Backend backend;
    private final KeyPrefixes prefixes;

    SnapshotReader(Backend backend, KeyPrefixes prefixes) {
        this.backend = backend;
        this.prefixes = prefixes;
    }

    /**
     * @throws io.tabby.datastore.backend.DatastoreException when the store cannot be read
     *     (a {@link CompactedException} only after repeated compactions during the read)
     */
    Snapshot read() {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce();
            } catch (CompactedException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.info("etcd compacted while listing {} ({}); listing again", prefixes.prefixes(), e.getMessage());
            }
        }
    }

    private Snapshot readOnce() {
        List<KeyValue> kvs = new ArrayList<>();
        long revision = 0;
        for (String prefix : prefixes.prefixes()) {
            ListResult result = backend.list(prefix, revision);
            if (revision == 0) {
                revision = result.revision();
            }
            kvs.addAll(result.kvs());
        }
        kvs.sort(Comparator.comparing(KeyValue::key));
        return new Snapshot(kvs, revision);
    }
}
