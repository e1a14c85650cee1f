package io.tabby.confd.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.syncer.Update;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every key the syncer delivered, as full etcd keys. Not thread-safe: one owner thread (the confd
 * processor's) applies updates and cuts views; a view, once cut, is immutable and can be rendered
 * anywhere.
 */
public final class KeyValueStore {
    private final NavigableMap<String, String> keys = new TreeMap<>();

    /** Applies one update: a {@code null} value deletes the key. */
    public void apply(Update update) {
        requireNonNull(update, "update is null");
        if (update.deleted()) {
            keys.remove(update.key());
        } else {
            keys.put(update.key(), update.value());
        }
    }

    public void applyAll(List<Update> updates) {
        updates.forEach(this::apply);
    }

    /**
     * The view one resource renders from: every key that starts with one of {@code fullKeys}
     * (each already {@code prefix + key}), with {@code prefix} stripped and the rest cleaned to an
     * absolute path, as confd's {@code setVars} stores them.
     */
    public KvView view(String prefix, List<String> fullKeys) {
        requireNonNull(prefix, "prefix is null");
        Map<String, String> selected = new TreeMap<>();
        for (String fullKey : fullKeys) {
            for (var entry : keys.tailMap(fullKey, true).entrySet()) {
                if (!entry.getKey().startsWith(fullKey)) {
                    break;
                }
                selected.put(strip(entry.getKey(), prefix), entry.getValue());
            }
        }
        return KvView.of(selected);
    }

    public int size() {
        return keys.size();
    }

    private static String strip(String key, String prefix) {
        String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        return SlashPath.join("/", rest);
    }
}
