package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A namespaced Calico network policy; stored at the v1 policy key {@code <namespace>/<name>}. */
public record NetworkPolicyResource(ResourceMetadata metadata, PolicySpec spec) implements Resource {
    public NetworkPolicyResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.NETWORK_POLICY;
    }

    @Override
    public NetworkPolicyResource withMetadata(ResourceMetadata newMetadata) {
        return new NetworkPolicyResource(newMetadata, spec);
    }
}
