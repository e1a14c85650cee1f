package io.tabby.bird.kernel;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.RouteType;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A route as the kernel protocol installs it: a destination and where it leads. The table and the
 * protocol number are the kernel protocol's, not the route's.
 *
 * @param destination the network
 * @param type unicast, blackhole, unreachable or prohibit
 * @param gateway the next hop of a unicast route via a gateway
 * @param device the output device; for a {@code krt_tunnel} route the tunnel
 * @param onlink the gateway is reached on the device without a covering subnet ({@code krt_tunnel})
 */
public record KernelRoute(IpPrefix destination, RouteType type, Optional<InetAddress> gateway, Optional<String> device,
        boolean onlink) {

    public KernelRoute {
        destination = requireNonNull(destination, "destination is null").network();
        requireNonNull(type, "type is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(device, "device is null");
        if (type == RouteType.UNICAST && gateway.isEmpty() && device.isEmpty()) {
            throw new IllegalArgumentException("unicast route " + destination + " needs a gateway or a device");
        }
        if (type != RouteType.UNICAST && (gateway.isPresent() || device.isPresent())) {
            throw new IllegalArgumentException(type.keyword() + " route " + destination + " takes no gateway or device");
        }
        if (onlink && (gateway.isEmpty() || device.isEmpty())) {
            throw new IllegalArgumentException("onlink route " + destination + " needs both a gateway and a device");
        }
    }

    /** {@code DST via GW} (the kernel picks the device). */
    public static KernelRoute via(IpPrefix destination, InetAddress gateway) {
        return new KernelRoute(destination, RouteType.UNICAST, Optional.of(gateway), Optional.empty(), false);
    }

    /** {@code DST via GW dev DEVICE}. */
    public static KernelRoute via(IpPrefix destination, InetAddress gateway, String device) {
        return new KernelRoute(destination, RouteType.UNICAST, Optional.of(gateway), Optional.of(device), false);
    }

    /** {@code DST via GW dev TUNNEL onlink}: a BGP route whose kernel filter set {@code krt_tunnel}. */
    public static KernelRoute tunnel(IpPrefix destination, InetAddress gateway, String tunnel) {
        return new KernelRoute(destination, RouteType.UNICAST, Optional.of(gateway), Optional.of(tunnel), true);
    }

    /** {@code DST dev DEVICE}. */
    public static KernelRoute device(IpPrefix destination, String device) {
        return new KernelRoute(destination, RouteType.UNICAST, Optional.empty(), Optional.of(device), false);
    }

    public static KernelRoute blackhole(IpPrefix destination) {
        return new KernelRoute(destination, RouteType.BLACKHOLE, Optional.empty(), Optional.empty(), false);
    }

    /** The route with a {@code krt_tunnel} applied: an empty or absent tunnel leaves it as it is. */
    public KernelRoute withTunnel(Optional<String> tunnel) {
        if (tunnel.isEmpty() || tunnel.get().isEmpty() || gateway.isEmpty()) {
            return this;
        }
        return tunnel(destination, gateway.get(), tunnel.get());
    }
}
