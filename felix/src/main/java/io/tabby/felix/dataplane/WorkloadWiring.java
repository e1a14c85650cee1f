package io.tabby.felix.dataplane;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteProtocols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the local workload endpoints need wired in the kernel: their routes, interface settings and static neighbours. */
final class WorkloadWiring {
    /** Workload routes carry {@code proto boot}, as Calico's CNI plugin and felix write them. */
    static final int WORKLOAD_ROUTE_PROTOCOL = RouteProtocols.BOOT;

    private WorkloadWiring() {}

    /** Whether two versions of an endpoint need the same routes, interface settings and neighbours. */
    static boolean same(WorkloadEndpoint a, WorkloadEndpoint b) {
        return a.name().equals(b.name()) && Objects.equals(a.ipv4Nets(), b.ipv4Nets())
                && Objects.equals(a.ipv6Nets(), b.ipv6Nets()) && Objects.equals(a.mac(), b.mac());
    }

    /** Each workload interface with whether its endpoint has IPv6 addresses (then it gets the IPv6 settings too). */
    static Map<String, Boolean> interfaces(Collection<WorkloadEndpointUpdate> endpoints) {
        Map<String, Boolean> wanted = new HashMap<>();
        endpoints.forEach(u -> wanted.merge(u.endpoint().name(),
                u.endpoint().ipv6Nets() != null && !u.endpoint().ipv6Nets().isEmpty(), Boolean::logicalOr));
        return wanted;
    }

    /** A /32 or /128 (or wider) link route per workload address, to the workload's interface. */
    static List<Route> routes(Collection<WorkloadEndpointUpdate> endpoints) {
        List<Route> wanted = new ArrayList<>();
        endpoints.forEach(update -> wanted.addAll(routes(update.endpoint())));
        return wanted;
    }

    /** One endpoint's routes (see {@link #routes(Collection)}). */
    static List<Route> routes(WorkloadEndpoint endpoint) {
        List<Route> wanted = new ArrayList<>();
        for (List<Cidr> nets : Arrays.asList(endpoint.ipv4Nets(), endpoint.ipv6Nets())) {
            if (nets != null) {
                nets.forEach(net -> wanted.add(Route.toDevice(net.toString(), endpoint.name(), WORKLOAD_ROUTE_PROTOCOL)));
            }
        }
        return wanted;
    }

    /** A permanent neighbour per workload IPv4 /32 with the endpoint's MAC. */
    static Set<Neighbour> neighbours(Collection<WorkloadEndpointUpdate> endpoints) {
        Set<Neighbour> wanted = new HashSet<>();
        endpoints.forEach(update -> wanted.addAll(neighbours(update.endpoint())));
        return wanted;
    }

    /** One endpoint's neighbours (see {@link #neighbours(Collection)}). */
    static Set<Neighbour> neighbours(WorkloadEndpoint endpoint) {
        String mac = endpoint.mac();
        if (mac == null || endpoint.ipv4Nets() == null) {
            return Set.of();
        }
        Set<Neighbour> wanted = new HashSet<>();
        endpoint.ipv4Nets().stream().filter(n -> n.family() == IpFamily.V4 && n.prefixLength() == 32)
                .forEach(n -> wanted.add(Neighbour.of(endpoint.name(), n.network().toString(), mac)));
        return wanted;
    }

    /** Whether the endpoint has IPv6 addresses (its interface then gets the IPv6 settings too). */
    static boolean hasIpv6(WorkloadEndpoint endpoint) {
        return endpoint.ipv6Nets() != null && !endpoint.ipv6Nets().isEmpty();
    }
}
