package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.selector.Selector;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.api.IpSetKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes the {@link DesiredState} of one node from a {@link DatastoreView}; pure. */
final class StateCalculator {
    private static final ProfileRules NO_RULES = new ProfileRules(List.of(), List.of());

    private final String nodeName;
    private final VxlanCalculator vxlan;
    private final BlockRoutes blockRoutes;

    StateCalculator(String nodeName) {
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
        this.vxlan = new VxlanCalculator(nodeName);
        this.blockRoutes = new BlockRoutes(nodeName);
    }

    DesiredState compute(DatastoreView view) {
        List<ParsedPolicy> sorted = new ArrayList<>(view.policies.values());
        sorted.sort(PolicyOrder.COMPARATOR);
        Map<String, Map<String, String>> inherited = view.inheritedLabels();
        Map<WorkloadEndpointKey, Map<String, String>> labels = new HashMap<>();
        view.workloadEndpoints.forEach((key, ep) -> labels.put(key,
                EffectiveLabels.of(ep.labels(), profiles(ep), inherited)));

        Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints = new HashMap<>();
        Map<String, Policy> policies = new TreeMap<>();
        Map<String, ProfileRules> profiles = new TreeMap<>();
        view.workloadEndpoints.forEach((key, ep) -> {
            if (!key.node().equals(nodeName)) {
                return;
            }
            EndpointPolicies tiers = EndpointPolicyResolver.resolve(sorted, labels.get(key), profiles(ep));
            endpoints.put(key, new WorkloadEndpointUpdate(key, ep, tiers));
            tiers.ingress().forEach(name -> policies.put(name, view.policies.get(name).policy()));
            tiers.egress().forEach(name -> policies.put(name, view.policies.get(name).policy()));
            tiers.profiles().forEach(name -> profiles.put(name, view.profileRules.getOrDefault(name, NO_RULES)));
        });
        Map<HostEndpointKey, Map<String, String>> hostLabels = HostEndpoints.labels(view.hostEndpoints, inherited);
        Map<HostEndpointKey, HostEndpointUpdate> localHosts = HostEndpoints.local(nodeName, view.hostEndpoints, hostLabels,
                sorted);
        localHosts.values().forEach(update -> {
            EndpointPolicies tiers = update.tiers();
            tiers.ingress().forEach(name -> policies.put(name, view.policies.get(name).policy()));
            tiers.egress().forEach(name -> policies.put(name, view.policies.get(name).policy()));
            tiers.profiles().forEach(name -> profiles.put(name, view.profileRules.getOrDefault(name, NO_RULES)));
        });

        Map<String, IpSetUpdate> ipSets = new HashMap<>();
        for (Selector selector : activeSelectors(policies.values(), profiles.values())) {
            Set<String> members = new HashSet<>();
            view.workloadEndpoints.forEach((key, ep) -> {
                if (selector.matches(labels.get(key))) {
                    members.addAll(memberAddresses(ep));
                }
            });
            view.hostEndpoints.forEach((key, hep) -> {
                if (selector.matches(hostLabels.get(key))) {
                    members.addAll(HostEndpoints.memberAddresses(hep));
                }
            });
            String id = IpSetIds.forSelector(selector);
            ipSets.put(id, new IpSetUpdate(id, IpSetKind.HASH_IP, members));
        }
        poolSets(view.pools).forEach(set -> ipSets.put(set.id(), set));
        Map<String, VtepUpdate> vteps = vxlan.vteps(view);
        if (!vteps.isEmpty()) {
            Set<String> hosts = new HashSet<>();
            vteps.values().forEach(v -> hosts.add(v.nodeIp() + "/32"));
            ipSets.put(IpSetIds.ALL_VXLAN_NET, new IpSetUpdate(IpSetIds.ALL_VXLAN_NET, IpSetKind.HASH_NET, hosts));
        }
        blockRoutes.allHosts(view).ifPresent(set -> ipSets.put(set.id(), set));
        return new DesiredState(ipSets, view.pools, policies, profiles, endpoints, localHosts, vteps,
                blockRoutes.ipipTunnels(view), blockRoutes.routes(view, vteps));
    }

    static List<String> profiles(WorkloadEndpoint ep) {
        return ep.profileIds() == null ? List.of() : ep.profileIds();
    }

    private static Set<Selector> activeSelectors(Iterable<Policy> policies, Iterable<ProfileRules> profiles) {
        List<Rule> rules = new ArrayList<>();
        policies.forEach(p -> {
            rules.addAll(p.inboundRules());
            rules.addAll(p.outboundRules());
        });
        profiles.forEach(p -> {
            rules.addAll(p.inboundRules());
            rules.addAll(p.outboundRules());
        });
        return RuleSelectors.of(rules);
    }

    /**
     * The endpoint's host addresses (IPv4 /32s, then IPv6 /128s) as {@code hash:ip} members; the
     * dataplane puts each in the set of its family.
     */
    static List<String> memberAddresses(WorkloadEndpoint ep) {
        List<String> members = new ArrayList<>();
        for (List<Cidr> nets : Arrays.asList(ep.ipv4Nets(), ep.ipv6Nets())) {
            if (nets != null) {
                nets.stream().filter(net -> net.prefixLength() == net.family().bits())
                        .forEach(net -> members.add(net.network().toString()));
            }
        }
        return members;
    }

    static List<IpSetUpdate> poolSets(Map<Cidr, IpPool> pools) {
        Set<String> all = new HashSet<>();
        Set<String> masq = new HashSet<>();
        pools.values().forEach(pool -> {
            all.add(pool.cidr().toString());
            if (pool.masquerade()) {
                masq.add(pool.cidr().toString());
            }
        });
        return List.of(new IpSetUpdate(IpSetIds.ALL_POOLS, IpSetKind.HASH_NET, all),
                new IpSetUpdate(IpSetIds.MASQ_POOLS, IpSetKind.HASH_NET, masq));
    }
}
