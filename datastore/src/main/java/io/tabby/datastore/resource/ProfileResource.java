package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A profile: rules and labels that endpoints naming it inherit (Kubernetes namespaces become {@code kns.<namespace>}). */
public record ProfileResource(ResourceMetadata metadata, ProfileSpec spec) implements Resource {
    public ProfileResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.PROFILE;
    }

    @Override
    public ProfileResource withMetadata(ResourceMetadata newMetadata) {
        return new ProfileResource(newMetadata, spec);
    }
}
