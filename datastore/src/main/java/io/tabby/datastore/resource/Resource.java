package io.tabby.datastore.resource;

/** One v3 resource: metadata plus the spec of its kind. */
public sealed interface Resource
        permits IpPoolResource, NodeResource, BgpConfigurationResource, BgpPeerResource, FelixConfigurationResource,
                NetworkPolicyResource, GlobalNetworkPolicyResource, ProfileResource, HostEndpointResource,
                WorkloadEndpointResource {

    ResourceKind kind();

    ResourceMetadata metadata();

    /** The same resource with other metadata (e.g. the resourceVersion it was written at). */
    Resource withMetadata(ResourceMetadata metadata);

    default String name() {
        return metadata().name();
    }

    /** The namespace of a namespaced resource, else empty. */
    default String namespace() {
        return metadata().namespace();
    }

    /**
     * What identifies the resource within its kind: the name, or {@code <namespace>/<name>} for a
     * namespaced kind.
     */
    default String id() {
        return ResourceKind.id(namespace(), name());
    }

    /** How messages name the resource: {@code IPPool "p1"}, {@code NetworkPolicy "ns1/allow-web"}. */
    default String describe() {
        return kind().displayName() + " \"" + id() + "\"";
    }
}
