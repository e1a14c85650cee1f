package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.FelixConfigurationResource;
import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Optional;

/** Reads a {@code projectcalico.org/v3} resource document of a known kind. */
final class V3DocumentReader {
    private V3DocumentReader() {
    }

    static Resource read(ResourceKind kind, FieldReader document, ResourceProblems problems) {
        ResourceMetadata metadata = MetadataReader.read(document, kind.namespaced());
        problems.describe(metadata.name().isEmpty() ? kind.displayName()
                : kind.displayName() + " \"" + ResourceKind.id(metadata.namespace(), metadata.name()) + "\"");
        Optional<FieldReader> spec = document.object("spec");
        Resource resource = switch (kind) {
            case IP_POOL -> new IpPoolResource(metadata, IpPoolSpecReader.read(spec));
            case NODE -> new NodeResource(metadata, NodeSpecReader.read(spec, false));
            case BGP_CONFIGURATION -> new BgpConfigurationResource(metadata, BgpConfigurationSpecReader.read(spec));
            case BGP_PEER -> new BgpPeerResource(metadata, BgpPeerSpecReader.read(spec));
            case FELIX_CONFIGURATION -> new FelixConfigurationResource(metadata, FelixConfigurationSpecReader.read(spec));
            case NETWORK_POLICY -> new NetworkPolicyResource(metadata, PolicySpecReader.read(spec, false));
            case GLOBAL_NETWORK_POLICY -> new GlobalNetworkPolicyResource(metadata, PolicySpecReader.read(spec, true));
            case PROFILE -> new ProfileResource(metadata, PolicySpecReader.readProfile(spec));
            case HOST_ENDPOINT -> new HostEndpointResource(metadata, EndpointSpecReader.readHost(spec));
            case WORKLOAD_ENDPOINT -> new WorkloadEndpointResource(metadata, EndpointSpecReader.readWorkload(spec));
        };
        if (kind == ResourceKind.NODE) {
            // calicoctl prints a (system-owned) status; applying that output again must work
            document.raw("status");
        }
        document.rejectUnknown();
        return resource;
    }
}
