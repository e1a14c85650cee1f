package io.tabby.datastore.resource.mapping;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.Key;
import io.tabby.datastore.resource.Resource;
import java.util.List;

/**
 * A resource rebuilt from stored entries.
 *
 * @param resource the resource (its resourceVersion not yet set)
 * @param keys the keys it was built from: what a replace compares and a delete removes
 */
public record Assembled(Resource resource, List<Key<?>> keys) {
    public Assembled {
        requireNonNull(resource, "resource is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }
}
