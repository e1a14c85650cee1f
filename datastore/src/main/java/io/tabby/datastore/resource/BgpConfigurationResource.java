package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** BGP settings: {@code default} for the cluster, {@code node.<name>} for one node. */
public record BgpConfigurationResource(ResourceMetadata metadata, BgpConfigurationSpec spec) implements Resource {
    public BgpConfigurationResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.BGP_CONFIGURATION;
    }

    @Override
    public BgpConfigurationResource withMetadata(ResourceMetadata newMetadata) {
        return new BgpConfigurationResource(newMetadata, spec);
    }
}
