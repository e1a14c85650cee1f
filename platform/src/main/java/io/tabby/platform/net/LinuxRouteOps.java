package io.tabby.platform.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RouteOps} over {@code ip route}. Lists with {@code ip -N -json} so table, protocol,
 * scope and type come back as numbers; iproute2 leaves out fields that equal the filter (or the
 * main table, unicast type, universe scope), and the parser fills those back in.
 */
public final class LinuxRouteOps implements RouteOps {

    private final IpRoute2 ip;

    public LinuxRouteOps(CommandRunner runner) {
        this.ip = new IpRoute2(runner);
    }

    @Override
    public List<Route> list(NetNs ns, RouteFilter filter) {
        return parseRoutes(ip.json(ns, "ip", listArgs(filter)), filter);
    }

    @Override
    public void apply(NetNs ns, List<RouteChange> changes) {
        ip.batch(ns, "ip", changes.stream().map(LinuxRouteOps::line).toList());
    }

    static List<String> listArgs(RouteFilter filter) {
        List<String> args = new ArrayList<>(List.of("-N", filter.family().flag(), "route", "show", "table",
                filter.table() == RouteTables.ALL ? "all" : Integer.toString(filter.table())));
        filter.protocol().ifPresent(protocol -> args.addAll(List.of("proto", Integer.toString(protocol))));
        return args;
    }

    /** One {@code ip -batch} line (without the leading {@code ip}). */
    static String line(RouteChange change) {
        Route route = change.route();
        StringBuilder line = new StringBuilder("route ");
        switch (change) {
            case RouteChange.Replace replace -> {
                line.append("replace ");
                appendTypeAndDestination(line, route);
                route.gateway().ifPresent(gw -> line.append(" via ").append(IpPrefix.format(gw)));
                route.device().ifPresent(dev -> line.append(" dev ").append(dev));
                if (route.onlink()) {
                    line.append(" onlink");
                }
                line.append(" scope ").append(route.scope().number());
            }
            case RouteChange.Delete delete -> {
                line.append("del ");
                appendTypeAndDestination(line, route);
            }
        }
        line.append(" table ").append(route.table()).append(" proto ").append(route.protocol());
        if (route.metric() > 0) {
            line.append(" metric ").append(route.metric());
        }
        return line.toString();
    }

    private static void appendTypeAndDestination(StringBuilder line, Route route) {
        if (route.type() != RouteType.UNICAST) {
            line.append(route.type().keyword()).append(' ');
        }
        line.append(route.destination());
    }

    static List<Route> parseRoutes(JsonNode array, RouteFilter filter) {
        int tableWhenAbsent = filter.table() == RouteTables.ALL ? RouteTables.MAIN : filter.table();
        int protocolWhenAbsent = filter.protocol().orElse(RouteProtocols.UNSPEC);
        List<Route> routes = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.has("nexthops")) {
                continue; // multipath routes are never Tabby's; skipping them keeps the model simple
            }
            String gateway = IpRoute2.text(node, "gateway", null);
            String device = IpRoute2.text(node, "dev", null);
            routes.add(new Route(
                    IpPrefix.parse(IpRoute2.text(node, "dst", "default"), filter.family()),
                    RouteType.ofNumber(IpRoute2.number(node, "type", RouteType.UNICAST.number())),
                    IpRoute2.number(node, "table", tableWhenAbsent),
                    IpRoute2.number(node, "protocol", protocolWhenAbsent),
                    RouteScope.ofNumber(IpRoute2.number(node, "scope", RouteScope.UNIVERSE.number())),
                    Optional.ofNullable(device),
                    Optional.ofNullable(gateway).map(IpPrefix::parseAddress),
                    IpRoute2.hasFlag(node, "flags", "onlink"),
                    IpRoute2.number(node, "metric", 0)));
        }
        return List.copyOf(routes);
    }
}
