package io.tabby.felix.calc;

import io.tabby.datastore.codec.MalformedValueException;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.CustomFilterKey;
import io.tabby.datastore.path.FelixStatusKey;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.GlobalConfigKey;
import io.tabby.datastore.path.HostBirdIpKey;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.HostEndpointStatusKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.datastore.path.NodeBgpField;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.ProfileLabelsKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.ProfileTagsKey;
import io.tabby.datastore.path.ReadyKey;
import io.tabby.datastore.path.ResourceKey;
import io.tabby.datastore.path.RouteReflectorKey;
import io.tabby.datastore.path.TierMetadataKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointStatusKey;
import io.tabby.datastore.syncer.Update;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The part of the datastore felix computes from, as decoded records; a {@code null} value passed
 * to a setter removes the entry. Mutated only by {@link CalcGraph} on its one thread.
 */
final class DatastoreView {
    private static final Logger LOG = LogManager.getLogger(DatastoreView.class);
    /** Host config names of a node's VXLAN device, as Tabby's Node resource writes them. */
    static final String VXLAN_TUNNEL_ADDR = "IPv4VXLANTunnelAddr";
    static final String VXLAN_TUNNEL_MAC = "VXLANTunnelMACAddr";
    /** Host config name of a node's IPIP tunnel address, as calico/node writes it. */
    static final String IPIP_TUNNEL_ADDR = "IpInIpTunnelAddr";
    final Map<WorkloadEndpointKey, WorkloadEndpoint> workloadEndpoints = new HashMap<>();
    /** Host endpoints of every node (their expected addresses feed selector ip sets). */
    final Map<HostEndpointKey, HostEndpoint> hostEndpoints = new HashMap<>();
    final Map<String, ParsedPolicy> policies = new HashMap<>();
    final Map<String, ProfileRules> profileRules = new HashMap<>();
    final Map<String, Map<String, String>> profileLabels = new HashMap<>();
    final Map<String, List<String>> profileTags = new HashMap<>();
    final Map<Cidr, IpPool> pools = new LinkedHashMap<>();
    /** Node name to its {@code bird_ip} text. */
    final Map<String, String> nodeIps = new HashMap<>();
    /** Node name to its {@code IPv4VXLANTunnelAddr} host config. */
    final Map<String, String> vxlanTunnelAddrs = new HashMap<>();
    /** Node name to its {@code VXLANTunnelMACAddr} host config. */
    final Map<String, String> vxlanMacs = new HashMap<>();
    /** Node name to its {@code IpInIpTunnelAddr} host config. */
    final Map<String, String> ipipTunnelAddrs = new HashMap<>();
    /** Node name to its {@code network_v4} (the node's IPv4 subnet, for CrossSubnet). */
    final Map<String, String> nodeNetworks = new HashMap<>();
    final Map<BlockAffinityKey, BlockAffinity> affinities = new HashMap<>();
    /**
     * What changed since the owner last cleared these: the workload endpoints written or deleted,
     * and whether anything else felix uses changed (which the incremental calculator answers by
     * recomputing from scratch).
     */
    final Set<WorkloadEndpointKey> changedEndpoints = new HashSet<>();
    boolean changedOther;

    static <K, V> void put(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /**
     * The labels profiles give the endpoints that use them: their labels plus, for each v1 tag
     * {@code t}, a label {@code t} with an empty value (so that the selector {@code has(t)}, which
     * is what a tag means, matches).
     */
    Map<String, Map<String, String>> inheritedLabels() {
        if (profileTags.isEmpty()) {
            return profileLabels;
        }
        Map<String, Map<String, String>> inherited = new HashMap<>(profileLabels);
        profileTags.forEach((profile, tags) -> {
            Map<String, String> labels = new HashMap<>();
            tags.forEach(tag -> labels.put(tag, ""));
            labels.putAll(profileLabels.getOrDefault(profile, Map.of()));
            inherited.put(profile, labels);
        });
        return inherited;
    }

    /** Applies one syncer update; true when felix's view changed. */
    boolean apply(Update update) {
        Key<?> key;
        try {
            key = KeyPaths.parse(update.key());
        } catch (MalformedKeyException e) {
            LOG.debug("ignoring key felix does not use: {}", update.key());
            return false;
        }
        try {
            return store(key, update.value());
        } catch (MalformedValueException e) {
            // Calico's felix drops a value it cannot parse, as if the key were absent.
            LOG.warn("treating malformed value as absent: {}", e.getMessage());
            return store(key, null);
        }
    }

    private boolean store(Key<?> key, String text) {
        switch (key) {
            case WorkloadEndpointKey k -> {
                put(workloadEndpoints, k, decode(k, text));
                changedEndpoints.add(k);
                return true;
            }
            case PolicyKey k -> {
                if (!k.tier().equals(PolicyKey.DEFAULT_TIER)) {
                    LOG.debug("ignoring policy {} in tier {}: felix renders only the default tier", k.name(), k.tier());
                    return false;
                }
                var policy = decode(k, text);
                put(policies, k.name(), policy == null ? null : ParsedPolicy.of(k.name(), policy));
            }
            case ProfileRulesKey k -> put(profileRules, k.profile(), decode(k, text));
            case ProfileLabelsKey k -> put(profileLabels, k.profile(), decode(k, text));
            case ProfileTagsKey k -> put(profileTags, k.profile(), decode(k, text));
            case IpPoolKey k -> put(pools, k.cidr(), decode(k, text));
            case HostBirdIpKey k -> put(nodeIps, k.node(), decode(k, text));
            case BlockAffinityKey k -> put(affinities, k, decode(k, text));
            case HostEndpointKey k -> put(hostEndpoints, k, decode(k, text));
            case NodeBgpFieldKey k -> {
                if (k.field() != NodeBgpField.NETWORK_V4) {
                    return false;
                }
                put(nodeNetworks, k.node(), text);
            }
            case HostConfigKey k -> {
                switch (k.name()) {
                    case VXLAN_TUNNEL_ADDR -> put(vxlanTunnelAddrs, k.node(), text);
                    case VXLAN_TUNNEL_MAC -> put(vxlanMacs, k.node(), text);
                    case IPIP_TUNNEL_ADDR -> put(ipipTunnelAddrs, k.node(), text);
                    default -> {
                        return false;
                    }
                }
            }
            // Node data, BGP and IPAM keys are not used by this felix (yet).
            case ReadyKey _, GlobalConfigKey _, HostMetadataKey _,
                    OrchestratorRefsKey _, TierMetadataKey _,
                    NodeBgpPeerKey _, GlobalBgpFieldKey _, NodeMeshKey _, PrefixAdvertisementsKey _,
                    GlobalBgpPeerKey _, CustomFilterKey _, RouteReflectorKey _, IpamConfigKey _, BlockKey _,
                    IpamHandleKey _, FelixStatusKey _, WorkloadEndpointStatusKey _,
                    HostEndpointStatusKey _, ResourceKey _ -> {
                return false;
            }
        }
        changedOther = true;
        return true;
    }

    private static <V> V decode(Key<V> key, String text) {
        return text == null ? null : ValueCodec.INSTANCE.decode(key, text);
    }
}
