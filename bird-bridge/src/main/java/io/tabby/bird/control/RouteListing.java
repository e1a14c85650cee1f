package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to a {@link RouteQuery}: the routes to print and the counts {@code show route count}
 * reports ({@code <shown> of <examined> routes for <networks> networks}).
 *
 * @param routes the selected routes, each network's best first
 * @param examined the routes looked at: every route of the networks visited
 * @param networks the networks visited
 */
public record RouteListing(List<RouteView> routes, long examined, long networks) {

    public RouteListing {
        routes = List.copyOf(routes);
    }

    /**
     * Selects from {@code all} (grouped by network, best first) what {@code query} asks for, by a
     * linear scan: good for the static and kernel tables of a small node and for tests; a large RIB
     * answers from its own index.
     */
    public static RouteListing select(List<RouteView> all, RouteQuery query) {
        requireNonNull(all, "all is null");
        requireNonNull(query, "query is null");
        List<RouteView> visited = all;
        if (query.forAddress().isPresent()) {
            String best = longestMatch(all, query.forAddress().get());
            visited = best == null ? List.of() : all.stream().filter(r -> r.prefix().equals(best)).toList();
        }
        Set<String> networks = new LinkedHashSet<>();
        List<RouteView> selected = new ArrayList<>();
        for (RouteView route : visited) {
            networks.add(route.prefix());
            if (query.protocol().isEmpty() || query.protocol().get().equals(route.protocol())) {
                selected.add(route);
            }
        }
        return new RouteListing(selected, visited.size(), networks.size());
    }

    private static String longestMatch(List<RouteView> all, InetAddress address) {
        String best = null;
        int bestLength = -1;
        for (RouteView route : all) {
            IpPrefix prefix = IpPrefix.parse(route.prefix());
            if (prefix.length() > bestLength && covers(prefix, address)) {
                best = route.prefix();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    private static boolean covers(IpPrefix prefix, InetAddress address) {
        if (IpPrefix.familyOf(address) != prefix.family()) {
            return false;
        }
        return new IpPrefix(address, prefix.length()).network().equals(prefix.network());
    }
}
