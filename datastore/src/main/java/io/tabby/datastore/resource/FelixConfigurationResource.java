package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** Felix settings: {@code default} for the cluster, {@code node.<name>} for one node. */
public record FelixConfigurationResource(ResourceMetadata metadata, FelixConfigurationSpec spec) implements Resource {
    public FelixConfigurationResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.FELIX_CONFIGURATION;
    }

    @Override
    public FelixConfigurationResource withMetadata(ResourceMetadata newMetadata) {
        return new FelixConfigurationResource(newMetadata, spec);
    }
}
