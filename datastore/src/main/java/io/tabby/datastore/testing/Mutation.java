package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

/**
 * One write the store applies: a put of {@code value} (with its lease), or a delete when
 * {@code value} is null. Conditions have been checked before a mutation exists.
 */
record Mutation(String key, String value, long leaseId) {
    Mutation {
        requireNonNull(key, "key is null");
    }

    static Mutation put(String key, String value, long leaseId) {
        return new Mutation(key, requireNonNull(value, "value is null"), leaseId);
    }

    static Mutation delete(String key) {
        return new Mutation(key, null, 0);
    }

    boolean isDelete() {
        return value == null;
    }
}
