package io.tabby.datastore.resource.mapping;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.Key;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoded entries read from the store, looked up by key. */
public final class StoredEntries {
    public static final StoredEntries NONE = new StoredEntries(List.of());

    private final Map<Key<?>, Object> values = new LinkedHashMap<>();

    public StoredEntries(Collection<Entry<?>> entries) {
        requireNonNull(entries, "entries is null").forEach(e -> values.put(e.key(), e.value()));
    }

    /** The value stored at {@code key}, if any. */
    @SuppressWarnings("unchecked") // every entry's value has its key's value type (see Entry)
    public <V> Optional<V> get(Key<V> key) {
        return Optional.ofNullable((V) values.get(key));
    }

    public boolean contains(Key<?> key) {
        return values.containsKey(key);
    }

    /** Every key, in the order read. */
    public List<Key<?>> keys() {
        return List.copyOf(values.keySet());
    }

    /** Every entry, in the order read. */
    public List<Entry<?>> entries() {
        return values.entrySet().stream().<Entry<?>>map(e -> entry(e.getKey(), e.getValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V> entry(Key<V> key, Object value) {
        return Entry.of(key, (V) value);
    }
}
