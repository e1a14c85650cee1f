package io.tabby.datastore.resource;

/** One v3 resource: metadata plus the spec of its kind. */
public sealed interface Resource
        permits IpPoolResource, NodeResource, BgpConfigurationResource, BgpPeerResource, FelixConfigurationResource {

    ResourceKind kind();

    ResourceMetadata metadata();

    /** The same resource with other metadata (e.g. the resourceVersion it was written at). */
    Resource withMetadata(ResourceMetadata metadata);

    default String name() {
        return metadata().name();
    }

    /** How messages name the resource: {@code IPPool "p1"}. */
    default String describe() {
        return kind().displayName() + " \"" + name() + "\"";
    }
}
