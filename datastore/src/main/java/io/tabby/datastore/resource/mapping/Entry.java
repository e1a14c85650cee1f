package io.tabby.datastore.resource.mapping;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.Key;

/**
 * One stored key and its value, typed.
 *
 * @param key the key
 * @param value the value stored at it
 * @param <V> the key's value type
 */
public record Entry<V>(Key<V> key, V value) {
    public Entry {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }

    public static <V> Entry<V> of(Key<V> key, V value) {
        return new Entry<>(key, value);
    }
}
