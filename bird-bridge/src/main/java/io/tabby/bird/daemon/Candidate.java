package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.kernel.OriginRoute;

/**
 * One protocol's route to a network in the daemon's table, as BIRD's master table holds it: the
 * best of them by preference is what the kernel protocol is offered.
 *
 * @param protocol the protocol's name
 * @param preference BGP 100, static 200, direct 240, learned kernel routes 10
 * @param view the route as a filter sees it
 * @param route the route as the kernel would hold it
 * @param kind where it came from
 */
record Candidate(String protocol, int preference, FilterRoute view, KernelRoute route, Kind kind) {

    static final int BGP_PREFERENCE = 100;

    enum Kind { BGP, STATIC, DIRECT, KERNEL }

    Candidate {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(view, "view is null");
        requireNonNull(route, "route is null");
        requireNonNull(kind, "kind is null");
    }

    static Candidate of(OriginRoute origin, Kind kind) {
        return new Candidate(origin.protocol(), origin.preference(), origin.filterView(), origin.route(), kind);
    }
}
