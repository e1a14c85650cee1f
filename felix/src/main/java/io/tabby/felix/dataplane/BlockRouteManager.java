package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.felix.api.DataplaneMessage.RouteUpdate;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteScope;
import io.tabby.platform.net.RouteTables;
import io.tabby.platform.net.RouteType;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The IPAM block routes: felix owns every IPv4 main-table route with protocol 80 (no one else
 * writes that protocol: BIRD's are {@code proto bird}, workload routes {@code proto boot}) and
 * makes them exactly the wanted ones, in one batch: {@code via <tunnel ip> dev vxlan.calico onlink},
 * {@code via <node ip> dev tunl0 onlink}, {@code via <node ip> dev <the interface on that subnet>}
 * (CrossSubnet, same subnet) and {@code blackhole <block>}. A route whose device is not there yet
 * (the tunnel device is made by an earlier step that may be waiting) is left for a later pass.
 */
final class BlockRouteManager {
    private final KernelOps kernel;
    private Map<Cidr, RouteUpdate> desired = Map.of();

    BlockRouteManager(KernelOps kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    void setDesired(Map<Cidr, RouteUpdate> routes) {
        desired = Map.copyOf(routes);
    }

    /** True when a wanted route had to wait for its device. */
    boolean apply() {
        Set<String> links = kernel.links().list(kernel.ns()).stream().map(Link::name).collect(Collectors.toSet());
        List<Address> addresses = kernel.addrs().list(kernel.ns(), IpFamily.V4);
        Set<Route> wanted = new HashSet<>();
        boolean waiting = false;
        for (RouteUpdate update : desired.values()) {
            Optional<Route> route = route(update, addresses);
            if (route.isEmpty() || !route.get().device().map(links::contains).orElse(true)) {
                waiting = true;
                continue;
            }
            wanted.add(route.get());
        }
        Set<IpPrefix> destinations = wanted.stream().map(Route::destination).collect(Collectors.toSet());
        List<Route> have = kernel.routes().list(kernel.ns(), RouteFilter.owned(IpFamily.V4, RouteTables.MAIN,
                RouteProtocols.FELIX));
        List<RouteChange> changes = new ArrayList<>();
        // A route that is only changing is replaced below; deleting it first would open a gap.
        have.stream().filter(r -> !wanted.contains(r) && !destinations.contains(r.destination()))
                .forEach(r -> changes.add(RouteChange.delete(r)));
        wanted.stream().filter(r -> !have.contains(r)).forEach(r -> changes.add(RouteChange.replace(r)));
        if (!changes.isEmpty()) {
            kernel.routes().apply(kernel.ns(), changes);
        }
        return waiting;
    }

    /** The kernel route for {@code update}; empty when a direct route finds no interface on the gateway's subnet. */
    private static Optional<Route> route(RouteUpdate update, List<Address> addresses) {
        IpPrefix destination = IpPrefix.parse(update.destination().toString());
        return switch (update.kind()) {
            case BLACKHOLE -> Optional.of(Route.blackhole(destination.toString(), RouteProtocols.FELIX));
            case VXLAN -> Optional.of(onlink(destination, VxlanManager.DEVICE, update.gateway().orElseThrow()));
            case IPIP -> Optional.of(onlink(destination, IpipManager.DEVICE, update.gateway().orElseThrow()));
            case DIRECT -> {
                IpAddr gateway = update.gateway().orElseThrow();
                yield addresses.stream().filter(a -> onSubnet(a, gateway)).findFirst()
                        .map(a -> new Route(destination, RouteType.UNICAST, RouteTables.MAIN, RouteProtocols.FELIX,
                                RouteScope.UNIVERSE, Optional.of(a.device()), Optional.of(inet(gateway)), false, 0));
            }
        };
    }

    private static Route onlink(IpPrefix destination, String device, IpAddr gateway) {
        return new Route(destination, RouteType.UNICAST, RouteTables.MAIN, RouteProtocols.FELIX, RouteScope.UNIVERSE,
                Optional.of(device), Optional.of(inet(gateway)), true, 0);
    }

    private static boolean onSubnet(Address address, IpAddr ip) {
        IpPrefix prefix = address.prefix();
        return Cidr.parse(IpPrefix.format(prefix.address()) + "/" + prefix.length()).contains(ip);
    }

    private static InetAddress inet(IpAddr ip) {
        return IpPrefix.parseAddress(ip.toString());
    }
}
