package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A node: one host running the Tabby agent. */
public record NodeResource(ResourceMetadata metadata, NodeSpec spec) implements Resource {
    public NodeResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.NODE;
    }

    @Override
    public NodeResource withMetadata(ResourceMetadata newMetadata) {
        return new NodeResource(newMetadata, spec);
    }
}
