package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.RouteScope;
import io.tabby.platform.net.RouteTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The main-table IPv4 and IPv6 routes on workload interfaces: felix owns every route whose device starts
 * with the interface prefix ({@code cali}), whatever its protocol, as Calico's route table manager
 * does. It makes the desired ones exactly so and removes the others, in one batch. A route whose
 * interface does not exist yet is left for a later apply. An IPv6 route is compared in the form
 * the kernel reports it (no scope, metric 1024 when none was given), so an unchanged /128 is not
 * rewritten on every pass.
 */
final class RouteManager {
    private static final Logger LOG = LogManager.getLogger(RouteManager.class);

    /** The metric the kernel gives an IPv6 route added without one. */
    private static final int IPV6_DEFAULT_METRIC = 1024;

    private final RouteOps routes;
    private final LinkOps links;
    private final NetNs ns;
    private final String interfacePrefix;
    private Map<IpPrefix, Route> desired = Map.of();

    RouteManager(RouteOps routes, LinkOps links, NetNs ns, String interfacePrefix) {
        this.routes = requireNonNull(routes, "routes is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
        this.interfacePrefix = requireNonNull(interfacePrefix, "interfacePrefix is null");
    }

    void setDesired(List<Route> wanted) {
        Map<IpPrefix, Route> byDestination = new HashMap<>();
        wanted.forEach(r -> byDestination.put(r.destination(), r));
        desired = byDestination;
    }

    /** Reads the kernel and applies the difference; true when a wanted route had to wait for its interface. */
    boolean apply() {
        Set<String> present = links.list(ns).stream().map(Link::name).collect(Collectors.toSet());
        Map<IpPrefix, Route> owned = new HashMap<>();
        for (IpFamily family : IpFamily.values()) {
            for (Route route : routes.list(ns, RouteFilter.table(family, RouteTables.MAIN))) {
                if (route.device().map(d -> d.startsWith(interfacePrefix)).orElse(false)) {
                    owned.put(route.destination(), route);
                }
            }
        }
        List<RouteChange> changes = new ArrayList<>();
        boolean waiting = false;
        for (Route route : desired.values()) {
            if (!present.contains(route.device().orElseThrow())) {
                waiting = true;
                continue;
            }
            Route have = owned.get(route.destination());
            if (!asKernelReports(route).equals(have)) {
                changes.add(RouteChange.replace(route));
            }
        }
        owned.forEach((destination, route) -> {
            if (!desired.containsKey(destination)) {
                changes.add(RouteChange.delete(route));
            }
        });
        if (!changes.isEmpty()) {
            LOG.debug("route changes in {}: {}", ns, changes);
            routes.apply(ns, changes);
        }
        return waiting;
    }

    private static Route asKernelReports(Route route) {
        if (route.family() != IpFamily.V6) {
            return route;
        }
        return new Route(route.destination(), route.type(), route.table(), route.protocol(), RouteScope.UNIVERSE,
                route.device(), route.gateway(), route.onlink(), route.metric() == 0 ? IPV6_DEFAULT_METRIC : route.metric());
    }
}
