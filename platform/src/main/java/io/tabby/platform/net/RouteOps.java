package io.tabby.platform.net;

import java.util.List;

/**
 * Routes in a namespace. Reads filter by table and protocol so an owner sees only its own
 * routes; writes go to the kernel in one batch, and a failed line does not stop the others
 * ({@link BatchFailedException} names the failed ones).
 */
public interface RouteOps {

    List<Route> list(NetNs ns, RouteFilter filter);

    /** Applies {@code changes} in order, as one batch. */
    void apply(NetNs ns, List<RouteChange> changes);

    default void replace(NetNs ns, List<Route> routes) {
        apply(ns, routes.stream().map(RouteChange::replace).toList());
    }

    default void delete(NetNs ns, List<Route> routes) {
        apply(ns, routes.stream().map(RouteChange::delete).toList());
    }
}
