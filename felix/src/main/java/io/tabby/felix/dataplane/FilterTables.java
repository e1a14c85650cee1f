package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.rules.Encapsulation;
import io.tabby.felix.rules.FilterRenderer;
import io.tabby.felix.rules.RulesConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IPv4 and IPv6 filter tables, brought up to date from the things the dataplane recorded as
 * changed ({@link #endpointChanged} and friends) and handed to their table managers as changes.
 *
 * <p>The IPv6 table holds the endpoints with IPv6 addresses and the policies and profiles they
 * use. An endpoint without IPv6 addresses has no chains there: the dispatch chains'
 * unknown-interface drop stops its IPv6 traffic, as its anti-spoofing rule would, and an IPv4-only
 * cluster pays nothing in ip6tables. Host endpoints police an interface, whatever its addresses,
 * so they and their policies are in both tables. Which policies and profiles the IPv6 table needs
 * is kept as a count of users, updated per changed endpoint.
 */
final class FilterTables {
    private final FilterTableCache v4;
    private final FilterTableCache v6;
    private final Set<WorkloadEndpointKey> changedEndpoints = new HashSet<>();
    private final Set<String> changedPolicies = new HashSet<>();
    private final Set<String> changedProfiles = new HashSet<>();
    private boolean hostsChanged = true;

    /** The endpoints in the IPv6 table, and the users there of each policy and profile. */
    private final Map<WorkloadEndpointKey, WorkloadEndpointUpdate> v6Endpoints = new HashMap<>();
    private final Map<String, Integer> v6PolicyUsers = new HashMap<>();
    private final Map<String, Integer> v6ProfileUsers = new HashMap<>();
    private List<EndpointPolicies> v6HostTiers = List.of();

    FilterTables(RulesConfig rules) {
        requireNonNull(rules, "rules is null");
        this.v4 = new FilterTableCache(new FilterRenderer(rules, IpFamily.V4));
        this.v6 = new FilterTableCache(new FilterRenderer(rules, IpFamily.V6));
    }

    void endpointChanged(WorkloadEndpointKey key) {
        changedEndpoints.add(key);
    }

    void policyChanged(String name) {
        changedPolicies.add(name);
    }

    void profileChanged(String name) {
        changedProfiles.add(name);
    }

    void hostsChanged() {
        hostsChanged = true;
    }

    /** Brings both tables' managers to the current things. */
    void update(Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints,
            Map<HostEndpointKey, HostEndpointUpdate> hosts, Map<String, Policy> policies,
            Map<String, ProfileRules> profiles, Encapsulation tunnels, IptablesTableManager filter,
            IptablesTableManager filter6) {
        FilterTableCache.Delta delta = v4.update(new FilterTableCache.Changes(endpoints, changedEndpoints, policies,
                changedPolicies, profiles, changedProfiles, hostsChanged ? hosts.values() : null, tunnels));
        filter.update(delta.put(), delta.dropped(), FilterRenderer.hooks());

        Set<String> v6Policies = new HashSet<>();
        Set<String> v6Profiles = new HashSet<>();
        for (WorkloadEndpointKey key : changedEndpoints) {
            WorkloadEndpointUpdate before = v6Endpoints.remove(key);
            if (before != null) {
                use(before.tiers(), -1, v6Policies, v6Profiles);
            }
            WorkloadEndpointUpdate now = endpoints.get(key);
            List<Cidr> nets = now == null ? null : now.endpoint().ipv6Nets();
            if (nets != null && !nets.isEmpty()) {
                v6Endpoints.put(key, now);
                use(now.tiers(), 1, v6Policies, v6Profiles);
            }
        }
        if (hostsChanged) {
            v6HostTiers.forEach(tiers -> use(tiers, -1, v6Policies, v6Profiles));
            v6HostTiers = hosts.values().stream().map(HostEndpointUpdate::tiers).toList();
            v6HostTiers.forEach(tiers -> use(tiers, 1, v6Policies, v6Profiles));
        }
        changedPolicies.stream().filter(v6PolicyUsers::containsKey).forEach(v6Policies::add);
        changedProfiles.stream().filter(v6ProfileUsers::containsKey).forEach(v6Profiles::add);
        FilterTableCache.Delta delta6 = v6.update(new FilterTableCache.Changes(v6Endpoints, changedEndpoints,
                present(policies, v6Policies, v6PolicyUsers), v6Policies, present(profiles, v6Profiles, v6ProfileUsers),
                v6Profiles, hostsChanged ? hosts.values() : null, Encapsulation.NONE));
        filter6.update(delta6.put(), delta6.dropped(), FilterRenderer.hooks());
        changedEndpoints.clear();
        changedPolicies.clear();
        changedProfiles.clear();
        hostsChanged = false;
    }

    /** Of {@code names}, those the IPv6 table wants, with their current value. */
    private static <T> Map<String, T> present(Map<String, T> all, Set<String> names, Map<String, Integer> users) {
        Map<String, T> wanted = new HashMap<>();
        for (String name : names) {
            T value = all.get(name);
            if (value != null && users.containsKey(name)) {
                wanted.put(name, value);
            }
        }
        return wanted;
    }

    private void use(EndpointPolicies tiers, int delta, Set<String> policies, Set<String> profiles) {
        List<String> names = new ArrayList<>(tiers.ingress());
        names.addAll(tiers.egress());
        for (String name : new HashSet<>(names)) {
            count(v6PolicyUsers, name, delta);
            policies.add(name);
        }
        for (String name : new HashSet<>(tiers.profiles())) {
            count(v6ProfileUsers, name, delta);
            profiles.add(name);
        }
    }

    private static void count(Map<String, Integer> users, String name, int delta) {
        if (users.merge(name, delta, Integer::sum) == 0) {
            users.remove(name);
        }
    }
}
