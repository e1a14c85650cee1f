package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A cluster-wide Calico network policy; stored at the v1 policy key {@code <name>}. */
public record GlobalNetworkPolicyResource(ResourceMetadata metadata, PolicySpec spec) implements Resource {
    public GlobalNetworkPolicyResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.GLOBAL_NETWORK_POLICY;
    }

    @Override
    public GlobalNetworkPolicyResource withMetadata(ResourceMetadata newMetadata) {
        return new GlobalNetworkPolicyResource(newMetadata, spec);
    }
}
