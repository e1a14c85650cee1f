package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Where each kind lives in the key layout, and resources to entries and back (see the package doc). */
public final class ResourceMapping {
    public static final ResourceMapping INSTANCE = new ResourceMapping();
    private static final String BGP_HOSTS = KeyPaths.BGP + "host/";

    private ResourceMapping() {
    }

    /** The prefixes under which every resource of {@code kind} is stored. */
    public List<String> prefixes(ResourceKind kind) {
        return switch (kind) {
            case IP_POOL -> List.of(KeyPaths.poolPrefix(IpFamily.V4), KeyPaths.poolPrefix(IpFamily.V6));
            case NODE -> List.of(KeyPaths.hostsPrefix(), BGP_HOSTS);
            case BGP_CONFIGURATION -> List.of(KeyPaths.bgpGlobalPrefix(), BGP_HOSTS);
            case BGP_PEER -> List.of(KeyPaths.globalPeerPrefix(IpFamily.V4), KeyPaths.globalPeerPrefix(IpFamily.V6),
                    BGP_HOSTS, KeyPaths.resourcePrefix(BgpPeerMapping.PLURAL));
            case FELIX_CONFIGURATION -> List.of(KeyPaths.globalConfigPrefix(), KeyPaths.hostsPrefix());
            case NETWORK_POLICY, GLOBAL_NETWORK_POLICY -> List.of(KeyPaths.policyPrefix(PolicyKey.DEFAULT_TIER));
            case PROFILE -> List.of(KeyPaths.profilesPrefix());
            case HOST_ENDPOINT, WORKLOAD_ENDPOINT -> List.of(KeyPaths.hostsPrefix());
        };
    }

    /**
     * The prefixes that hold the named resource's keys: narrower than {@link #prefixes(ResourceKind)}
     * where the name says where the keys are (nodes, configurations); pools and peers are found by
     * content, so all of their kind is read. The name must be a valid resource name.
     */
    public List<String> prefixes(ResourceKind kind, String name) {
        return switch (kind) {
            case IP_POOL, BGP_PEER, NETWORK_POLICY, GLOBAL_NETWORK_POLICY, PROFILE, HOST_ENDPOINT, WORKLOAD_ENDPOINT ->
                    prefixes(kind);
            case NODE -> List.of(KeyPaths.hostPrefix(name) + "metadata", KeyPaths.hostPrefix(name) + "bird_ip",
                    KeyPaths.hostPrefix(name) + "orchestrator_refs", KeyPaths.hostPrefix(name) + "config/",
                    KeyPaths.bgpHostPrefix(name));
            case BGP_CONFIGURATION -> name.startsWith(BgpConfigurationMapping.NODE_PREFIX)
                    ? List.of(KeyPaths.bgpHostPrefix(node(name)) + "loglevel")
                    : List.of(KeyPaths.bgpGlobalPrefix());
            case FELIX_CONFIGURATION -> name.startsWith(BgpConfigurationMapping.NODE_PREFIX)
                    ? List.of(KeyPaths.hostPrefix(node(name)) + "config/")
                    : List.of(KeyPaths.globalConfigPrefix());
        };
    }

    /** True when {@code key} can hold (part of) a resource of {@code kind}; other keys need no decoding. */
    public boolean wants(ResourceKind kind, Key<?> key) {
        return switch (kind) {
            case IP_POOL -> key instanceof IpPoolKey;
            case NODE -> NodeMapping.owner(key).isPresent();
            case BGP_CONFIGURATION -> BgpConfigurationMapping.owner(key).isPresent();
            case BGP_PEER -> BgpPeerMapping.isPeerKey(key);
            case FELIX_CONFIGURATION -> FelixConfigurationMapping.owner(key).isPresent();
            case NETWORK_POLICY -> PolicyMapping.isNamespaced(key);
            case GLOBAL_NETWORK_POLICY -> PolicyMapping.isGlobal(key);
            case PROFILE -> ProfileMapping.owner(key).isPresent();
            case HOST_ENDPOINT -> key instanceof HostEndpointKey;
            case WORKLOAD_ENDPOINT -> key instanceof WorkloadEndpointKey;
        };
    }

