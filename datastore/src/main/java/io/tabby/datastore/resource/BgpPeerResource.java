package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** An explicit BGP peering: with an outside router, a route reflector, or selected nodes. */
public record BgpPeerResource(ResourceMetadata metadata, BgpPeerSpec spec) implements Resource {
    public BgpPeerResource {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.BGP_PEER;
    }

    @Override
    public BgpPeerResource withMetadata(ResourceMetadata newMetadata) {
        return new BgpPeerResource(newMetadata, spec);
    }
}
