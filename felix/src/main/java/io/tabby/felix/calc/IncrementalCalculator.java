package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.selector.Selector;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelUpdate;
import io.tabby.felix.api.DataplaneMessage.RouteUpdate;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.api.IpSetKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link StateCalculator}'s answer, kept up to date one endpoint at a time. A change to a
 * workload endpoint costs its own policy resolution (every policy's selector against its labels)
 * and one match per active selector; anything else (policies, profiles, pools, nodes) is
 * recomputed from scratch, which is what {@link StateCalculator} does on every flush.
 *
 * <p>Indexes: the effective labels of every endpoint (the {@link LabelIndex}, which also finds
 * the endpoints a selector can match without trying every endpoint); each local endpoint's
 * ordered policies and profiles (endpoint → policies) with a count of local endpoints per active
 * policy and profile; per active rule selector, the endpoints it matches with their addresses
 * (selector → matching endpoints) and how many active policies and profiles use it. An ip set is
 * rebuilt only when its matching endpoints changed.
 */
final class IncrementalCalculator {
    private static final ProfileRules NO_RULES = new ProfileRules(List.of(), List.of());

    /** One active rule selector: who uses it and whom it matches. */
    private static final class SelectorIndex {
        final Selector selector;
        int users;
        final Map<WorkloadEndpointKey, List<String>> matched = new HashMap<>();
        /** Host endpoints only change through a rebuild, so this is filled when the index is made. */
        final Map<HostEndpointKey, List<String>> hostMatched = new HashMap<>();

        SelectorIndex(Selector selector) {
            this.selector = selector;
        }
    }

    private final String nodeName;
    private final VxlanCalculator vxlan;
    private final BlockRoutes blockRoutes;

    private List<ParsedPolicy> sorted = List.of();
    private Map<String, Map<String, String>> inherited = Map.of();
    private Map<String, ParsedPolicy> policies = Map.of();
    private Map<String, ProfileRules> profileRules = Map.of();
    private Map<Cidr, IpPool> pools = Map.of();
    private Map<String, IpSetUpdate> globalSets = Map.of();
    private Map<String, VtepUpdate> vteps = Map.of();
    private Map<Cidr, RouteUpdate> routes = Map.of();
    private Map<String, IpipTunnelUpdate> ipipTunnels = Map.of();
    private Map<HostEndpointKey, Map<String, String>> hostLabels = Map.of();
    private Map<HostEndpointKey, List<String>> hostAddresses = Map.of();
    private Map<HostEndpointKey, HostEndpointUpdate> localHosts = Map.of();

    private final Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints = new HashMap<>();
    private final LabelIndex<WorkloadEndpointKey> labels = new LabelIndex<>();
    private final Map<WorkloadEndpointKey, WorkloadEndpointUpdate> local = new HashMap<>();
    private final Map<String, Integer> policyUsers = new HashMap<>();
    private final Map<String, Integer> profileUsers = new HashMap<>();
    private final Map<String, Policy> activePolicies = new HashMap<>();
    private final Map<String, ProfileRules> activeProfiles = new HashMap<>();
    private final Map<String, SelectorIndex> selectors = new HashMap<>();
    private final Map<String, IpSetUpdate> selectorSets = new HashMap<>();
    private final Set<String> dirtySets = new HashSet<>();
    /** What changed since the last {@link #changes()} (local endpoints, ip sets, active policies and profiles). */
    private final Set<WorkloadEndpointKey> changedLocal = new HashSet<>();
    private final Set<String> changedSets = new HashSet<>();
    private final Set<String> changedPolicies = new HashSet<>();
    private final Set<String> changedProfiles = new HashSet<>();

    IncrementalCalculator(String nodeName) {
        this(nodeName, true);
    }

    /** @param programIpip whether felix routes other nodes' IPIP blocks (else BGP does) */
    IncrementalCalculator(String nodeName, boolean programIpip) {
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
        this.vxlan = new VxlanCalculator(nodeName);
        this.blockRoutes = new BlockRoutes(nodeName, programIpip);
    }

    /** Forgets everything and computes the view from scratch. */
    void rebuild(DatastoreView view) {
        List<ParsedPolicy> list = new ArrayList<>(view.policies.values());
        list.sort(PolicyOrder.COMPARATOR);
        sorted = List.copyOf(list);
        inherited = Map.copyOf(view.inheritedLabels());
        policies = Map.copyOf(view.policies);
        profileRules = Map.copyOf(view.profileRules);
        pools = Map.copyOf(view.pools);
        vteps = vxlan.vteps(view);
        routes = blockRoutes.routes(view, vteps);
        ipipTunnels = blockRoutes.ipipTunnels(view);
        Map<String, IpSetUpdate> sets = new HashMap<>();
        StateCalculator.poolSets(view.pools).forEach(set -> sets.put(set.id(), set));
        if (!vteps.isEmpty()) {
            Set<String> hosts = new HashSet<>();
            vteps.values().forEach(v -> hosts.add(v.nodeIp() + "/32"));
            sets.put(IpSetIds.ALL_VXLAN_NET, new IpSetUpdate(IpSetIds.ALL_VXLAN_NET, IpSetKind.HASH_NET, hosts));
        }
        blockRoutes.allHosts(view).ifPresent(set -> sets.put(set.id(), set));
        globalSets = Map.copyOf(sets);
        endpoints.clear();
        labels.clear();
        local.clear();
        policyUsers.clear();
        profileUsers.clear();
        activePolicies.clear();
        activeProfiles.clear();
        selectors.clear();
        selectorSets.clear();
        dirtySets.clear();
        view.workloadEndpoints.forEach((key, ep) -> {
            endpoints.put(key, ep);
            labels.put(key, EffectiveLabels.of(ep.labels(), StateCalculator.profiles(ep), inherited));
        });
        hostLabels = Map.copyOf(HostEndpoints.labels(view.hostEndpoints, inherited));
        Map<HostEndpointKey, List<String>> addresses = new HashMap<>();
        view.hostEndpoints.forEach((key, hep) -> addresses.put(key, HostEndpoints.memberAddresses(hep)));
        hostAddresses = Map.copyOf(addresses);
        localHosts = Map.copyOf(HostEndpoints.local(nodeName, view.hostEndpoints, hostLabels, sorted));
        localHosts.values().forEach(update -> use(update.tiers(), 1));
        EndpointPolicyResolver.resolveAll(sorted, labels, key -> key.node().equals(nodeName),
                key -> StateCalculator.profiles(endpoints.get(key))).forEach((key, tiers) -> {
                    local.put(key, new WorkloadEndpointUpdate(key, endpoints.get(key), tiers));
                    use(tiers, 1);
                });
        forgetChanges();
    }

    /** After a rebuild the whole state is sent, so nothing is a change relative to it. */
    private void forgetChanges() {
        changedLocal.clear();
        changedSets.clear();
        changedPolicies.clear();
        changedProfiles.clear();
    }

    /** Brings one endpoint (written or deleted in {@code view}) up to date. */
    void endpointChanged(DatastoreView view, WorkloadEndpointKey key) {
        changedLocal.add(key);
        // The sets it was in, so that a set it stays in with the same addresses is not rebuilt.
        Map<String, SelectorIndex> indexesBefore = new HashMap<>();
        Map<String, List<String>> membershipBefore = new HashMap<>();
        selectors.forEach((id, index) -> {
            List<String> addresses = index.matched.get(key);
            if (addresses != null) {
                indexesBefore.put(id, index);
                membershipBefore.put(id, addresses);
            }
        });
        Set<String> dirtyBefore = new HashSet<>(dirtySets);
        remove(key);
        WorkloadEndpoint ep = view.workloadEndpoints.get(key);
        if (ep != null) {
            add(key, ep);
        }
        indexesBefore.forEach((id, index) -> {
            if (!dirtyBefore.contains(id) && selectors.get(id) == index
                    && membershipBefore.get(id).equals(index.matched.get(key))) {
                dirtySets.remove(id);
            }
        });
    }

    /**
     * What changed since the last {@link #rebuild} or call, each key with its current value (null:
     * gone): the incremental counterpart of {@link #state()}, for {@link EventSequencer#flush(CalcChanges)}.
     */
    CalcChanges changes() {
        changedSets.addAll(dirtySets);
        materializeSets();
        Map<String, IpSetUpdate> sets = new HashMap<>();
        changedSets.forEach(id -> sets.put(id, selectorSets.getOrDefault(id, globalSets.get(id))));
        Map<String, Policy> policiesNow = new HashMap<>();
        changedPolicies.forEach(name -> policiesNow.put(name, activePolicies.get(name)));
        Map<String, ProfileRules> profilesNow = new HashMap<>();
        changedProfiles.forEach(name -> profilesNow.put(name, activeProfiles.get(name)));
        Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpointsNow = new HashMap<>();
        changedLocal.forEach(key -> endpointsNow.put(key, local.get(key)));
        forgetChanges();
        return new CalcChanges(sets, policiesNow, profilesNow, endpointsNow);
    }

    DesiredState state() {
        materializeSets();
        Map<String, IpSetUpdate> ipSets = new HashMap<>(selectorSets);
        ipSets.putAll(globalSets);
        return new DesiredState(ipSets, pools, activePolicies, activeProfiles, local, localHosts, vteps, ipipTunnels, routes);
    }

    /** Recomputes the members of the selector sets whose matches changed. */
    private void materializeSets() {
        for (String id : dirtySets) {
            SelectorIndex index = selectors.get(id);
            if (index == null) {
                selectorSets.remove(id);
            } else {
                Set<String> members = new HashSet<>();
                index.matched.values().forEach(members::addAll);
                index.hostMatched.values().forEach(members::addAll);
                selectorSets.put(id, new IpSetUpdate(id, IpSetKind.HASH_IP, members));
            }
        }
        dirtySets.clear();
    }

    private void add(WorkloadEndpointKey key, WorkloadEndpoint ep) {
        Map<String, String> effective = EffectiveLabels.of(ep.labels(), StateCalculator.profiles(ep), inherited);
        endpoints.put(key, ep);
        labels.put(key, effective);
        if (key.node().equals(nodeName)) {
            resolve(key, ep); // may activate selectors, whose fresh scan already sees this endpoint
        }
        List<String> addresses = StateCalculator.memberAddresses(ep);
        selectors.forEach((id, index) -> {
            if (index.selector.matches(effective)) {
                index.matched.put(key, addresses);
                dirtySets.add(id);
            }
        });
    }

    private void remove(WorkloadEndpointKey key) {
        if (endpoints.remove(key) == null) {
            return;
        }
        labels.remove(key);
        selectors.forEach((id, index) -> {
            if (index.matched.remove(key) != null) {
                dirtySets.add(id);
            }
        });
        WorkloadEndpointUpdate old = local.remove(key);
        if (old != null) {
            use(old.tiers(), -1);
        }
    }

    private void resolve(WorkloadEndpointKey key, WorkloadEndpoint ep) {
        EndpointPolicies tiers = EndpointPolicyResolver.resolve(sorted, labels.get(key), StateCalculator.profiles(ep));
        local.put(key, new WorkloadEndpointUpdate(key, ep, tiers));
        use(tiers, 1);
    }

    private void use(EndpointPolicies tiers, int delta) {
        tiers.ingress().forEach(name -> usePolicy(name, delta));
        tiers.egress().forEach(name -> usePolicy(name, delta));
        tiers.profiles().forEach(name -> useProfile(name, delta));
    }

    private void usePolicy(String name, int delta) {
        int users = policyUsers.merge(name, delta, Integer::sum);
        Policy policy = policies.get(name).policy();
        if (users == 0 || users == delta) {
            changedPolicies.add(name);
        }
        if (users == 0) {
            policyUsers.remove(name);
            activePolicies.remove(name);
            useSelectors(policy.inboundRules(), policy.outboundRules(), -1);
        } else if (users == delta) {
            activePolicies.put(name, policy);
            useSelectors(policy.inboundRules(), policy.outboundRules(), 1);
        }
    }

    private void useProfile(String name, int delta) {
        int users = profileUsers.merge(name, delta, Integer::sum);
        ProfileRules rules = profileRules.getOrDefault(name, NO_RULES);
        if (users == 0 || users == delta) {
            changedProfiles.add(name);
        }
        if (users == 0) {
            profileUsers.remove(name);
            activeProfiles.remove(name);
            useSelectors(rules.inboundRules(), rules.outboundRules(), -1);
        } else if (users == delta) {
            activeProfiles.put(name, rules);
            useSelectors(rules.inboundRules(), rules.outboundRules(), 1);
        }
    }

    /** Counts the users of each selector in these rules; a new selector is matched against every endpoint. */
    private void useSelectors(List<Rule> inbound, List<Rule> outbound, int delta) {
        List<Rule> rules = new ArrayList<>(inbound);
        rules.addAll(outbound);
        Set<String> ids = new HashSet<>();
        for (Selector selector : RuleSelectors.of(rules)) {
            String id = IpSetIds.forSelector(selector);
            if (!ids.add(id)) {
                continue;
            }
            SelectorIndex index = selectors.get(id);
            if (index == null) {
                index = new SelectorIndex(selector);
                selectors.put(id, index);
                SelectorIndex fresh = index;
                for (WorkloadEndpointKey key : labels.matching(selector)) {
                    fresh.matched.put(key, StateCalculator.memberAddresses(endpoints.get(key)));
                }
                hostLabels.forEach((key, effective) -> {
                    if (fresh.selector.matches(effective)) {
                        fresh.hostMatched.put(key, hostAddresses.get(key));
                    }
                });
                dirtySets.add(id);
            }
            index.users += delta;
            if (index.users == 0) {
                selectors.remove(id);
                dirtySets.add(id);
            }
        }
    }
}
