package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A route as Tabby programs and reads it. The protocol number is the ownership mark
 * ({@link RouteProtocols}); the destination is always kept as a network (host bits cleared).
 *
 * @param destination the prefix routed
 * @param type        unicast, blackhole, ...
 * @param table       routing table ({@link RouteTables#MAIN} unless policy routing is in use)
 * @param protocol    {@code rtm_protocol}, 0..255
 * @param scope       link for device routes to workloads, universe for routes via a gateway
 * @param device      output interface, if any (blackholes have none)
 * @param gateway     next hop, if any
 * @param onlink      whether the gateway is reachable on the device without a covering subnet
 *                    (VXLAN routes: {@code via <remote tunnel ip> dev vxlan.calico onlink})
 * @param metric      priority; 0 leaves the kernel default (IPv6 reports 1024 then)
 */
public record Route(IpPrefix destination, RouteType type, int table, int protocol, RouteScope scope,
                    Optional<String> device, Optional<InetAddress> gateway, boolean onlink, int metric) {

    public Route {
        destination = requireNonNull(destination, "destination is null").network();
        requireNonNull(type, "type is null");
        RouteTables.check(table);
        RouteProtocols.check(protocol);
        requireNonNull(scope, "scope is null");
        requireNonNull(device, "device is null");
        requireNonNull(gateway, "gateway is null");
        device.ifPresent(LinkNames::check);
        if (metric < 0) {
            throw new IllegalArgumentException("metric " + metric + " of route " + destination + " is negative");
        }
        if (gateway.isPresent() && IpPrefix.familyOf(gateway.get()) != destination.family()) {
            throw new IllegalArgumentException("route " + destination + " has gateway "
                    + IpPrefix.format(gateway.get()) + " of the other IP family");
        }
        if (type == RouteType.UNICAST && device.isEmpty() && gateway.isEmpty()) {
            throw new IllegalArgumentException("unicast route " + destination + " needs a device or a gateway");
        }
    }

    /** {@code DST dev DEVICE scope link proto PROTOCOL} in the main table (a route to a workload). */
    public static Route toDevice(String destination, String device, int protocol) {
        return new Route(IpPrefix.parse(destination), RouteType.UNICAST, RouteTables.MAIN, protocol,
                RouteScope.LINK, Optional.of(device), Optional.empty(), false, 0);
    }

    /** {@code DST via GATEWAY dev DEVICE proto PROTOCOL} in the main table. */
    public static Route via(String destination, String gateway, String device, int protocol) {
        return new Route(IpPrefix.parse(destination), RouteType.UNICAST, RouteTables.MAIN, protocol,
                RouteScope.UNIVERSE, Optional.of(device), Optional.of(IpPrefix.parseAddress(gateway)), false, 0);
    }

    /** {@code blackhole DST proto PROTOCOL} in the main table (a local IPAM block). */
    public static Route blackhole(String destination, int protocol) {
        return new Route(IpPrefix.parse(destination), RouteType.BLACKHOLE, RouteTables.MAIN, protocol,
                RouteScope.UNIVERSE, Optional.empty(), Optional.empty(), false, 0);
    }

    public Route inTable(int newTable) {
        return new Route(destination, type, newTable, protocol, scope, device, gateway, onlink, metric);
    }

    public Route withOnlink(boolean newOnlink) {
        return new Route(destination, type, table, protocol, scope, device, gateway, newOnlink, metric);
    }

    public Route withMetric(int newMetric) {
        return new Route(destination, type, table, protocol, scope, device, gateway, onlink, newMetric);
    }

    public IpFamily family() {
        return destination.family();
    }
}
