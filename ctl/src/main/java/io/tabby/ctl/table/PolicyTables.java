package io.tabby.ctl.table;

import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * calicoctl's tables for the policy kinds: policies {@code NAME} / {@code NAME ORDER SELECTOR} (an
 * unset order prints as Go prints a nil pointer, {@code <nil>}); profiles {@code NAME} /
 * {@code NAME LABELS}; host endpoints {@code NAME NODE} / {@code NAME NODE INTERFACE IPS PROFILES};
 * workload endpoints {@code WORKLOAD NODE NETWORKS INTERFACE} / {@code NAME WORKLOAD NODE NETWORKS
 * INTERFACE PROFILES NATS}. Lists are comma-joined.
 */
final class PolicyTables {
    private PolicyTables() {
    }

    static KindTable policies() {
        return new KindTable(List.of(Column.name()), List.of(Column.name(),
                new Column("ORDER", (resource, context) -> order(spec(resource))),
                new Column("SELECTOR", (resource, context) -> spec(resource).selector())));
    }

    static KindTable profiles() {
        return new KindTable(List.of(Column.name()), List.of(Column.name(),
                Column.of("LABELS", ProfileResource.class, profile -> profile.spec().labelsToApply().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))));
    }

    static KindTable hostEndpoints() {
        Column node = Column.of("NODE", HostEndpointResource.class, host -> host.spec().node());
        return new KindTable(List.of(Column.name(), node), List.of(Column.name(), node,
                Column.of("INTERFACE", HostEndpointResource.class, host -> host.spec().interfaceName()),
                Column.of("IPS", HostEndpointResource.class, host -> String.join(",", host.spec().expectedIPs())),
                Column.of("PROFILES", HostEndpointResource.class, host -> String.join(",", host.spec().profiles()))));
    }

    static KindTable workloadEndpoints() {
        Column workload = Column.of("WORKLOAD", WorkloadEndpointResource.class, wep -> wep.spec().workload().isEmpty()
                ? wep.spec().pod() : wep.spec().workload());
        Column node = Column.of("NODE", WorkloadEndpointResource.class, wep -> wep.spec().node());
        Column networks = Column.of("NETWORKS", WorkloadEndpointResource.class,
                wep -> String.join(",", wep.spec().ipNetworks()));
        Column iface = Column.of("INTERFACE", WorkloadEndpointResource.class, wep -> wep.spec().interfaceName());
        return new KindTable(List.of(workload, node, networks, iface), List.of(Column.name(), workload, node, networks,
                iface,
                Column.of("PROFILES", WorkloadEndpointResource.class, wep -> String.join(",", wep.spec().profiles())),
                Column.of("NATS", WorkloadEndpointResource.class, PolicyTables::nats)));
    }

    private static PolicySpec spec(Resource resource) {
        return resource instanceof NetworkPolicyResource policy ? policy.spec()
                : ((GlobalNetworkPolicyResource) resource).spec();
    }

    /** Go's {@code %v} of a float64 pointer: {@code 100}, {@code 10.5}, {@code <nil>}. */
    private static String order(PolicySpec spec) {
        Double order = spec.order();
        if (order == null) {
            return "<nil>";
        }
        if (order == Math.rint(order) && Math.abs(order) < 1e21) {
            return Long.toString(order.longValue());
        }
        return order.toString();
    }

    /** Each floating IP as Go prints the struct: {@code {192.168.1.5 172.16.0.5}}. */
    private static String nats(WorkloadEndpointResource wep) {
        return wep.spec().ipNATs().stream().map(PolicyTables::nat).collect(Collectors.joining(","));
    }

    private static String nat(WorkloadEndpointSpec.IpNat nat) {
        return "{" + nat.internalIP() + " " + nat.externalIP() + "}";
    }
}
