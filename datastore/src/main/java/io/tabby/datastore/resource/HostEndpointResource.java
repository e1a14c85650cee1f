package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A host interface under policy. */
public record HostEndpointResource(ResourceMetadata metadata, HostEndpointSpec spec) implements Resource {
    public HostEndpointResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.HOST_ENDPOINT;
    }

    @Override
    public HostEndpointResource withMetadata(ResourceMetadata newMetadata) {
        return new HostEndpointResource(newMetadata, spec);
    }
}
