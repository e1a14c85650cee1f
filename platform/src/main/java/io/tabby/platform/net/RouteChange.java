package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

/** One line of a route batch: make a route exactly so, or remove it. */
public sealed interface RouteChange {

    Route route();

    static RouteChange replace(Route route) {
        return new Replace(route);
    }

    static RouteChange delete(Route route) {
        return new Delete(route);
    }

    /** {@code ip route replace}: add, or overwrite the route with the same table/destination/metric. */
    record Replace(Route route) implements RouteChange {
        public Replace {
            requireNonNull(route, "route is null");
        }
    }

    /** {@code ip route del}: matched by table, destination, protocol (and metric when set). */
    record Delete(Route route) implements RouteChange {
        public Delete {
            requireNonNull(route, "route is null");
        }
    }
}
