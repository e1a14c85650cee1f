package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A workload's (pod's) interface, as the CNI plugin registers it. */
public record WorkloadEndpointResource(ResourceMetadata metadata, WorkloadEndpointSpec spec) implements Resource {
    public WorkloadEndpointResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.WORKLOAD_ENDPOINT;
    }

    @Override
    public WorkloadEndpointResource withMetadata(ResourceMetadata newMetadata) {
        return new WorkloadEndpointResource(newMetadata, spec);
    }
}
