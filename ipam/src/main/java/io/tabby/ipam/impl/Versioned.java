package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

/**
 * A decoded value with the mod revision it was read at: the token for the compare-and-swap write.
 *
 * @param value the decoded value
 * @param modRevision the key's mod revision when read
 */
public record Versioned<V>(V value, long modRevision) {
    public Versioned {
        requireNonNull(value, "value is null");
    }
}
