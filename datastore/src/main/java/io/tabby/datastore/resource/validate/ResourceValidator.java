package io.tabby.datastore.resource.validate;

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

/** Checks one resource against every rule of its kind, reporting all violations. */
public final class ResourceValidator {
    public static final ResourceValidator INSTANCE = new ResourceValidator();

    private ResourceValidator() {
    }

    /**
     * True when a resource of {@code kind} could be named {@code name} (so looking it up makes
     * sense): a DNS subdomain, or for configurations {@code default} or {@code node.<node>}.
     */
    public boolean isPossibleName(ResourceKind kind, String name) {
        return switch (kind) {
            case IP_POOL, NODE, BGP_PEER, NETWORK_POLICY, GLOBAL_NETWORK_POLICY, PROFILE, HOST_ENDPOINT,
                 WORKLOAD_ENDPOINT -> Names.isSubdomain(name);
            case BGP_CONFIGURATION, FELIX_CONFIGURATION -> name.equals("default")
                    || name.startsWith("node.") && Names.isSubdomain(name.substring("node.".length()));
        };
    }

    public void validate(Resource resource, Violations violations) {
        MetadataRules.check(resource, violations);
        switch (resource) {
            case IpPoolResource pool -> IpPoolRules.check(pool.spec(), violations);
            case NodeResource node -> NodeRules.check(node.spec(), violations);
            case BgpConfigurationResource config -> BgpConfigurationRules.check(config.name(), config.spec(), violations);
            case BgpPeerResource peer -> BgpPeerRules.check(peer.name(), peer.spec(), violations);
            case FelixConfigurationResource felix -> FelixConfigurationRules.check(felix.spec(), violations);
            case NetworkPolicyResource policy -> PolicyRules.checkPolicy(policy.spec(), violations);
            case GlobalNetworkPolicyResource policy -> PolicyRules.checkPolicy(policy.spec(), violations);
            case ProfileResource profile -> PolicyRules.checkProfile(profile.spec(), violations);
            case HostEndpointResource host -> EndpointRules.checkHost(host.spec(), violations);
            case WorkloadEndpointResource workload -> EndpointRules.checkWorkload(workload, violations);
        }
    }
}
