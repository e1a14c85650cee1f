package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A tier's metadata at {@code /calico/v1/policy/tier/<tier>/metadata}, {@code {"order":10}}
 * (written by Python-era Felix 1.x tooling; Felix 2.x renders only the default tier).
 *
 * @param order {@code order}, or null when absent
 * @param unknown fields Tabby does not model
 */
public record TierMetadata(Double order, UnknownFields unknown) {

    public TierMetadata {
        if (order != null && !Double.isFinite(order)) {
            throw new IllegalArgumentException("order " + order + " is not a finite number");
        }
        requireNonNull(unknown, "unknown is null");
    }
}