    /** Every resource of {@code kind} the entries hold, sorted by name. */
    public List<Assembled> assemble(ResourceKind kind, StoredEntries entries) {
        List<Assembled> found = switch (kind) {
            case IP_POOL -> each(entries, e -> e.value() instanceof IpPool pool
                    ? Optional.of(IpPoolMapping.fromEntry(pool)) : Optional.empty());
            case BGP_PEER -> each(entries, BgpPeerMapping::fromEntry);
            case NODE -> grouped(entries, NodeMapping::owner, name -> NodeMapping.fromEntries(name, entries));
            case BGP_CONFIGURATION -> grouped(entries, BgpConfigurationMapping::owner,
                    name -> BgpConfigurationMapping.fromEntries(name, entries));
            case FELIX_CONFIGURATION -> grouped(entries, FelixConfigurationMapping::owner,
                    name -> FelixConfigurationMapping.fromEntries(name, entries));
            case NETWORK_POLICY -> each(entries, e -> PolicyMapping.fromEntry(e, true));
            case GLOBAL_NETWORK_POLICY -> each(entries, e -> PolicyMapping.fromEntry(e, false));
            case PROFILE -> grouped(entries, ProfileMapping::owner, name -> ProfileMapping.fromEntries(name, entries));
            case HOST_ENDPOINT -> each(entries, EndpointMapping::fromHostEntry);
            case WORKLOAD_ENDPOINT -> each(entries, EndpointMapping::fromWorkloadEntry);
        };
        return found.stream().sorted(Comparator.comparing((Assembled a) -> a.resource().id())).toList();
    }

    /** The entries that store {@code resource}; {@code current} is what is stored now, for carrying over. */
    public List<Entry<?>> toEntries(Resource resource, StoredEntries current) {
        return switch (resource) {
            case IpPoolResource pool -> List.of(IpPoolMapping.toEntry(pool, current));
            case NodeResource node -> NodeMapping.toEntries(node, current);
            case BgpConfigurationResource config -> BgpConfigurationMapping.toEntries(config, current);
            case BgpPeerResource peer -> List.of(BgpPeerMapping.toEntry(peer, current));
            case FelixConfigurationResource felix -> FelixConfigurationMapping.toEntries(felix);
            case NetworkPolicyResource policy -> List.of(PolicyMapping.toEntry(policy, current));
            case GlobalNetworkPolicyResource policy -> List.of(PolicyMapping.toEntry(policy, current));
            case ProfileResource profile -> ProfileMapping.toEntries(profile, current);
            case HostEndpointResource host -> List.of(EndpointMapping.toEntry(host, current));
            case WorkloadEndpointResource workload -> List.of(EndpointMapping.toEntry(workload, current));
        };
    }

    private static List<Assembled> each(StoredEntries entries, Function<Entry<?>, Optional<? extends Resource>> read) {
        List<Assembled> found = new ArrayList<>();
        for (Entry<?> entry : entries.entries()) {
            read.apply(entry).ifPresent(resource -> found.add(new Assembled(resource, List.of(entry.key()))));
        }
        return found;
    }

    private static List<Assembled> grouped(StoredEntries entries, Function<Key<?>, Optional<String>> owner,
            Function<String, Optional<? extends Resource>> read) {
        Map<String, List<Key<?>>> byName = new LinkedHashMap<>();
        for (Key<?> key : entries.keys()) {
            owner.apply(key).ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(key));
        }
        List<Assembled> found = new ArrayList<>();
        byName.forEach((name, keys) -> read.apply(name).ifPresent(resource -> found.add(new Assembled(resource, keys))));
        return found;
    }

    private static String node(String configName) {
        return configName.substring(BgpConfigurationMapping.NODE_PREFIX.length());
    }
}
