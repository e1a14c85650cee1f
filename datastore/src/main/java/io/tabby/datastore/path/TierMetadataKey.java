package io.tabby.datastore.path;

import io.tabby.datastore.model.TierMetadata;

/**
 * {@code /calico/v1/policy/tier/<tier>/metadata}.
 *
 * @param tier the tier name
 */
public record TierMetadataKey(String tier) implements Key<TierMetadata> {
    public TierMetadataKey {
        Segments.requirePlain(tier, "tier name");
    }
}
