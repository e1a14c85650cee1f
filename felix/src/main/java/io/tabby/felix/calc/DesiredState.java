package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelUpdate;
import io.tabby.felix.api.DataplaneMessage.RouteUpdate;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import java.util.Map;

/**
 * Everything the dataplane should hold, computed from one datastore state.
 *
 * @param ipSets set id to the set
 * @param pools every IP pool
 * @param policies the policies some local endpoint uses
 * @param profiles the profiles some local endpoint uses
 * @param endpoints this node's workload endpoints with their policies
 * @param hostEndpoints this node's host endpoints (those naming an interface) with their policies
 * @param vteps VXLAN tunnel endpoints by node name
 * @param ipipTunnels this node's IPIP tunnel, by node name, when IPIP is on
 * @param routes IPAM blocks felix routes: remote ones through VXLAN, IPIP or directly, own ones as blackholes
 */
public record DesiredState(
        Map<String, IpSetUpdate> ipSets,
        Map<Cidr, IpPool> pools,
        Map<String, Policy> policies,
        Map<String, ProfileRules> profiles,
        Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints,
        Map<HostEndpointKey, HostEndpointUpdate> hostEndpoints,
        Map<String, VtepUpdate> vteps,
        Map<String, IpipTunnelUpdate> ipipTunnels,
        Map<Cidr, RouteUpdate> routes) {

    public DesiredState {
        ipSets = Map.copyOf(requireNonNull(ipSets, "ipSets is null"));
        pools = Map.copyOf(requireNonNull(pools, "pools is null"));
        policies = Map.copyOf(requireNonNull(policies, "policies is null"));
        profiles = Map.copyOf(requireNonNull(profiles, "profiles is null"));
        endpoints = Map.copyOf(requireNonNull(endpoints, "endpoints is null"));
        hostEndpoints = Map.copyOf(requireNonNull(hostEndpoints, "hostEndpoints is null"));
        vteps = Map.copyOf(requireNonNull(vteps, "vteps is null"));
        ipipTunnels = Map.copyOf(requireNonNull(ipipTunnels, "ipipTunnels is null"));
        routes = Map.copyOf(requireNonNull(routes, "routes is null"));
    }

    public static final DesiredState EMPTY = new DesiredState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of());
}
