package io.tabby.bird.kernel;

import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.config.StaticRoute;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.RouteType;
import java.util.List;
import java.util.Optional;

/** The routes of a {@code protocol static} block: the blackholes of the node's blocks, and {@code via} routes. */
public final class StaticRoutes {

    private StaticRoutes() {
    }

    public static List<OriginRoute> of(StaticProtocol protocol) {
        return protocol.routes().stream().map(route -> new OriginRoute(protocol.name(), OriginRoute.STATIC_PREFERENCE,
                kernelRoute(route))).toList();
    }

    private static KernelRoute kernelRoute(StaticRoute route) {
        IpPrefix destination = new IpPrefix(route.prefix().address(), route.prefix().length());
        return switch (route.kind()) {
            case BLACKHOLE -> KernelRoute.blackhole(destination);
            case UNREACHABLE -> new KernelRoute(destination, RouteType.UNREACHABLE, Optional.empty(), Optional.empty(), false);
            case PROHIBIT -> new KernelRoute(destination, RouteType.PROHIBIT, Optional.empty(), Optional.empty(), false);
            case VIA -> KernelRoute.via(destination, route.gateway().orElseThrow());
        };
    }
}
