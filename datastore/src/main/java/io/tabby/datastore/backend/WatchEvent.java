package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

/**
 * One change seen by a watch.
 *
 * @param type what happened
 * @param key the key that changed
 * @param value the new value for {@link Type#PUT}; {@code null} for {@link Type#DELETE}
 * @param revision the revision of the change (for a put, the key's new mod revision)
 */
public record WatchEvent(Type type, String key, String value, long revision) {

    public enum Type { PUT, DELETE }

    public WatchEvent {
        requireNonNull(type, "type is null");
        requireNonNull(key, "key is null");
        if (type == Type.PUT) {
            requireNonNull(value, "value is null for a PUT");
        }
    }

    public static WatchEvent put(String key, String value, long revision) {
        return new WatchEvent(Type.PUT, key, value, revision);
    }

    public static WatchEvent delete(String key, long revision) {
        return new WatchEvent(Type.DELETE, key, null, revision);
    }
}
