package io.tabby.bird.daemon;

import io.tabby.bird.filter.BgpRouteView;
import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.filter.FilterValue;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.rib.Route;
import io.tabby.platform.net.IpPrefix;
import java.util.Optional;

/** A best BGP route from the RIB as a {@link Candidate} of the daemon's table. */
final class BgpCandidates {

    private BgpCandidates() {
    }

    /** Empty for a route without a usable next hop (it cannot go into the kernel). */
    static Optional<Candidate> of(Route route, String protocol) {
        FilterRoute view = BgpRouteView.of(route.prefix(), protocol, route.attributes(), route.mpNextHop(),
                route.source().address());
        IpPrefix destination = destination(route);
        return view.attribute("bgp_next_hop")
                .filter(FilterValue.Ip.class::isInstance)
                .map(nh -> ((FilterValue.Ip) nh).address())
                .filter(nh -> !nh.isAnyLocalAddress())
                .map(nh -> new Candidate(protocol, Candidate.BGP_PREFERENCE, view, KernelRoute.via(destination, nh),
                        Candidate.Kind.BGP));
    }

    static IpPrefix destination(Route route) {
        var net = BgpRouteView.net(route.prefix());
        return new IpPrefix(net.address(), net.length());
    }
}
