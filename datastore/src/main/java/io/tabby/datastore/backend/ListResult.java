package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The keys under a prefix at one revision.
 *
 * @param kvs the keys, sorted by key
 * @param revision the store revision the read was served at; watch from {@code revision + 1}
 *     to see every later change exactly once
 */
public record ListResult(List<KeyValue> kvs, long revision) {
    public ListResult {
        kvs = List.copyOf(requireNonNull(kvs, "kvs is null"));
    }
}
