package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** A granted lease: keys attached to it vanish when it expires or is revoked. */
public record Lease(long id, Duration ttl) {
    public Lease {
        requireNonNull(ttl, "ttl is null");
    }
}
