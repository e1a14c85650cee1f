package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;

/**
 * Typed keys to etcd paths and back, for the whole {@code /calico} layout, plus the directory
 * prefixes that listers and watchers use. Every prefix ends with {@code /}, so that listing
 * node {@code n1} never picks up node {@code n10}.
 *
 * <p>{@code parse(toPath(key))} equals {@code key} for every key, and {@code toPath(parse(p))}
 * equals {@code p} for every path that parses, except that {@code %2F} in an escaped name
 * comes back as {@code %2f}. Non-canonical addresses and CIDRs in paths are refused rather
 * than normalised, because Calico would have written them elsewhere.
 */
public final class KeyPaths {

    public static final String ROOT = "/calico/";
    public static final String V1 = "/calico/v1/";
    public static final String BGP = "/calico/bgp/v1/";
    public static final String IPAM = "/calico/ipam/v2/";
    public static final String FELIX = "/calico/felix/v1/";
    public static final String RESOURCES = "/calico/resources/v3/projectcalico.org/";

    private KeyPaths() {}

    /** The etcd path of {@code key}. */
    public static String toPath(Key<?> key) {
        requireNonNull(key, "key is null");
        return switch (key) {
            case ReadyKey _ -> V1Paths.READY;
            case GlobalConfigKey k -> V1Paths.CONFIG + k.name();
            case HostConfigKey k -> HostPaths.config(k);
            case HostMetadataKey k -> HostPaths.metadata(k);
            case HostBirdIpKey k -> HostPaths.birdIp(k);
            case OrchestratorRefsKey k -> HostPaths.orchestratorRefs(k);
            case WorkloadEndpointKey k -> HostPaths.workloadEndpoint(k);
            case HostEndpointKey k -> HostPaths.hostEndpoint(k);
            case IpPoolKey k -> V1Paths.pool(k);
            case ProfileRulesKey k -> PolicyPaths.profileRules(k);
            case ProfileTagsKey k -> PolicyPaths.profileTags(k);
            case ProfileLabelsKey k -> PolicyPaths.profileLabels(k);
            case PolicyKey k -> PolicyPaths.policy(k);
            case TierMetadataKey k -> PolicyPaths.tierMetadata(k);
            case NodeBgpFieldKey k -> BgpPaths.nodeField(k);
            case NodeBgpPeerKey k -> BgpPaths.nodePeer(k);
            case GlobalBgpFieldKey k -> BgpPaths.globalField(k);
            case NodeMeshKey _ -> BgpPaths.nodeMesh();
            case PrefixAdvertisementsKey k -> BgpPaths.prefixAdvertisements(k);
            case GlobalBgpPeerKey k -> BgpPaths.globalPeer(k);
            case CustomFilterKey k -> BgpPaths.customFilter(k);
            case RouteReflectorKey k -> BgpPaths.routeReflector(k);
            case IpamConfigKey _ -> IpamPaths.CONFIG;
            case BlockKey k -> IpamPaths.block(k);
            case BlockAffinityKey k -> IpamPaths.affinity(k);
            case IpamHandleKey k -> IpamPaths.handle(k);
            case FelixStatusKey k -> FelixPaths.status(k);
            case WorkloadEndpointStatusKey k -> FelixPaths.workloadEndpoint(k);
            case HostEndpointStatusKey k -> FelixPaths.hostEndpoint(k);
            case ResourceKey k -> ResourcePaths.resource(k);
        };
    }

    /**
     * The key at {@code path}.
     *
     * @throws MalformedKeyException when the path is no well-formed key of the layout; the
     *     message names the path, the problem and the expected shape
     */
    public static Key<?> parse(String path) {
        requireNonNull(path, "path is null");
        SplitPath p = SplitPath.of(path);
        String area = p.at(1);
        return switch (area) {
            case "v1" -> V1Paths.parse(p);
            case "bgp" -> BgpPaths.parse(p);
            case "ipam" -> IpamPaths.parse(p);
            case "felix" -> FelixPaths.parse(p);
            case "resources" -> ResourcePaths.parse(p);
            default -> throw p.unknown("unknown area " + Quote.of(area), SplitPath.ANY_KEY);
        };
    }

    // ---- /calico/v1 ----

    /** {@code /calico/v1/config/}: global Felix parameters. */
    public static String globalConfigPrefix() {
        return V1Paths.CONFIG;
    }

