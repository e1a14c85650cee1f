package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** An IP pool: a CIDR that IPAM carves into per-node blocks. */
public record IpPoolResource(ResourceMetadata metadata, IpPoolSpec spec) implements Resource {
    public IpPoolResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.IP_POOL;
    }

    @Override
    public IpPoolResource withMetadata(ResourceMetadata newMetadata) {
        return new IpPoolResource(newMetadata, spec);
    }
}
