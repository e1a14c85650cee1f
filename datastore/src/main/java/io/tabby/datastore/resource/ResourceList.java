package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Every resource of a kind, read at one etcd revision.
 *
 * @param kind the kind listed
 * @param items the resources, sorted by name
 * @param revision the etcd revision of the read (the list's resourceVersion)
 */
public record ResourceList(ResourceKind kind, List<Resource> items, long revision) {
    public ResourceList {
        requireNonNull(kind, "kind is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }
}
