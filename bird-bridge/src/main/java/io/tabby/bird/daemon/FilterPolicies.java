package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdProtocol;
import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.config.StaticRoute;
import io.tabby.bird.filter.BgpRouteView;
import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.filter.FilterVerdict;
import io.tabby.bird.filter.RouteFilterEngine;
import io.tabby.bird.rib.ExportFilter;
import io.tabby.bird.rib.Route;
import io.tabby.bird.speaker.ImportFilter;
import io.tabby.bird.speaker.PolicyHook;
import io.tabby.bird.wire.Bytes;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The speaker's import and export policies, evaluated by the filter language: {@code all},
 * {@code none}, {@code filter NAME} and {@code where EXPR}, as BIRD runs them. A route is shown to a
 * filter with {@code proto} set to the protocol it came from: the BGP protocol of its neighbour, or
 * the static protocol that declares a route we originate, or the direct or kernel protocol whose
 * route we offer ({@link LocalOrigination}).
 *
 * <p>Attribute changes a filter makes ({@code bgp_local_pref = ...}) are not carried into the
 * route: the speaker's filters decide accept or reject only.
 */
final class FilterPolicies implements PolicyHook {

    private final LocalOrigination local;

    FilterPolicies(LocalOrigination local) {
        this.local = requireNonNull(local, "local is null");
    }

    @Override
    public ImportFilter importFilter(BirdConfig config, BgpProtocol protocol) {
        requireNonNull(protocol, "protocol is null");
        RoutePolicy policy = protocol.importPolicy();
        if (policy instanceof RoutePolicy.All) {
            return ImportFilter.ALL;
        }
        if (policy instanceof RoutePolicy.None) {
            return ImportFilter.NONE;
        }
        RouteFilterEngine engine = new RouteFilterEngine(config);
        String name = protocol.name();
        // The import filter is not told the MP next hop: bgp_next_hop of IPv6 routes is undefined here.
        return (from, prefix, attributes) -> accepted(engine.run(policy,
                BgpRouteView.of(prefix, name, attributes, Bytes.EMPTY, from.address())));
    }

    @Override
    public ExportFilter exportFilter(BirdConfig config, BgpProtocol protocol) {
        requireNonNull(protocol, "protocol is null");
        RoutePolicy policy = protocol.exportPolicy();
        if (policy instanceof RoutePolicy.All) {
            return ExportFilter.ALL;
        }
        if (policy instanceof RoutePolicy.None) {
            return (target, route) -> false;
        }
        RouteFilterEngine engine = new RouteFilterEngine(config);
        Map<InetAddress, String> neighbors = neighbors(config);
        Map<NetPrefix, String> statics = staticOwners(config);
        return (target, route) -> accepted(engine.run(policy, view(route, neighbors, statics, local)));
    }

    private static FilterRoute view(Route route, Map<InetAddress, String> neighbors, Map<NetPrefix, String> statics,
            LocalOrigination local) {
        NetPrefix net = BgpRouteView.net(route.prefix());
        if (route.source().isLocal()) {
            String owner = statics.get(net);
            return FilterRoute.of(net, owner != null ? owner : local.owner(net).orElse("static1"));
        }
        String protocol = neighbors.getOrDefault(route.source().address(), "bgp");
        return BgpRouteView.of(route.prefix(), protocol, route.attributes(), route.mpNextHop(), route.source().address());
    }

    private static boolean accepted(FilterVerdict verdict) {
        return switch (verdict) {
            case FilterVerdict.Accepted accepted -> true;
            case FilterVerdict.Rejected rejected -> false;
        };
    }

    static Map<InetAddress, String> neighbors(BirdConfig config) {
        Map<InetAddress, String> names = new HashMap<>();
        config.bgpProtocols().forEach(p -> names.put(p.neighbor(), p.name()));
        return names;
    }

    /** Which static protocol declares each prefix (the first, as BIRD's table would show it). */
    static Map<NetPrefix, String> staticOwners(BirdConfig config) {
        Map<NetPrefix, String> owners = new HashMap<>();
        for (BirdProtocol protocol : config.protocols()) {
            if (protocol instanceof StaticProtocol statics) {
                for (StaticRoute route : statics.routes()) {
                    owners.putIfAbsent(route.prefix(), statics.name());
                }
            }
        }
        return owners;
    }
}
