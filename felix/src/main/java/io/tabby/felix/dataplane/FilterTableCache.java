package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.rules.Chain;
import io.tabby.felix.rules.Encapsulation;
import io.tabby.felix.rules.FilterRenderer;
import io.tabby.felix.rules.TableRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filter table as {@link FilterRenderer#render} would produce it, chain for chain in the same
 * order, but rendering an endpoint's, policy's or profile's chains only when that thing changed:
 * the rest are the very {@link Chain} objects of the previous render, so that the table manager
 * recognises them by identity and neither re-hashes nor rewrites them. The dispatch chains are
 * recomputed from the interface names each time (a split tree, so one endpoint changes one leaf).
 */
final class FilterTableCache {
    private record Rendered<T>(T source, List<Chain> chains) {}

    private final FilterRenderer renderer;
    private final Map<WorkloadEndpointKey, Rendered<WorkloadEndpointUpdate>> endpoints = new HashMap<>();
    private final Map<HostEndpointKey, Rendered<HostEndpointUpdate>> hostEndpoints = new HashMap<>();
    private final Map<String, Rendered<Policy>> policies = new HashMap<>();
    private final Map<String, Rendered<ProfileRules>> profiles = new HashMap<>();

    FilterTableCache(FilterRenderer renderer) {
        this.renderer = requireNonNull(renderer, "renderer is null");
    }

    TableRules render(Map<WorkloadEndpointKey, WorkloadEndpointUpdate> wantedEndpoints, Map<String, Policy> wantedPolicies,
            Map<String, ProfileRules> wantedProfiles, boolean vxlan) {
        return render(wantedEndpoints, Map.of(), wantedPolicies, wantedProfiles, new Encapsulation(vxlan, false));
    }

    TableRules render(Map<WorkloadEndpointKey, WorkloadEndpointUpdate> wantedEndpoints,
            Map<HostEndpointKey, HostEndpointUpdate> wantedHosts, Map<String, Policy> wantedPolicies,
            Map<String, ProfileRules> wantedProfiles, Encapsulation tunnels) {
        List<WorkloadEndpointUpdate> sorted = new ArrayList<>(wantedEndpoints.values());
        sorted.sort(Comparator.comparing(u -> u.endpoint().name()));
        List<HostEndpointUpdate> hosts = FilterRenderer.distinctInterfaces(wantedHosts.values());
        List<Chain> chains = new ArrayList<>(renderer.staticChains(tunnels));
        chains.addAll(renderer.dispatchChains(sorted.stream().map(u -> u.endpoint().name()).toList()));
        chains.addAll(renderer.hostDispatchChains(hosts.stream().map(u -> u.endpoint().name()).toList()));
        endpoints.keySet().retainAll(wantedEndpoints.keySet());
        for (WorkloadEndpointUpdate update : sorted) {
            chains.addAll(cached(endpoints, update.id(), update, renderer::endpointChains));
        }
        hostEndpoints.keySet().retainAll(wantedHosts.keySet());
        for (HostEndpointUpdate update : hosts) {
            chains.addAll(cached(hostEndpoints, update.id(), update, renderer::hostEndpointChains));
        }
        policies.keySet().retainAll(wantedPolicies.keySet());
        new TreeMap<>(wantedPolicies).forEach((name, policy) ->
                chains.addAll(cached(policies, name, policy, p -> renderer.policyChains(name, p))));
        profiles.keySet().retainAll(wantedProfiles.keySet());
        new TreeMap<>(wantedProfiles).forEach((name, rules) ->
                chains.addAll(cached(profiles, name, rules, r -> renderer.profileChains(name, r))));
        return new TableRules(chains, FilterRenderer.hooks());
    }

    private static <K, T> List<Chain> cached(Map<K, Rendered<T>> cache, K key, T source,
            java.util.function.Function<T, List<Chain>> render) {
        Rendered<T> have = cache.get(key);
        if (have != null && (have.source() == source || have.source().equals(source))) {
            return have.chains();
        }
        List<Chain> chains = render.apply(source);
        cache.put(key, new Rendered<>(source, chains));
        return chains;
    }
}
