package io.tabby.confd.store;

import static java.util.Objects.requireNonNull;

/** A key and its value, as memkv's {@code KVPair} ({@code get} and {@code gets} return these). */
public record KvPair(String key, String value) {
    public KvPair {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }
}
