package io.tabby.bird.daemon;

import io.tabby.bird.control.RouteView;
import io.tabby.bird.control.RouteView.Via;
import io.tabby.bird.filter.BgpRouteView;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.rib.Rib;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The routes of {@code show route}: BGP paths read on the RIB thread, plus the static, direct and
 * learned kernel routes of the daemon's table; per network the best (highest preference) first.
 */
final class RouteRows {

    private RouteRows() {
    }

    /** One BGP path, copied off the RIB thread. */
    record BgpPath(Prefix prefix, Route route, boolean best) {
    }

    /** Runs on the RIB thread: every path of every network that has a best path, best first. */
    static List<BgpPath> readRib(Rib rib) {
        List<BgpPath> out = new ArrayList<>();
        rib.forEachBest((prefix, best) -> {
            if (best.source().isLocal()) {
                return;
            }
            out.add(new BgpPath(prefix, best, true));
            for (Route path : rib.paths(prefix)) {
                if (!path.equals(best) && !path.source().isLocal()) {
                    out.add(new BgpPath(prefix, path, false));
                }
            }
        });
        return out;
    }

    static List<RouteView> of(List<BgpPath> bgp, TableSnapshot table, IntFunction<Optional<String>> names,
            IntFunction<Instant> since, Instant started) {
        Map<String, List<Entry>> byNetwork = new LinkedHashMap<>();
        for (BgpPath path : bgp) {
            IpPrefix net = BgpCandidates.destination(path.route());
            String protocol = names.apply(path.route().source().id()).orElse("bgp");
            byNetwork.computeIfAbsent(net.toString(), k -> new ArrayList<>())
                    .add(new Entry(Candidate.BGP_PREFERENCE, bgpView(path, net, protocol, table, since)));
        }
        for (List<Candidate> local : List.of(table.statics(), table.direct(), table.learned())) {
            for (Candidate c : local) {
                byNetwork.computeIfAbsent(c.route().destination().toString(), k -> new ArrayList<>())
                        .add(new Entry(c.preference(), localView(c, started)));
            }
        }
        List<RouteView> rows = new ArrayList<>();
        for (List<Entry> entries : byNetwork.values()) {
            entries.sort(Comparator.comparingInt(Entry::preference).reversed());
            for (int i = 0; i < entries.size(); i++) {
                RouteView v = entries.get(i).view();
                // the sort is stable: among BGP paths the RIB's best, listed first, stays first
                boolean primary = i == 0;
                rows.add(new RouteView(v.prefix(), v.via(), v.protocol(), v.since(), v.from(), primary, v.info(), v.type(),
                        v.attributes()));
            }
        }
        return rows;
    }

    private record Entry(int preference, RouteView view) {
    }

    private static RouteView bgpView(BgpPath path, IpPrefix net, String protocol, TableSnapshot table,
            IntFunction<Instant> since) {
        Route route = path.route();
        Optional<Candidate> candidate = BgpCandidates.of(route, protocol);
        Via via = candidate.flatMap(c -> c.route().gateway())
                .<Via>map(gw -> new Via.Gateway(gw, deviceFor(gw, table)))
                .orElse(new Via.Unreachable());
        AsPath asPath = route.attributes().get(AsPath.class).orElse(AsPath.EMPTY);
        Origin.Kind origin = route.attributes().get(Origin.class).map(Origin::kind).orElse(Origin.Kind.INCOMPLETE);
        char code = switch (origin) {
            case IGP -> 'i';
            case EGP -> 'e';
            case INCOMPLETE -> '?';
        };
        List<String> attributes = new ArrayList<>();
        attributes.add("BGP.origin: " + switch (origin) {
            case IGP -> "IGP";
            case EGP -> "EGP";
            case INCOMPLETE -> "Incomplete";
        });
        attributes.add("BGP.as_path: " + asPathText(asPath));
        candidate.flatMap(c -> c.route().gateway())
                .ifPresent(gw -> attributes.add("BGP.next_hop: " + IpPrefix.format(gw)));
        InetAddress from = route.source().address();
        String info = RouteView.bgpInfo(Candidate.BGP_PREFERENCE, OptionalLong.empty(), originAs(asPath), code);
        return new RouteView(net.toString(), via, protocol, since.apply(route.source().id()), Optional.of(from),
                path.best(), info, "BGP unicast univ", attributes);
    }

    private static RouteView localView(Candidate c, Instant started) {
        KernelRoute route = c.route();
        Via via = switch (route.type()) {
            case BLACKHOLE -> new Via.Blackhole();
            case UNREACHABLE -> new Via.Unreachable();
            case PROHIBIT -> new Via.Prohibited();
            default -> route.gateway().<Via>map(gw -> new Via.Gateway(gw, route.device().orElse("?")))
                    .orElseGet(() -> new Via.Device(route.device().orElse("?")));
        };
        String type = switch (c.kind()) {
            case STATIC -> "static unicast univ";
            case DIRECT -> "device unicast univ";
            case KERNEL -> "inherit unicast univ";
            case BGP -> "BGP unicast univ";
        };
        return new RouteView(route.destination().toString(), via, c.protocol(), started, Optional.empty(), false,
                RouteView.preferenceInfo(c.preference()), type, List.of());
    }

    /** The interface of the direct route that covers {@code gateway} (BIRD shows it after {@code on}). */
    private static String deviceFor(InetAddress gateway, TableSnapshot table) {
        for (Candidate c : table.direct()) {
            IpPrefix net = c.route().destination();
            if (IpPrefix.familyOf(gateway) == net.family()
                    && new IpPrefix(gateway, net.length()).network().equals(net.network())) {
                return c.route().device().orElse("?");
            }
        }
        return "?";
    }

    private static OptionalLong originAs(AsPath path) {
        List<AsPathSegment> segments = path.segments();
        if (segments.isEmpty() || segments.getLast().asns().isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(segments.getLast().asns().getLast());
    }

    private static String asPathText(AsPath path) {
        StringBuilder text = new StringBuilder();
        for (AsPathSegment segment : path.segments()) {
            boolean set = segment.type() == AsPathSegment.Type.AS_SET;
            if (set) {
                text.append(text.isEmpty() ? "" : " ").append("{");
            }
            for (Long asn : segment.asns()) {
                text.append(text.isEmpty() || text.charAt(text.length() - 1) == '{' ? "" : " ").append(asn);
            }
            if (set) {
                text.append("}");
            }
        }
        return text.toString();
    }
}