    /** {@code /calico/v1/ipam/v4/pool/} (or {@code v6}): every pool of a family. */
    public static String poolPrefix(IpFamily family) {
        return V1 + "ipam/" + family.shortName() + "/pool/";
    }

    /** {@code /calico/v1/host/}: every node's v1 keys. */
    public static String hostsPrefix() {
        return V1 + "host/";
    }

    /** {@code /calico/v1/host/<node>/}: all of one node's v1 keys. */
    public static String hostPrefix(String node) {
        return hostsPrefix() + Segments.requirePlain(node, "node name") + "/";
    }

    /** {@code /calico/v1/host/<node>/workload/}: one node's workload endpoints. */
    public static String workloadPrefix(String node) {
        return hostPrefix(node) + "workload/";
    }

    /** {@code /calico/v1/policy/profile/}: every profile. */
    public static String profilesPrefix() {
        return PolicyPaths.PROFILE;
    }

    /** {@code /calico/v1/policy/tier/<tier>/policy/}: every policy of a tier. */
    public static String policyPrefix(String tier) {
        return PolicyPaths.TIER + Segments.requirePlain(tier, "tier name") + "/policy/";
    }

    // ---- /calico/bgp/v1 ----

    /** {@code /calico/bgp/v1/global/}. */
    public static String bgpGlobalPrefix() {
        return BgpPaths.GLOBAL;
    }

    /** {@code /calico/bgp/v1/global/peer_v4/} (or {@code peer_v6}). */
    public static String globalPeerPrefix(IpFamily family) {
        return BgpPaths.GLOBAL + "peer_" + family.shortName() + "/";
    }

    /** {@code /calico/bgp/v1/global/custom_filters/v4/} (or {@code v6}). */
    public static String customFilterPrefix(IpFamily family) {
        return BgpPaths.GLOBAL + "custom_filters/" + family.shortName() + "/";
    }

    /** {@code /calico/bgp/v1/host/<node>/}: one node's BGP settings and peers. */
    public static String bgpHostPrefix(String node) {
        return BGP + "host/" + Segments.requirePlain(node, "node name") + "/";
    }

    /** {@code /calico/bgp/v1/host/<node>/peer_v4/} (or {@code peer_v6}). */
    public static String nodePeerPrefix(String node, IpFamily family) {
        return bgpHostPrefix(node) + "peer_" + family.shortName() + "/";
    }

    /** {@code /calico/bgp/v1/rr_v4/} (or {@code rr_v6}). */
    public static String routeReflectorPrefix(IpFamily family) {
        return BGP + "rr_" + family.shortName() + "/";
    }

    // ---- /calico/ipam/v2 ----

    /** {@code /calico/ipam/v2/assignment/ipv4/block/} (or {@code ipv6}): every block of a family. */
    public static String blockPrefix(IpFamily family) {
        return IPAM + "assignment/" + family.ipamName() + "/block/";
    }

    /** {@code /calico/ipam/v2/host/<node>/}: all of one node's affinities. */
    public static String ipamHostPrefix(String node) {
        return IPAM + "host/" + Segments.requirePlain(node, "node name") + "/";
    }

    /** {@code /calico/ipam/v2/host/<node>/ipv4/block/} (or {@code ipv6}). */
    public static String affinityPrefix(String node, IpFamily family) {
        return ipamHostPrefix(node) + family.ipamName() + "/block/";
    }

    /** {@code /calico/ipam/v2/handle/}. */
    public static String handlePrefix() {
        return IPAM + "handle/";
    }

    // ---- /calico/felix/v1 and resources ----

    /** {@code /calico/felix/v1/host/<node>/}. */
    public static String felixHostPrefix(String node) {
        return FELIX + "host/" + Segments.requirePlain(node, "node name") + "/";
    }

    /** {@code /calico/resources/v3/projectcalico.org/<plural>/}. */
    public static String resourcePrefix(String plural) {
        return RESOURCES + Segments.requirePlain(plural, "resource kind") + "/";
    }

    /** {@code /calico/resources/v3/projectcalico.org/<plural>/<namespace>/}. */
    public static String resourcePrefix(String plural, String namespace) {
        return resourcePrefix(plural) + Segments.requirePlain(namespace, "namespace") + "/";
    }
}
