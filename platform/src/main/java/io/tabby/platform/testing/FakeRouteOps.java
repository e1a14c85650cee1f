package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.RouteScope;
import java.util.List;

/**
 * {@link RouteOps} over a {@link FakeKernel}. A route is identified, as in the kernel, by table,
 * destination and metric; a delete also has to match the protocol (and type), so deleting with
 * the wrong ownership mark fails instead of removing someone else's route.
 */
final class FakeRouteOps implements RouteOps {

    private static final int IPV6_DEFAULT_METRIC = 1024;

    private final FakeKernel kernel;

    FakeRouteOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public List<Route> list(NetNs ns, RouteFilter filter) {
        synchronized (kernel) {
            return kernel.namespace(ns).routes.stream().filter(filter::matches).toList();
        }
    }

    @Override
    public void apply(NetNs ns, List<RouteChange> changes) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("route", changes, change -> {
                switch (change) {
                    case RouteChange.Replace replace -> replace(ns, state, replace.route());
                    case RouteChange.Delete delete -> delete(ns, state, delete.route());
                }
            });
        }
    }

    private void replace(NetNs ns, FakeNamespace state, Route given) {
        Route route = asKernelStores(given);
        if (route.device().isPresent()) {
            FakeBatch.requireDevice(state, route.device().get());
        }
        state.routes.removeIf(existing -> sameKey(existing, route));
        state.routes.add(route);
        kernel.record(ns, "route replace", route);
    }

    private void delete(NetNs ns, FakeNamespace state, Route route) {
        boolean removed = state.routes.removeIf(existing -> sameKey(existing, route)
                && existing.protocol() == route.protocol() && existing.type() == route.type());
        if (!removed) {
            throw new FakeBatch.Refused("RTNETLINK answers: No such process");
        }
        kernel.record(ns, "route del", route);
    }

    /**
     * The IPv6 FIB has no scopes and gives routes without a metric the default 1024; the fake
     * reports such routes the way the kernel does, so a reconciler's diff meets the same surprise.
     */
    private static Route asKernelStores(Route route) {
        if (route.family() != IpFamily.V6) {
            return route;
        }
        return new Route(route.destination(), route.type(), route.table(), route.protocol(), RouteScope.UNIVERSE,
                route.device(), route.gateway(), route.onlink(), route.metric() == 0 ? IPV6_DEFAULT_METRIC : route.metric());
    }

    private static boolean sameKey(Route a, Route b) {
        return a.table() == b.table() && a.destination().equals(b.destination())
                && (a.metric() == b.metric() || a.metric() == 0 || b.metric() == 0);
    }
}
