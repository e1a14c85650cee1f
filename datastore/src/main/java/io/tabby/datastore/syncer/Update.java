package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

/**
 * A key's new state, as a {@link Syncer} delivers it.
 *
 * @param key the full etcd key
 * @param value the new value, or {@code null} when the key was deleted
 * @param revision the etcd revision of the change (for a snapshot entry, the key's mod revision)
 */
public record Update(String key, String value, long revision) {
    public Update {
        requireNonNull(key, "key is null");
        if (revision <= 0) {
            throw new IllegalArgumentException("revision must be positive, got " + revision + " for " + key);
        }
    }

    public boolean deleted() {
        return value == null;
    }
}
